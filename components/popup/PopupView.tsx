import type { CheckIn } from '../../lib/model/check-in';
import type { Units } from '../../lib/model/profile';
import type { RunView } from '../../lib/model/run-view';
import type { RunnerTagKind } from '../../lib/model/runner-tag';
import type { SyncStatus } from '../../lib/model/sync-status';
import type { DailyVerdicts } from '../../lib/model/verdict';
import type { WeighIn } from '../../lib/model/weigh-in';
import { formatClock, localDateKey } from '../../lib/recovery/local-date';
import type { RunAnswer } from '../shared/RunQuestions';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { VerdictCard } from '../shared/VerdictCard';
import { CheckInForm } from './CheckInForm';
import { CurrentPlan } from './CurrentPlan';
import { HistoryChart } from './HistoryChart';
import { PoweredByStrava } from './PoweredByStrava';
import { RecentRuns } from './RecentRuns';
import { type Connection, StatusNotice } from './StatusNotice';

interface PopupActions {
  setStepDone(activityId: number, stepId: string, done: boolean): void;
  setRunKind(activityId: number, kind: RunnerTagKind | null): void;
  answer(activityId: number, answer: RunAnswer): void;
  submitCheckIn(c: CheckIn): Promise<SaveOutcome>;
  submitWeighIn(w: WeighIn): Promise<SaveOutcome>;
  openOptions(): void;
  syncNow(): void;
}

export interface PopupViewProps {
  /** null while loading. */
  status: { connection: Connection; sync: SyncStatus } | null;
  current: RunView | null;
  /** Can I go hard today (absent until the background has answered once). */
  verdict?: DailyVerdicts;
  recent: RunView[];
  /** The last 14 days. */
  checkIns: CheckIn[];
  now: number;
  timeZone: string;
  units: Units;
  /** What the last check-in changed, one line each ("readiness +6 h: 5.5 h of sleep"). */
  lastChange: string[] | null;
  /** Only the status and the running plan: the first frame after opening, so timers paint first. */
  planOnly?: boolean;
  actions: PopupActions;
}

/** Everything the popup shows; all data and every effect come in through props. */
export function PopupView(props: PopupViewProps) {
  const { status, current, recent, now, timeZone, actions } = props;
  const syncing = status?.sync.phase === 'syncing';
  const paused = status?.sync.pausedUntil != null && status.sync.pausedUntil > now;

  return (
    <div class="bb-popup">
      <header class="bb-header">
        <h1>
          <span class="bb-logo" aria-hidden="true">
            ↺
          </span>{' '}
          Bounceback
        </h1>
        {status?.connection === 'connected' && (
          <button
            type="button"
            class="bb-quiet"
            onClick={actions.syncNow}
            disabled={syncing || paused}
          >
            {syncing ? 'Checking…' : 'Check now'}
          </button>
        )}
        <button type="button" class="bb-quiet" onClick={actions.openOptions}>
          Options
        </button>
      </header>
      {status === null ? (
        <p class="bb-loading" role="status" aria-busy="true">
          Loading your recovery…
        </p>
      ) : status.connection === 'disconnected' ? (
        <section class="bb-card bb-connect" aria-labelledby="bb-connect-title">
          <h2 id="bb-connect-title">Connect Strava to begin</h2>
          <p>
            Bounceback reads your runs from Strava and builds a timed recovery plan after each one.
          </p>
          <button type="button" class="bb-primary" onClick={actions.openOptions}>
            Connect Strava in options
          </button>
        </section>
      ) : (
        <Connected {...props} status={status} />
      )}
      {status !== null && status.connection !== 'disconnected' && (
        <footer class="bb-footer">
          {status.sync.lastSyncAt !== null && (
            <p class="bb-synced">Last checked {formatClock(status.sync.lastSyncAt, timeZone)}</p>
          )}
          {(current ?? recent[0]) && (
            <p class="bb-notice-line">{(current ?? recent[0])?.plan.notice}</p>
          )}
          <PoweredByStrava />
        </footer>
      )}
    </div>
  );
}

function Connected(props: PopupViewProps & { status: NonNullable<PopupViewProps['status']> }) {
  const { status, current, recent, checkIns, now, timeZone, units, actions, planOnly } = props;
  const today = localDateKey(now, timeZone);
  const entry = checkIns.find((c) => c.date === today);
  const others = recent.filter((r) => r.activity.id !== current?.activity.id);
  const chartRuns = current ? [current, ...others] : others;

  return (
    <main>
      <StatusNotice
        connection={status.connection}
        sync={status.sync}
        now={now}
        timeZone={timeZone}
        openOptions={actions.openOptions}
        syncNow={actions.syncNow}
      />
      {props.verdict && <VerdictCard verdicts={props.verdict} timeZone={timeZone} />}
      {!planOnly && !entry && (
        <p class="bb-first-actions">
          <button type="button" class="bb-primary" onClick={goToCheckIn}>
            Check in: sleep and soreness
          </button>
        </p>
      )}
      {current ? (
        <CurrentPlan
          run={current}
          now={now}
          timeZone={timeZone}
          units={units}
          setStepDone={actions.setStepDone}
          setRunKind={actions.setRunKind}
          answer={actions.answer}
          submitWeighIn={actions.submitWeighIn}
          timersOnly={planOnly}
        />
      ) : (
        !planOnly &&
        recent.length === 0 && (
          <section class="bb-card bb-empty">
            <h2>No recent runs</h2>
            <p>Finish a run on Strava and its recovery plan shows up here within minutes.</p>
          </section>
        )
      )}
      {!planOnly && (
        <Later {...props} today={today} entry={entry} others={others} chartRuns={chartRuns} />
      )}
    </main>
  );
}

/** The first screen's check-in button: to the form, its first field focused. */
function goToCheckIn() {
  const section = document.getElementById('check-in');
  section?.scrollIntoView?.({ block: 'start' });
  section?.querySelector<HTMLElement>('input, select')?.focus();
}

/** The check-in, the chart and recent runs: everything below the running plan. */
function Later({
  checkIns,
  now,
  timeZone,
  units,
  lastChange,
  actions,
  today,
  entry,
  others,
  chartRuns,
}: PopupViewProps & {
  today: string;
  entry: CheckIn | undefined;
  others: RunView[];
  chartRuns: RunView[];
}) {
  return (
    <>
      <section id="check-in" class="bb-card" aria-labelledby="bb-check-in-title">
        <h2 id="bb-check-in-title">{entry ? 'Today’s check-in' : 'Morning check-in'}</h2>
        <CheckInForm date={today} entry={entry} now={now} onSubmit={actions.submitCheckIn} />
        {lastChange && lastChange.length > 0 && (
          <div class="bb-changes" role="status">
            <h3>What it changed</h3>
            <ul>
              {lastChange.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section class="bb-card" aria-labelledby="bb-history-title">
        <h2 id="bb-history-title">Last 14 days</h2>
        <HistoryChart checkIns={checkIns} runs={chartRuns} today={today} timeZone={timeZone} />
      </section>

      {others.length > 0 && (
        <section class="bb-card" aria-labelledby="bb-recent-title">
          <h2 id="bb-recent-title">Recent runs</h2>
          <RecentRuns runs={others} now={now} timeZone={timeZone} units={units} />
        </section>
      )}
    </>
  );
}
