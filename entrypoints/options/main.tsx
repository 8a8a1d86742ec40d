import { render } from 'preact';
import { useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { DataSection } from '../../components/options/DataSection';
import { NotificationsSection } from '../../components/options/NotificationsSection';
import { ProfileSection } from '../../components/options/ProfileSection';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import './style.css';

z.config({ jitless: true });

// Placeholder wiring: the lead replaces it with getSettings/saveSettings and the data messages.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const notYet = async () => ({ ok: false, message: 'Not wired to the background yet.' });

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const save = async (next: Settings) => {
    setSettings(next);
    return { ok: true, message: 'Saved (in this page only for now).' };
  };
  return (
    <main class="bb-options">
      <h1>Bounceback</h1>
      <ProfileSection settings={settings} stravaUnits="metric" timeZone={timeZone} onSave={save} />
      <NotificationsSection settings={settings} onSave={save} />
      <DataSection
        connected={false}
        actions={{
          exportData: notYet,
          importData: async () => ({ ok: false, error: 'Not wired to the background yet.' }),
          deleteEverything: notYet,
          disconnect: notYet,
        }}
      />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
