import type { Plan } from '../../lib/model/plan';
import { nextStep } from '../../lib/recovery/next-step';
import { formatRemaining } from '../../lib/ui/format-remaining';

/** What to do next, in one line: the open step that closes soonest, else the next to open. */
export function NextStepLine({ plan, done, now }: { plan: Plan; done: string[]; now: number }) {
  const step = nextStep(plan, now, done);
  if (!step) {
    const allDone = plan.steps.every((s) => done.includes(s.id));
    return (
      <p class="bb-next">
        {allDone ? 'Every step done. Nice work.' : 'Nothing left to do for this run.'}
      </p>
    );
  }
  const when =
    step.startsAt > now
      ? `opens in ${formatRemaining(step.startsAt - now)}`
      : `${formatRemaining(step.endsAt - now)} left`;
  return (
    <p class="bb-next">
      <span class="bb-next-label">Next:</span> <strong>{step.title}</strong>{' '}
      <span class="bb-muted">({when})</span>
    </p>
  );
}
