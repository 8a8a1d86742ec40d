// The panel's glue: asks the background for this activity's state (it looks an unknown own
// activity up once), reloads when a sync pass ends, remembers collapsed/expanded, and turns
// clicks into messages. Rendering is Panel.tsx.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { sendMessage } from '../../lib/messaging/protocol';
import type { PanelState } from '../../lib/messaging/views';
import type { RunnerTagKind } from '../../lib/model/runner-tag';
import type { PanelTarget } from '../../lib/panel-frame/panel-target';
import { useNow } from '../../lib/ui/use-now';
import type { RunAnswer } from '../shared/RunQuestions';
import { Panel } from './Panel';

const collapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
const syncStatusKey = 'local:syncStatus';

function failed(message: string): PanelState {
  return {
    state: 'unknown',
    sync: {
      phase: 'idle',
      lastSyncAt: null,
      lastError: { kind: 'failed', message },
      pausedUntil: null,
    },
  };
}

export function PanelApp({ target }: { target: PanelTarget }) {
  const [state, setState] = useState<PanelState | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const now = useNow(state?.state === 'ready' ? 1000 : 60_000);

  const load = useCallback(async () => {
    try {
      const res = await sendMessage('getPanel', { activityId: target.activityId, own: target.own });
      setState(res.ok ? res.value : failed(res.error.message));
    } catch {
      setState(failed('Bounceback could not reach its background; reload the page to try again.'));
    }
  }, [target.activityId, target.own]);

  useEffect(() => {
    void load();
    void collapsedItem.getValue().then(setCollapsed);
    // The background writes its sync status when a pass ends: then there may be a plan.
    const unwatch = storage.watch(syncStatusKey, () => void load());
    return unwatch;
  }, [load]);

  const actions = {
    toggleCollapsed: () => {
      setCollapsed((c) => {
        void collapsedItem.setValue(!c);
        return !c;
      });
    },
    // Asks the background to look this activity up (it allows one look-up per tab per 10 min).
    lookAgain: () => {
      setState(null);
      void load();
    },
    openOptions: () => void sendMessage('openPage', { page: 'options' }),
    openCheckIn: () => void sendMessage('openPage', { page: 'check-in' }),
    setRunKind: (kind: RunnerTagKind | null) => {
      void sendMessage('setRunKind', { activityId: target.activityId, kind }).then(() => load());
    },
    answer: (answer: RunAnswer) => {
      void sendMessage('setRunnerSays', { activityId: target.activityId, ...answer }).then(() =>
        load(),
      );
    },
    setStepDone: (stepId: string, done: boolean) => {
      void sendMessage('markStepDone', { activityId: target.activityId, stepId, done }).then(
        (res) => {
          if (res.ok && res.value) setState({ state: 'ready', run: res.value });
        },
      );
    },
  };

  return <Panel target={target} state={state} now={now} collapsed={collapsed} actions={actions} />;
}
