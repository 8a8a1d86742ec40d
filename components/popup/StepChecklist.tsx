import { formatClock } from '../../lib/recovery/local-date';
import type { Plan } from '../../lib/recovery/plan-types';

export interface StepChecklistProps {
  plan: Plan;
  done: string[];
  now: number;
  timeZone: string;
  onToggle(stepId: string, done: boolean): void;
}

/** The plan's steps as a checklist; ticking one is what moves the badge on. */
export function StepChecklist({ plan, done, now, timeZone, onToggle }: StepChecklistProps) {
  return (
    <ul class="bb-steps">
      {plan.steps.map((step) => {
        const id = `bb-step-${plan.activityId}-${step.id}`;
        const isDone = done.includes(step.id);
        const state = isDone
          ? 'done'
          : now >= step.endsAt
            ? 'missed'
            : now >= step.startsAt
              ? 'open'
              : 'later';
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
                  {formatClock(step.startsAt, timeZone)}–{formatClock(step.endsAt, timeZone)}
                  {state === 'open' && ' · now'}
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
      })}
    </ul>
  );
}
