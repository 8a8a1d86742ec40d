import type { Plan, Priority, Step } from '../../lib/model/plan';
import { ALSO_WORTH_KNOWING } from '../../lib/model/step-ids';
import { type WindowPhase, windowPhase } from '../../lib/model/window-phase';
import { formatDuration } from '../../lib/recovery/units';
import { HOUR_MS } from '../../lib/time';
import { formatOffset, formatWindow } from '../../lib/ui/format-time';

const MIN_SPAN_MS = 6 * HOUR_MS;
const MAX_SPAN_MS = 24 * HOUR_MS;
/** Candidate ticks (time since the run ended); those inside the span are drawn. */
const TICKS_MS = [0, 0.5, 2, 4, 6, 12, 24].map((h) => h * HOUR_MS);

const PRIORITY_LABELS: Record<Priority, string> = {
  essential: 'essential',
  recommended: 'recommended',
  optional: 'optional',
};

/** The panel's words (and class names) for a step's window phase. */
type StepPhase = 'past' | 'now' | 'later';
const STEP_PHASE: Record<WindowPhase, StepPhase> = { before: 'later', open: 'now', over: 'past' };
const stepPhase = (step: Pick<Step, 'startsAt' | 'endsAt'>, now: number): StepPhase =>
  STEP_PHASE[windowPhase(step, now)];

/**
 * How much time since the run the graphic covers: 6 h (every timed step fits), stretched to the
 * next whole hour past `now` while the runner is still inside the day after the run.
 */
export function timelineSpan(plan: Pick<Plan, 'runEndedAt'>, now: number): number {
  const since = now - plan.runEndedAt;
  return Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, Math.ceil(since / HOUR_MS) * HOUR_MS));
}

export interface TimelineProps {
  plan: Plan;
  now: number;
  /** Step ids the runner ticked. */
  done: readonly string[];
  /** IANA zone for clock times (the browser's). */
  timeZone: string;
  locale?: string;
  /** Narrow layout for the fixed card. */
  narrow?: boolean;
  /** The steps to list below the graphic (the panel lists its front ones above it). */
  listed: readonly Step[];
  setStepDone(stepId: string, done: boolean): void;
}

// SVG geometry, in viewBox units.
const ROW = 16;
const BAR = 10;
const TOP = 18;
const AXIS = 18;

/**
 * The plan's steps against time since the run ended: a square-root time axis so the first half
 * hour (where most steps are) stays readable beside the four-hour ones. The step list below is
 * the accessible version; the graphic is one image with a summary.
 */
export function Timeline({
  plan,
  now,
  done,
  timeZone,
  locale,
  narrow,
  listed,
  setStepDone,
}: TimelineProps) {
  const doneIds = new Set(done);
  const span = timelineSpan(plan, now);
  const width = narrow ? 300 : 600;
  const labelW = narrow ? 0 : 170;
  const plotX = labelW + 8;
  const plotW = width - plotX - 14;
  const x = (t: number) =>
    plotX + Math.sqrt(Math.min(1, Math.max(0, (t - plan.runEndedAt) / span))) * plotW;
  // The don'ts and extras are one line of text, not bars.
  const steps = plan.steps.filter((s) => !ALSO_WORTH_KNOWING.has(s.id));
  const height = TOP + steps.length * ROW + AXIS;
  const nowX = x(now);
  const phases = steps.map((step) => stepPhase(step, now));
  const count = (phase: StepPhase) => phases.filter((p) => p === phase).length;
  const doneCount = steps.filter((s) => doneIds.has(s.id)).length;
  const summary =
    `Recovery timeline for “${plan.activityName}”: ${steps.length} steps over the first ` +
    `${formatDuration(span)} after the run, now ${formatDuration(now - plan.runEndedAt)} in; ` +
    `${count('now')} open now, ${count('later')} later, ${count('past')} over, ${doneCount} done.`;

  return (
    <div class="bb-timeline">
      <svg
        class="bb-timeline-svg"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        <title>{summary}</title>
        {TICKS_MS.filter((t) => t <= span).map((t) => {
          const tx = x(plan.runEndedAt + t);
          return (
            <g key={t} class="bb-tick">
              <line x1={tx} x2={tx} y1={TOP - 4} y2={height - AXIS + 2} />
              <text x={tx} y={height - 4} text-anchor={t === 0 ? 'start' : 'middle'}>
                {formatOffset(t)}
              </text>
            </g>
          );
        })}
        {steps.map((step, i) => {
          const y = TOP + i * ROW;
          const x1 = x(step.startsAt);
          const x2 = Math.max(x1 + 3, x(step.endsAt));
          const isDone = doneIds.has(step.id);
          const cls = `bb-bar bb-${phases[i]} bb-p-${step.priority}${isDone ? ' bb-done' : ''}`;
          return (
            <g key={step.id} class={cls} data-step={step.id}>
              {labelW > 0 ? (
                <text class="bb-row-label" x={labelW} y={y + BAR - 1} text-anchor="end">
                  {clip(step.title, 28)}
                </text>
              ) : null}
              <rect x={x1} y={y} width={x2 - x1} height={BAR} rx={2} />
              {step.endsAt - plan.runEndedAt > span ? (
                <path class="bb-more" d={`M${x2 + 2} ${y + 1}l4 4l-4 4`} />
              ) : null}
              {isDone ? <path class="bb-tickmark" d={`M${x1 + 2} ${y + 5}l3 3l5 -6`} /> : null}
            </g>
          );
        })}
        <g class="bb-now">
          <line x1={nowX} x2={nowX} y1={TOP - 6} y2={height - AXIS + 2} />
          <text x={nowX} y={TOP - 8} text-anchor={nowX > width - 30 ? 'end' : 'middle'}>
            now
          </text>
        </g>
      </svg>
      <StepList steps={listed} {...{ now, done, timeZone, locale, setStepDone }} />
    </div>
  );
}

const PHASE_TEXT: Record<StepPhase, string> = { past: 'over', now: 'now', later: 'later' };

/** Steps as a checklist: each with its window, phase and, while it can still be done, details. */
export function StepList({
  steps,
  now,
  done,
  timeZone,
  locale,
  setStepDone,
}: {
  steps: readonly Step[];
  now: number;
  done: readonly string[];
  timeZone: string;
  locale?: string;
  setStepDone(stepId: string, done: boolean): void;
}) {
  if (steps.length === 0) return null;
  return (
    <ol class="bb-steps">
      {steps.map((step) => (
        <StepRow
          key={step.id}
          step={step}
          phase={stepPhase(step, now)}
          done={done.includes(step.id)}
          timeZone={timeZone}
          locale={locale}
          setStepDone={setStepDone}
        />
      ))}
    </ol>
  );
}

function StepRow({
  step,
  phase,
  done,
  timeZone,
  locale,
  setStepDone,
}: {
  step: Step;
  phase: StepPhase;
  done: boolean;
  timeZone: string;
  locale?: string;
  setStepDone(stepId: string, done: boolean): void;
}) {
  const boxId = `bb-step-${step.id}`;
  return (
    <li class={`bb-step bb-${phase}${done ? ' bb-done' : ''}`} data-step={step.id}>
      <div class="bb-step-head">
        <input
          id={boxId}
          type="checkbox"
          checked={done}
          onChange={(event) => setStepDone(step.id, event.currentTarget.checked)}
        />
        <label for={boxId} class="bb-step-title">
          <span class="bb-sr">Done: </span>
          {step.title}
        </label>
        <span class="bb-step-when">
          <time>{formatWindow(step.startsAt, step.endsAt, timeZone, locale)}</time>
          <span class={`bb-phase bb-phase-${phase}`}>{PHASE_TEXT[phase]}</span>
        </span>
      </div>
      {phase === 'past' ? null : <StepDetails step={step} />}
    </li>
  );
}

/** What to do and how much; left out once a step's window has closed, to keep the list short. */
function StepDetails({ step }: { step: Step }) {
  return (
    <>
      <p class="bb-step-detail">
        <span class="bb-priority">{PRIORITY_LABELS[step.priority]}</span> {step.detail}
      </p>
      {step.quantities?.length ? (
        <p class="bb-step-amounts">{step.quantities.map((q) => q.text).join(' · ')}</p>
      ) : null}
      {step.caution ? <p class="bb-step-caution">{step.caution}</p> : null}
      {step.prompt ? <p class="bb-step-prompt">{step.prompt}</p> : null}
    </>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
