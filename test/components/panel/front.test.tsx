// @vitest-environment happy-dom
// The panel from the top (issue 19): the open countdown and at most six front steps, the rest, the
// timeline and one "also worth knowing" line behind "More", and the two one-tap questions.
import { afterEach, describe, expect, it } from 'vitest';
import { ALSO_WORTH_KNOWING } from '../../../lib/model/step-ids';
import { MINUTE, RUN_END, ready, runView } from './fixtures';
import { button, click, mountPanel } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const frontIds = (container: Element) =>
  [...container.querySelectorAll('.bb-body > .bb-steps li')].map((li) =>
    li.getAttribute('data-step'),
  );

describe('the panel’s front', () => {
  it('a plan first seen 40 min after the run: meal now up front, nothing over, no stale task', () => {
    const seenAt = RUN_END + 40 * MINUTE;
    const view = runView({ now: seenAt, seenAt });
    const { container } = mountPanel({ state: ready(view), now: seenAt });
    const front = frontIds(container);
    expect(front.length).toBeGreaterThan(0);
    expect(front.length).toBeLessThanOrEqual(6);
    expect(front).toContain('meal-now');
    for (const id of front) {
      const step = view.plan.steps.find((s) => s.id === id)!;
      expect(step.endsAt).toBeGreaterThan(seenAt);
    }
    // Nothing from the first minutes is listed anywhere as a task; one quiet line says what they were for.
    for (const id of ['cool-down', 'refuel-snack', 'drink-now']) {
      expect(container.querySelector(`.bb-steps li[data-step="${id}"]`)).toBeNull();
    }
    expect(container.querySelector('.bb-rest')?.textContent).toMatch(/first minutes/);
    // The eating countdown is the meal now's hour.
    const label = [...container.querySelectorAll('.bb-countdown-label')].map((l) => l.textContent);
    expect(label).toContain('Eat now');
  });

  it('the rest, the timeline and the don’ts fold behind "More"', () => {
    const now = RUN_END + 5 * MINUTE;
    const view = runView({ now });
    const { container } = mountPanel({ state: ready(view), now });
    const rest = container.querySelector('details.bb-rest')!;
    expect(rest.hasAttribute('open')).toBe(false);
    expect(rest.querySelector('svg')).not.toBeNull();
    const extras = view.plan.steps.filter((s) => ALSO_WORTH_KNOWING.has(s.id));
    expect(extras.length).toBeGreaterThan(0);
    for (const step of extras) {
      expect(container.querySelector(`li[data-step="${step.id}"]`)).toBeNull();
      expect(rest.querySelector('.bb-also')?.textContent).toContain(step.title);
    }
    // Every other step is listed once, in front or behind "More".
    const listed = [...container.querySelectorAll('.bb-steps li')].map((li) =>
      li.getAttribute('data-step'),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(view.plan.steps.length - extras.length);
  });

  it('after a hard run asks about the next hard session and the heat, in one tap each', () => {
    const now = RUN_END + 5 * MINUTE;
    const { container, actions } = mountPanel({ state: ready(runView({ now })), now });
    click(button(container, 'in ~4 h'));
    expect(actions.answer).toHaveBeenLastCalledWith({ hardSessionInHours: 4 });
    click(button(container, 'not today'));
    expect(actions.answer).toHaveBeenLastCalledWith({ hardSessionInHours: null });
    click(button(container, 'It was hot'));
    expect(actions.answer).toHaveBeenLastCalledWith({ hot: true });
  });

  it('8 h after the run it no longer asks about the next hard session', () => {
    const late = RUN_END + 9 * 60 * MINUTE;
    const { container } = mountPanel({ state: ready(runView({ now: late })), now: late });
    expect(container.textContent).not.toMatch(/Another hard session/);
  });
});
