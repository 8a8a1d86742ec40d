import type { Plan, Timer } from '../../lib/model/plan';
import type { Units } from '../../lib/model/profile';
import { planKindOf, runKindLabel } from '../../lib/model/run-kind';
import type { RunView } from '../../lib/model/run-view';
import type { RunnerTagKind } from '../../lib/model/runner-tag';
import type { WeighIn } from '../../lib/model/weigh-in';
import { formatClock, localDateKey } from '../../lib/recovery/local-date';
import { formatDateKey, runDateKey } from '../../lib/ui/format-run-date';
import { Countdown } from '../shared/Countdown';
import { KindCorrection } from '../shared/KindCorrection';
import { type RunAnswer, RunQuestions } from '../shared/RunQuestions';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { NextStepLine } from './NextStepLine';
import { StepChecklist } from './StepChecklist';
import { StravaLink } from './StravaLink';
import { WeighInForm } from './WeighInForm';

export interface CurrentPlanProps {
  run: RunView;
  now: number;
  timeZone: string;
  units: Units;
  setStepDone(activityId: number, stepId: string, done: boolean): void;
  setRunKind(activityId: number, kind: RunnerTagKind | null): void;
  answer(activityId: number, answer: RunAnswer): void;
  submitWeighIn(w: WeighIn): Promise<SaveOutcome>;
  /** Just the timers and the lines around them (the popup's first frame). */
  timersOnly?: boolean;
}

/** The running plan: live timers, the next step, the checklist, readiness and the weigh-in. */
export function CurrentPlan({
  run,
  now,
  timeZone,
  units,
  setStepDone,
  setRunKind,
  answer,
  submitWeighIn,
  timersOnly,
}: CurrentPlanProps) {
  const { activity, plan, done } = run;
  const open = openCountdown(plan, now);
  // The "ready" timer counts down; this line says when, as a date and time.
  const ready =
    plan.readyAt > now
      ? `Ready for a hard session on ${formatDateKey(localDateKey(plan.readyAt, timeZone))} at ${formatClock(plan.readyAt, timeZone)}`
      : 'Ready for a hard session.';
  return (
    <section class="bb-card bb-current" aria-labelledby="bb-current-title">
      <h2 id="bb-current-title">
        <span class={`bb-kind bb-kind-${planKindOf(run.classification)}`}>
          {runKindLabel(run.classification)}
        </span>{' '}
        <span class="bb-run-name">{activity.name}</span>
      </h2>
      <p class="bb-muted bb-small">
        {formatDateKey(runDateKey(activity, timeZone))} ·{' '}
        <StravaLink activityId={activity.id} name={activity.name} />
      </p>
      {!timersOnly && (
        <KindCorrection
          classification={run.classification}
          idBase="bb-current"
          onSet={(kind) => setRunKind(activity.id, kind)}
        />
      )}
      <NextStepLine plan={plan} done={done} now={now} />
      <div class="bb-timers">
        <Countdown label={open.label} startsAt={open.startsAt} endsAt={open.endsAt} now={now} />
      </div>
      <p class="bb-ready-line">{ready}</p>
      {!timersOnly && (
        <PlanDetails
          open={open}
          run={run}
          now={now}
          timeZone={timeZone}
          units={units}
          setStepDone={setStepDone}
          setRunKind={setRunKind}
          answer={answer}
          submitWeighIn={submitWeighIn}
        />
      )}
    </section>
  );
}

/** Why readiness is what it is, the step checklist and the weigh-in. */
function PlanDetails({
  open,
  run,
  now,
  timeZone,
  units,
  setStepDone,
  answer,
  submitWeighIn,
}: CurrentPlanProps & { open: Timer }) {
  const { activity, plan, done } = run;
  const others = plan.timers.filter((t) => t !== open && t.endsAt > now);
  return (
    <>
      <RunQuestions
        plan={plan}
        says={run.runnerSays}
        now={now}
        idBase="bb-current"
        timeZone={timeZone}
        onAnswer={(a) => answer(activity.id, a)}
      />
      {others.length > 0 && (
        <div class="bb-timers">
          {others.map((t) => (
            <Countdown
              key={t.id}
              label={t.label}
              startsAt={t.startsAt}
              endsAt={t.endsAt}
              now={now}
            />
          ))}
        </div>
      )}
      {plan.readiness.reasons.length > 0 && (
        <details class="bb-reasons">
          <summary>Why {Math.round(plan.readiness.hours)} h</summary>
          <ul>
            {plan.readiness.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      {plan.readiness.warnings.length > 0 && (
        <ul class="bb-warnings">
          {plan.readiness.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <h3>Steps</h3>
      <StepChecklist
        plan={plan}
        done={done}
        now={now}
        timeZone={timeZone}
        onToggle={(stepId, isDone) => setStepDone(activity.id, stepId, isDone)}
      />
      <WeighInForm
        activityId={activity.id}
        units={units}
        existing={run.weighIn}
        onSubmit={submitWeighIn}
      />
    </>
  );
}

/** The one countdown the first screen shows: the eating window while it is open, else readiness. */
function openCountdown(plan: Plan, now: number): Timer {
  const refuel = plan.timers.find((t) => t.id === 'refuel' && t.startsAt <= now && now < t.endsAt);
  return (
    refuel ??
    plan.timers.find((t) => t.id === 'ready') ?? {
      id: 'ready',
      label: 'Ready for the next hard session',
      startsAt: plan.runEndedAt,
      endsAt: plan.readyAt,
    }
  );
}
