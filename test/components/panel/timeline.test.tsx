// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { timelineSpan } from '../../../components/panel/Timeline';
import { windowPhase } from '../../../lib/model/window-phase';
import { HOUR, MINUTE, RUN_END, ready, runView } from './fixtures';
import { click, mountPanel } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const bar = (container: Element, id: string) =>
  container.querySelector(`svg g.bb-bar[data-step="${id}"]`);
const row = (container: Element, id: string) =>
  container.querySelector(`.bb-steps li[data-step="${id}"]`);

describe('Timeline', () => {
  it('at 40 min after the run: early steps past, the meal open now, the nap later', () => {
    const now = RUN_END + 40 * MINUTE;
    const { container } = mountPanel({ state: ready(runView({ now, done: ['drink-now'] })), now });
    // cool-down 0–10 min and refuel-snack 0–30 min are over; fluids 0–4 h is open; nap 2–4 h later.
    for (const id of ['cool-down', 'refuel-snack']) {
      expect(bar(container, id)?.classList.contains('bb-past')).toBe(true);
      expect(row(container, id)?.classList.contains('bb-past')).toBe(true);
    }
    expect(bar(container, 'fluids')?.classList.contains('bb-now')).toBe(true);
    expect(row(container, 'fluids')?.querySelector('.bb-phase')?.textContent).toBe('now');
    expect(bar(container, 'nap')?.classList.contains('bb-later')).toBe(true);
    expect(row(container, 'nap')?.querySelector('.bb-phase')?.textContent).toBe('later');
    // Closed steps keep their title and time but drop the details; open ones keep them.
    expect(row(container, 'cool-down')?.querySelector('.bb-step-detail')).toBeNull();
    expect(row(container, 'fluids')?.querySelector('.bb-step-detail')).not.toBeNull();

    // Done steps are ticked in the graphic and checked in the list; others are not.
    expect(bar(container, 'drink-now')?.querySelector('.bb-tickmark')).not.toBeNull();
    expect(bar(container, 'cool-down')?.querySelector('.bb-tickmark')).toBeNull();
    const box = (id: string) => row(container, id)?.querySelector('input') as HTMLInputElement;
    expect(box('drink-now').checked).toBe(true);
    expect(box('cool-down').checked).toBe(false);

    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toMatch(
      /over the first 6 h after the run, now 40 min in/,
    );
    expect(svg.getAttribute('aria-label')).toMatch(/1 done\.$/);
    expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
  });

  it('the now marker moves right as time passes, and ticks label the axis', () => {
    const at = (minutes: number) => {
      const now = RUN_END + minutes * MINUTE;
      const { container } = mountPanel({ state: ready(runView({ now })), now });
      const line = container.querySelector('.bb-now line')!;
      const ticks = [...container.querySelectorAll('.bb-tick text')].map((t) => t.textContent);
      container.remove();
      return { x: Number(line.getAttribute('x1')), ticks };
    };
    const early = at(5);
    const later = at(180);
    expect(later.x).toBeGreaterThan(early.x);
    expect(early.ticks).toEqual(['0', '30 min', '2 h', '4 h', '6 h']);
    // Thirteen hours in: the axis stretches to cover now, and gains a 12 h tick.
    expect(at(13 * 60).ticks).toEqual(['0', '30 min', '2 h', '4 h', '6 h', '12 h']);
  });

  it('ticking a step calls setStepDone with its id; unticking sends false', () => {
    const { container, actions } = mountPanel({
      state: ready(runView({ done: ['meal'] })),
    });
    const refuel = row(container, 'refuel-snack')!.querySelector('input')!;
    expect(row(container, 'refuel-snack')!.querySelector('label')?.textContent).toBe(
      'Done: Recovery snack',
    );
    click(refuel);
    expect(actions.setStepDone).toHaveBeenCalledWith('refuel-snack', true);
    click(row(container, 'meal')!.querySelector('input'));
    expect(actions.setStepDone).toHaveBeenLastCalledWith('meal', false);
    expect(actions.setStepDone).toHaveBeenCalledTimes(2);
  });

  it('clock times follow the zone it is given', () => {
    const state = ready();
    const ny = mountPanel({ state, timeZone: 'America/New_York' });
    const london = mountPanel({ state, timeZone: 'Europe/London' });
    const when = (c: Element) => row(c, 'refuel-snack')!.querySelector('time')!.textContent;
    // The run ended 13:25 UTC: 9:25 EDT, 14:25 BST.
    expect(when(ny.container)).toBe('9:25–9:55');
    expect(when(london.container)).toBe('14:25–14:55');
    // A day-long step crosses midnight in neither, but says so when it does (Tokyo: 22:25 → next day).
    const tokyo = mountPanel({ state, timeZone: 'Asia/Tokyo' });
    expect(row(tokyo.container, 'day-fuel')!.querySelector('time')!.textContent).toBe(
      '23:25–22:25 next day',
    );
    expect(row(ny.container, 'day-fuel')!.querySelector('time')!.textContent).toBe(
      '10:25–9:25 next day',
    );
  });

  it('shows quantities in the runner’s units', () => {
    const metric = mountPanel({ state: ready() });
    const imperial = mountPanel({
      state: ready(
        runView({ profile: { units: 'imperial', trainingPhase: 'building', weightKg: 68 } }),
      ),
    });
    const amounts = (c: Element) =>
      row(c, 'refuel-snack')!.querySelector('.bb-step-amounts')!.textContent;
    expect(amounts(metric.container)).toBe('17–27 g protein · 68–82 g carbohydrate');
    expect(amounts(imperial.container)).toMatch(/oz/);
  });

  it('phase and span helpers', () => {
    const step = { startsAt: 100, endsAt: 200 };
    expect(windowPhase(step, 99)).toBe('before');
    expect(windowPhase(step, 100)).toBe('open');
    expect(windowPhase(step, 200)).toBe('over');
    expect(timelineSpan({ runEndedAt: 0 }, 10 * MINUTE)).toBe(6 * HOUR);
    expect(timelineSpan({ runEndedAt: 0 }, 7.5 * HOUR)).toBe(8 * HOUR);
    expect(timelineSpan({ runEndedAt: 0 }, 40 * HOUR)).toBe(24 * HOUR);
  });
});
