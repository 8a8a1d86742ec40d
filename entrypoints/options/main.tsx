import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { ConnectStrava } from '../../components/options/connect/ConnectStrava';
import { DataSection } from '../../components/options/DataSection';
import { NotificationsSection } from '../../components/options/NotificationsSection';
import { ProfileSection } from '../../components/options/ProfileSection';
import { type MessageError, sendMessage } from '../../lib/messaging/protocol';
import { connectionItem } from '../../lib/store/connection';
import { brokerOrigin } from '../../lib/strava/broker-client';
import '../../components/shared/tokens.css';
import './style.css';
import type { Connection } from '../../lib/model/connection';
import type { Units } from '../../lib/model/profile';
import type { Settings } from '../../lib/model/settings';

z.config({ jitless: true });

/** A build that names a token broker offers one-click connect (lib/strava/broker-client). */
const HOSTED = brokerOrigin(import.meta.env.WXT_BROKER_URL) !== null;

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function download(json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `bounceback-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const UNANSWERED: MessageError = {
  kind: 'oauth',
  reason: 'failed',
  message: 'Bounceback’s background did not answer. Reload this page.',
};

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [connection, setConnection] = useState<Connection | null>(null);
  const [redirectUrl, setRedirectUrl] = useState<string | null>(null);
  const [connectionError, setConnectionError] = useState<MessageError | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const connected = connection !== null && connection.state !== 'disconnected';
  const stravaUnits: Units = connection?.athlete?.units ?? 'metric';

  const loadSettings = async () => {
    const res = await sendMessage('getSettings', undefined);
    if (res.ok) setSettings(res.value);
    else setLoadError(res.error.message);
  };

  useEffect(() => {
    void loadSettings();
    Promise.all([sendMessage('getConnection', undefined), sendMessage('getRedirectUrl', undefined)])
      .then(([c, url]) => {
        if (c.ok) setConnection(c.value);
        else setConnectionError(c.error);
        setRedirectUrl(url.ok ? url.value : null);
      })
      .catch(() => setConnectionError(UNANSWERED));
    // A refresh failing in the background flips the state to "reconnect needed" while open.
    return connectionItem.watch(setConnection);
  }, []);

  const disconnect = async () => {
    const res = await sendMessage('disconnect', undefined);
    if (res.ok) setConnection(res.value.connection);
    return res;
  };

  const save = async (next: Settings) => {
    const res = await sendMessage('saveSettings', next);
    if (!res.ok) return { ok: false, message: res.error.message };
    setSettings(res.value);
    return { ok: true, message: 'Saved.' };
  };

  return (
    <main class="bb-options">
      <h1>Bounceback options</h1>
      <ConnectStrava
        connection={connection}
        redirectUrl={redirectUrl}
        loadError={connectionError}
        tagOnStrava={settings?.tagOnStrava ?? false}
        hosted={HOSTED}
        actions={{
          async connectHosted() {
            const res = await sendMessage('connectHosted', undefined);
            if (res.ok) setConnection(res.value);
            return res;
          },
          async setTagOnStrava(on) {
            const res = await sendMessage('setTagOnStrava', { on });
            await loadSettings();
            const c = await sendMessage('getConnection', undefined);
            if (c.ok) setConnection(c.value);
            return res.ok ? res.value : { on: false, message: res.error.message };
          },
          async connect(clientId, clientSecret) {
            const res = await sendMessage('connect', { clientId, clientSecret });
            if (res.ok) setConnection(res.value);
            return res;
          },
          disconnect,
        }}
      />
      {loadError && <p role="alert">{loadError}</p>}
      {settings ? (
        <>
          <ProfileSection
            settings={settings}
            stravaUnits={stravaUnits}
            timeZone={timeZone}
            onSave={save}
          />
          <NotificationsSection settings={settings} onSave={save} />
        </>
      ) : (
        !loadError && <p role="status">Loading your settings…</p>
      )}
      <DataSection
        connected={connected}
        actions={{
          async exportData() {
            const res = await sendMessage('exportData', undefined);
            if (!res.ok) return { ok: false, message: res.error.message };
            download(res.value.json);
            const skipped = res.value.skipped.length;
            return {
              ok: true,
              message: skipped
                ? `Exported; ${skipped} damaged record(s) were left out.`
                : 'Exported: the file is in your downloads.',
            };
          },
          async importData(text) {
            const res = await sendMessage('importData', { text });
            if (!res.ok) return { ok: false, error: res.error.message };
            if (res.value.ok) await loadSettings();
            return res.value;
          },
          async deleteEverything() {
            const res = await sendMessage('deleteEverything', undefined);
            if (!res.ok) return { ok: false, message: res.error.message };
            await loadSettings();
            return { ok: true, message: 'Everything Bounceback kept is deleted.' };
          },
          async disconnect() {
            const res = await disconnect();
            if (!res.ok) return { ok: false, message: res.error.message };
            return { ok: true, message: res.value.notice ?? 'Disconnected from Strava.' };
          },
        }}
      />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
