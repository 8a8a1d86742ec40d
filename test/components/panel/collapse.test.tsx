// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formatRemaining } from '../../../lib/ui/format-remaining';
import { MINUTE, RUN_END, ready, runView } from './fixtures';
import { click, mountPanel } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('collapsing', () => {
  it('collapsed: the body is hidden, the toggle says so, the header keeps kind and refuel time', () => {
    const now = RUN_END + 12 * MINUTE;
    const { container, actions, rerender } = mountPanel({
      state: ready(runView({ now })),
      now,
      collapsed: true,
    });
    const toggle = container.querySelector('.bb-toggle')!;
    const body = container.querySelector('.bb-body') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(body.id);
    expect(body.hidden).toBe(true);
    expect(body.childElementCount).toBe(0);
    expect(container.querySelector('.bb-steps')).toBeNull();

    const summary = container.querySelector('.bb-head .bb-summary')!;
    expect(summary.querySelector('.bb-chip strong')?.textContent).toBe('Long run');
    expect(summary.querySelector('.bb-countdown-time')?.textContent).toBe('18:00 left');
    expect(summary.querySelector('.bb-sr')?.textContent).toBe('Refuel: 18 minutes left');

    click(toggle);
    expect(actions.toggleCollapsed).toHaveBeenCalledTimes(1);

    rerender({ collapsed: false });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(body.hidden).toBe(false);
    expect(container.querySelector('.bb-steps')).not.toBeNull();
    expect(container.querySelector('.bb-head .bb-summary')).toBeNull();
  });

  it('after the refuel window the collapsed header counts down to readiness', () => {
    const now = RUN_END + 3 * 60 * MINUTE;
    const view = runView({ now });
    const { container } = mountPanel({ state: ready(view), now, collapsed: true });
    const summary = container.querySelector('.bb-head .bb-summary')!;
    expect(summary.querySelector('.bb-countdown-label')?.textContent).toBe('Ready');
    expect(summary.querySelector('.bb-countdown-time')?.textContent).toBe(
      `${formatRemaining(view.plan.readyAt - now)} left`,
    );
  });
});
