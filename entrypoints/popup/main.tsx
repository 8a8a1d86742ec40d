import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { PopupView } from '../../components/popup/PopupView';
import { sendMessage } from '../../lib/messaging/protocol';
import type { PlanSnapshot, PopupState } from '../../lib/messaging/views';
import { readPlanSnapshot } from '../../lib/store/plan-snapshot';
import { useNow } from '../../lib/ui/use-now';
import '../../components/shared/tokens.css';
import './style.css';

z.config({ jitless: true });

// The stored snapshot paints the timers at once. The worker's full answer (it may have to wake up
// and open its databases) replaces it; asked after that first frame, its work does not delay it.
const early = (globalThis as { __bbSnapshot?: Promise<Record<string, unknown>> }).__bbSnapshot;
const snapshot = readPlanSnapshot(early);
const firstState = snapshot
  .then((s) => (s ? new Promise<void>((done) => afterPaint(done)) : undefined))
  .then(() => sendMessage('getPopup', undefined));

function fromSnapshot(s: PlanSnapshot): PopupState {
  return { ...s, athleteName: null, recent: [], checkIns: [] };
}

/** Runs after the next frame has been painted. */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

const UNREACHABLE = 'Bounceback could not reach its background; close and reopen the popup.';

function Popup() {
  const now = useNow(1000);
  const [state, setState] = useState<PopupState | null>(null);
  const [lastChange, setLastChange] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Has the worker answered? Until then (and for one frame after) only the plan shows.
  const [answered, setAnswered] = useState(false);
  const [planOnly, setPlanOnly] = useState(true);

  const apply = useCallback((res: Awaited<typeof firstState>) => {
    if (res.ok) {
      setState(res.value);
      setAnswered(true);
      setError(null);
    } else setError(res.error.message);
  }, []);
  const load = useCallback(async () => {
    try {
      apply(await sendMessage('getPopup', undefined));
    } catch {
      setError(UNREACHABLE);
    }
  }, [apply]);

  // A layout effect: subscribed before the first paint, so the snapshot's frame is the next one.
  useLayoutEffect(() => {
    void snapshot.then((s) => {
      if (s) setState((known) => known ?? fromSnapshot(s));
    });
  }, []);

  useEffect(() => {
    // Show what we have at once, then look at Strava: opening the popup is a sync trigger.
    void firstState
      .then(apply, () => setError(UNREACHABLE))
      .then(() => sendMessage('syncNow', undefined))
      .then(load, () => undefined);
  }, [apply, load]);

  useEffect(() => {
    if (answered && planOnly) return afterPaint(() => setPlanOnly(false));
  }, [answered, planOnly]);

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
        verdict={state?.verdict}
        recent={state?.recent ?? []}
        checkIns={state?.checkIns ?? []}
        now={now}
        timeZone={state?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        units={state?.units ?? 'metric'}
        lastChange={lastChange}
        planOnly={planOnly}
        actions={{
          setStepDone: (activityId, stepId, done) =>
            void sendMessage('markStepDone', { activityId, stepId, done }).then(load),
          setRunKind: (activityId, kind) =>
            void sendMessage('setRunKind', { activityId, kind }).then(load),
          answer: (activityId, answer) =>
            void sendMessage('setRunnerSays', { activityId, ...answer }).then(load),
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
