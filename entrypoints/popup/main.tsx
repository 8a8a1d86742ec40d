import { render } from 'preact';
import { z } from 'zod/mini';
import { PopupView } from '../../components/popup/PopupView';
import { useNow } from '../../lib/ui/use-now';
import './style.css';

z.config({ jitless: true });

// Placeholder wiring: the lead replaces it with messages to the background (getPopup, markStepDone,
// checkIn, saveWeighIn, syncNow, openPage).
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const notYet = async () => ({ ok: false, message: 'Not wired to the background yet.' });

function Popup() {
  const now = useNow(1000);
  return (
    <PopupView
      status={null}
      current={null}
      recent={[]}
      checkIns={[]}
      now={now}
      timeZone={timeZone}
      units="metric"
      lastChange={null}
      actions={{
        setStepDone: () => {},
        submitCheckIn: notYet,
        submitWeighIn: notYet,
        openOptions: () => {},
        syncNow: () => {},
      }}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
