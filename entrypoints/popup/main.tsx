import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { PopupView } from '../../components/popup/PopupView';
import type { PopupState } from '../../lib/background/app-service';
import { sendMessage } from '../../lib/messages';
import { useNow } from '../../lib/ui/use-now';
import './style.css';

z.config({ jitless: true });

function Popup() {
  const now = useNow(1000);
  const [state, setState] = useState<PopupState | null>(null);
  const [lastChange, setLastChange] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await sendMessage('getPopup', undefined);
    if (res.ok) setState(res.value);
    else setError(res.error.message);
  }, []);

  useEffect(() => {
    // Show what we have at once, then look at Strava: opening the popup is a sync trigger.
    void load().then(() => sendMessage('syncNow', undefined).then(load));
  }, [load]);

  return (
    <>
      {error && (
        <p role="alert" class="bb-error">
          {error}
        </p>
      )}
      <PopupView
        status={state ? { connection: state.connection, sync: state.sync } : null}
        current={state?.current ?? null}
        recent={state?.recent ?? []}
        checkIns={state?.checkIns ?? []}
        now={now}
        timeZone={state?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        units={state?.units ?? 'metric'}
        lastChange={lastChange}
        actions={{
          setStepDone: (activityId, stepId, done) =>
            void sendMessage('markStepDone', { activityId, stepId, done }).then(load),
          async submitCheckIn(c) {
            const res = await sendMessage('checkIn', c);
            if (!res.ok) return { ok: false, message: res.error.message };
            setLastChange(res.value.changes);
            await load();
            return { ok: true, message: 'Saved.' };
          },
          async submitWeighIn(w) {
            const res = await sendMessage('saveWeighIn', w);
            if (!res.ok) return { ok: false, message: res.error.message };
            await load();
            return { ok: true, message: 'Saved: the fluid target now uses your weights.' };
          },
          openOptions: () => void sendMessage('openPage', { page: 'options' }),
          syncNow: () => {
            setState((s) => (s ? { ...s, sync: { ...s.sync, phase: 'syncing' } } : s));
            void sendMessage('syncNow', undefined).then(load);
          },
        }}
      />
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
