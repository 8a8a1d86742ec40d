import type { ComponentChildren } from 'preact';
import type { LookUpNote, PanelState } from '../../lib/messaging/views';
import type { Plan } from '../../lib/model/plan';
import type { RunView } from '../../lib/model/run-view';
import { ALSO_WORTH_KNOWING } from '../../lib/model/step-ids';
import type { SyncStatus } from '../../lib/model/sync-status';
import type { DailyVerdicts } from '../../lib/model/verdict';
import type { PanelTarget } from '../../lib/panel-frame/panel-target';
import { formatClock } from '../../lib/recovery/local-date';
import { planFront } from '../../lib/recovery/next-step';
import { formatDistance } from '../../lib/recovery/units';
import { browserTimeZone } from '../../lib/ui/format-time';
import { Countdown } from '../shared/Countdown';
import { KindCorrection } from '../shared/KindCorrection';
import { RunQuestions } from '../shared/RunQuestions';
import { VerdictCard } from '../shared/VerdictCard';
import { CheckInSummary } from './CheckInSummary';
import { KindChip } from './KindChip';
import type { PanelActions } from './panel-actions';
import { ReadyCountdowns } from './ReadyCountdowns';
import { StepList, Timeline } from './Timeline';

export interface PanelProps {
  target: PanelTarget;
  /** null while the background has not answered yet. */
  state: PanelState | null;
  now: number;
  collapsed: boolean;
  actions: PanelActions;
  /** IANA zone for clock times; defaults to the browser's. */
  timeZone?: string;
  /** Locale for clock times; defaults to the browser's. */
  locale?: string;
}

/**
 * The recovery panel beside a run on strava.com. A pure view of `state` at `now`: every action
 * goes through `actions`, and everything from Strava is rendered as text, never as HTML.
 */
export function Panel(props: PanelProps) {
  const { target, state, actions } = props;
  const timeZone = props.timeZone ?? browserTimeZone();
  const clock = (ms: number) => formatClock(ms, timeZone, props.locale);

  if (state?.state === 'not-own' || (state === null && !target.own)) {
    // Someone else's run: nothing as a floating card, one quiet line beside the stats.
    if (target.fallback) return null;
    return <Quiet target={target}>Recovery plans are shown for your own runs.</Quiet>;
  }
  if (state?.state === 'not-a-run') {
    return (
      <Quiet target={target}>
        Bounceback makes recovery plans for runs; this activity is a {sportLabel(state.sportType)}.
      </Quiet>
    );
  }

  const bodyId = `bb-body-${target.activityId}`;
  const ready = state?.state === 'ready' ? state.run : null;
  let body: ComponentChildren;
  let summary: ComponentChildren = null;
  if (state === null) {
    body = (
      <p class="bb-muted" role="status">
        Looking for this run’s recovery plan…
      </p>
    );
  } else if (state.state === 'not-connected') {
    body = (
      <OneLine
        text="Connect Strava in Bounceback’s options to get a recovery plan beside your runs."
        button="Open options"
        onClick={actions.openOptions}
      />
    );
  } else if (state.state === 'reconnect-needed') {
    body = (
      <OneLine
        text="Bounceback lost access to Strava: reconnect in options to keep your plans up to date."
        button="Reconnect in options"
        onClick={actions.openOptions}
      />
    );
  } else if (state.state === 'syncing' || state.state === 'unknown') {
    body = (
      <SyncBody
        kind={state.state}
        sync={state.sync}
        lookUp={state.state === 'unknown' ? state.lookUp : undefined}
        now={props.now}
        lookAgain={actions.lookAgain}
        clock={clock}
      />
    );
  } else {
    const run = state.run;
    summary = <CollapsedSummary run={run} now={props.now} idBase={bodyId} />;
    body = (
      <ReadyBody
        run={run}
        verdicts={state.verdict}
        {...props}
        timeZone={timeZone}
        idBase={bodyId}
      />
    );
  }

  return (
    <section
      class={target.fallback ? 'bb-panel bb-card' : 'bb-panel'}
      aria-label="Bounceback recovery"
      data-state={state?.state ?? 'loading'}
    >
      <header class="bb-head">
        <span class="bb-logo" aria-hidden="true">
          ↺
        </span>
        <h2>Bounceback</h2>
        {props.collapsed ? summary : null}
        <button
          type="button"
          class="bb-toggle"
          aria-expanded={!props.collapsed}
          aria-controls={bodyId}
          onClick={actions.toggleCollapsed}
        >
          <span class="bb-chevron" aria-hidden="true">
            ▾
          </span>
          {ready ? 'Plan' : 'Details'}
        </button>
      </header>
      <div id={bodyId} class="bb-body" hidden={props.collapsed}>
        {props.collapsed ? null : body}
      </div>
    </section>
  );
}

function Quiet({ target, children }: { target: PanelTarget; children: ComponentChildren }) {
  return (
    <section
      class={target.fallback ? 'bb-panel bb-quiet bb-card' : 'bb-panel bb-quiet'}
      aria-label="Bounceback recovery"
      data-state="quiet"
    >
      <p class="bb-muted">{children}</p>
    </section>
  );
}

function OneLine({ text, button, onClick }: { text: string; button: string; onClick(): void }) {
  return (
    <p class="bb-line">
      <span>{text}</span>{' '}
      <button type="button" class="bb-button" onClick={onClick}>
        {button}
      </button>
    </p>
  );
}

/** "TrailRun" → "trail run", "WeightTraining" → "weight training". */
function sportLabel(sportType: string): string {
  return sportType
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

function SyncBody({
  kind,
  sync,
  lookUp,
  now,
  lookAgain,
  clock,
}: {
  kind: 'syncing' | 'unknown';
  sync: SyncStatus;
  lookUp: LookUpNote | undefined;
  now: number;
  lookAgain(): void;
  clock(ms: number): string;
}) {
  const pausedUntil = Math.max(sync.pausedUntil ?? 0, lookUp?.retryAt ?? 0);
  const waiting = pausedUntil > now;
  let message: string;
  if (kind === 'syncing' || sync.phase === 'syncing') {
    message = 'Syncing with Strava: this run’s plan will appear here when it is done.';
  } else if (lookUp) {
    message = lookUp.message;
  } else if (sync.lastError) {
    message = `Couldn’t get this run from Strava: ${sync.lastError.message}`;
  } else {
    message = 'No recovery plan for this run yet.';
  }
  const failed = kind === 'unknown' && (lookUp ? lookUp.outcome !== 'throttled' : sync.lastError);
  return (
    <div class="bb-sync">
      <p class={failed ? 'bb-error' : 'bb-line'} role="status">
        {message}
      </p>
      {waiting ? (
        <p class="bb-muted">
          {(sync.pausedUntil ?? 0) === pausedUntil
            ? 'Strava’s rate limit was reached: checks resume at '
            : 'Bounceback can look again at '}
          <time>{clock(pausedUntil)}</time>.
        </p>
      ) : null}
      {lookUp?.retryAt === null ? null : (
        <p class="bb-line">
          <button type="button" class="bb-button" onClick={lookAgain} disabled={waiting}>
            Check now
          </button>
          {sync.lastSyncAt !== null ? (
            <span class="bb-muted-inline"> Last checked {clock(sync.lastSyncAt)}.</span>
          ) : null}
        </p>
      )}
    </div>
  );
}

function CollapsedSummary({ run, now, idBase }: { run: RunView; now: number; idBase: string }) {
  const refuel = run.plan.timers.find((t) => t.id === 'refuel');
  const refuelOpen = refuel && now < refuel.endsAt;
  return (
    <span class="bb-summary">
      <KindChip classification={run.classification} idBase={`${idBase}-head`} compact />
      {refuel && refuelOpen ? (
        <Countdown
          label="Refuel"
          startsAt={refuel.startsAt}
          endsAt={refuel.endsAt}
          now={now}
          compact
        />
      ) : (
        <Countdown
          label="Ready"
          startsAt={run.plan.runEndedAt}
          endsAt={run.plan.readyAt}
          now={now}
          compact
        />
      )}
    </span>
  );
}

function ReadyBody({
  run,
  verdicts,
  now,
  actions,
  timeZone,
  locale,
  target,
  idBase,
}: PanelProps & {
  run: RunView;
  verdicts?: DailyVerdicts;
  timeZone: string;
  idBase: string;
}) {
  const { plan, activity } = run;
  const warnings = plan.readiness.warnings;
  const { front, extras } = planFront(plan, now, run.done);
  const listed = plan.steps.filter((s) => !front.includes(s) && !ALSO_WORTH_KNOWING.has(s.id));
  const missed = missedLine(plan);
  const stepProps = { now, done: run.done, timeZone, locale, setStepDone: actions.setStepDone };
  return (
    <>
      {verdicts && <VerdictCard verdicts={verdicts} timeZone={timeZone} locale={locale} />}
      <KindChip
        classification={run.classification}
        idBase={idBase}
        extra={formatDistance(activity.distance, plan.units)}
      />
      <KindCorrection
        classification={run.classification}
        idBase={idBase}
        onSet={actions.setRunKind}
      />
      {warnings.length ? (
        <ul class="bb-warnings">
          {warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ReadyCountdowns plan={plan} now={now} timeZone={timeZone} locale={locale} />
      <h3>Now</h3>
      {front.length ? (
        <StepList steps={front} {...stepProps} />
      ) : (
        <p class="bb-muted">Nothing to do right now.</p>
      )}
      <RunQuestions
        plan={plan}
        says={run.runnerSays}
        now={now}
        idBase={idBase}
        timeZone={timeZone}
        onAnswer={actions.answer}
      />
      <details class="bb-rest">
        <summary>
          More: {listed.length} other {listed.length === 1 ? 'step' : 'steps'} and the timeline
        </summary>
        {missed ? <p class="bb-muted">{missed}</p> : null}
        <Timeline plan={plan} listed={listed} narrow={target.fallback} {...stepProps} />
        {extras.length ? (
          <p class="bb-also">
            <strong>Also worth knowing:</strong> {extras.map((s) => s.title).join(' · ')}.
          </p>
        ) : null}
      </details>
      <CheckInSummary
        checkIns={run.checkIns}
        readiness={plan.readiness}
        openCheckIn={actions.openCheckIn}
        locale={locale}
      />
      <p class="bb-notice">{plan.notice}</p>
    </>
  );
}

/** Said once, quietly: what the minutes before the plan arrived were for. */
function missedLine(plan: Plan): string | null {
  const missed = plan.missed ?? [];
  const parts = [
    missed.includes('cool-down') || missed.includes('cool-off') ? 'cooling down' : null,
    missed.includes('drink-now') ? 'starting to drink' : null,
    missed.includes('refuel-snack') ? 'a recovery snack' : null,
  ].filter((p): p is string => p !== null);
  if (!parts.length) return null;
  return `The plan arrived after the first minutes, which are for ${parts.join(', ')}.`;
}
