import type { Plan, Step } from '../../lib/model/plan';
import { windowPhase } from '../../lib/model/window-phase';
import { planFront } from '../../lib/recovery/next-step';
import { formatWindow } from '../../lib/ui/format-time';

const CHECKLIST_STATE = { before: 'later', open: 'open', over: 'missed' } as const;

export interface StepChecklistProps {
  plan: Plan;
  done: string[];
  now: number;
  timeZone: string;
  onToggle(stepId: string, done: boolean): void;
}

/**
 * The plan's steps as a checklist; ticking one is what moves the badge on. A plan has up to ~20
 * steps, too many for a popup, so what is open now or soon comes first and the rest fold away.
 */
export function StepChecklist({ plan, done, now, timeZone, onToggle }: StepChecklistProps) {
  const { front: soon, extras } = planFront(plan, now, done);
  const extraIds = new Set(extras.map((s) => s.id));
  const rest = plan.steps.filter((s) => !soon.includes(s) && !extraIds.has(s.id));

  const item = (step: Step) => {
    const id = `bb-step-${plan.activityId}-${step.id}`;
    const isDone = done.includes(step.id);
    const state = isDone ? 'done' : CHECKLIST_STATE[windowPhase(step, now)];
    return (
      <li key={step.id} class={`bb-step bb-step-${state} bb-${step.priority}`}>
        <input
          type="checkbox"
          id={id}
          checked={isDone}
          aria-describedby={`${id}-detail`}
          onChange={(e) => onToggle(step.id, e.currentTarget.checked)}
        />
        <div>
          <label for={id}>
            {step.title}
            {step.priority === 'essential' && <span class="bb-tag">essential</span>}
          </label>
          <p id={`${id}-detail`} class="bb-step-detail">
            <span class="bb-when">
              {formatWindow(step.startsAt, step.endsAt, timeZone)}
              {state === 'open' && ' · now'}
              {state === 'missed' && ' · window closed'}
            </span>{' '}
            {step.detail}
            {step.quantities?.map((q) => (
              <span key={q.kind} class="bb-quantity">
                {' '}
                {q.text}.
              </span>
            ))}
          </p>
          {step.caution && <p class="bb-caution">{step.caution}</p>}
          {step.prompt && <p class="bb-muted bb-small">{step.prompt}</p>}
        </div>
      </li>
    );
  };

  return (
    <>
      {soon.length > 0 ? (
        <ul class="bb-steps">{soon.map(item)}</ul>
      ) : (
        <p class="bb-muted bb-small">Nothing due in the next two hours.</p>
      )}
      {rest.length > 0 && (
        <details class="bb-more-steps">
          <summary>More steps ({rest.length})</summary>
          <ul class="bb-steps">{rest.map(item)}</ul>
        </details>
      )}
      {extras.length > 0 && (
        <p class="bb-also">
          <strong>Also worth knowing:</strong> {extras.map((s) => s.title).join(' · ')}.
        </p>
      )}
    </>
  );
}
