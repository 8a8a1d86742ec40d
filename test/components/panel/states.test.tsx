// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formatDayClock } from '../../../lib/ui/format-time';
import { HOUR, MINUTE, OWN, RUN_END, ready, runView, sync } from './fixtures';
import { button, click, mountPanel } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('panel states', () => {
  it('loading: a status line while the background has not answered', () => {
    const { container } = mountPanel({ state: null });
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/Looking for/);
    expect(container.querySelector('.bb-steps')).toBeNull();
  });

  it('not connected: one line and a button to options', () => {
    const { container, actions } = mountPanel({ state: { state: 'not-connected' } });
    expect(container.textContent).toMatch(/Connect Strava in Bounceback’s options/);
    click(button(container, 'Open options'));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
    expect(actions.lookAgain).not.toHaveBeenCalled();
  });

  it('reconnect needed: one line and a button to options', () => {
    const { container, actions } = mountPanel({ state: { state: 'reconnect-needed' } });
    expect(container.textContent).toMatch(/lost access to Strava/);
    click(button(container, 'Reconnect in options'));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
  });

  it('syncing: says so and offers "Check now"', () => {
    const { container, actions } = mountPanel({
      state: { state: 'syncing', sync: sync({ phase: 'syncing', lastSyncAt: RUN_END }) },
    });
    expect(container.textContent).toMatch(/Syncing with Strava/);
    // 13:25 UTC is 9:25 in New York (en-GB, hour: numeric).
    expect(container.textContent).toContain('Last checked 9:25.');
    click(button(container, 'Check now'));
    expect(actions.lookAgain).toHaveBeenCalledTimes(1);
  });

  it('unknown with an error: the message, and "Check now"', () => {
    const { container, actions } = mountPanel({
      state: {
        state: 'unknown',
        sync: sync({ lastError: { kind: 'network', message: 'Strava did not answer.' } }),
      },
    });
    const error = container.querySelector('.bb-error');
    expect(error?.textContent).toBe('Couldn’t get this run from Strava: Strava did not answer.');
    expect(error?.getAttribute('role')).toBe('status');
    click(button(container, 'Check now'));
    expect(actions.lookAgain).toHaveBeenCalledTimes(1);
  });

  it('unknown without an error: no plan yet, no error styling', () => {
    const { container } = mountPanel({ state: { state: 'unknown', sync: sync() } });
    expect(container.textContent).toMatch(/No recovery plan for this run yet/);
    expect(container.querySelector('.bb-error')).toBeNull();
  });

  it('rate-limited: shows when checks resume and disables "Check now" until then', () => {
    const now = RUN_END + HOUR;
    const state = {
      state: 'unknown' as const,
      sync: sync({ pausedUntil: now + 10 * MINUTE }),
    };
    const { container, rerender } = mountPanel({ state, now });
    // 14:35 UTC is 10:35 in New York.
    expect(container.textContent).toContain('checks resume at 10:35');
    expect(button(container, 'Check now').disabled).toBe(true);
    rerender({ state, now: now + 11 * MINUTE });
    expect(container.textContent).not.toContain('checks resume');
    expect(button(container, 'Check now').disabled).toBe(false);
  });

  it('looked up and not on Strava: says what it did, with no button that cannot help', () => {
    const message = 'Strava did not show Bounceback this activity: it may be private, or deleted.';
    const { container } = mountPanel({
      state: {
        state: 'unknown',
        sync: sync(),
        lookUp: { outcome: 'not-found', message, retryAt: null },
      },
    });
    expect(container.querySelector('.bb-error')?.textContent).toBe(message);
    expect(container.querySelector('button.bb-button')).toBeNull();
  });

  it('look-up allowance used: waits without an error, "Check now" back when it may ask', () => {
    const now = RUN_END + HOUR;
    const state = {
      state: 'unknown' as const,
      sync: sync(),
      lookUp: {
        outcome: 'throttled' as const,
        message: 'Looked up a moment ago.',
        retryAt: now + 5 * MINUTE,
      },
    };
    const { container, rerender } = mountPanel({ state, now });
    expect(container.querySelector('.bb-error')).toBeNull();
    expect(container.textContent).toContain('can look again at 10:30');
    expect(button(container, 'Check now').disabled).toBe(true);
    rerender({ state, now: now + 6 * MINUTE });
    expect(button(container, 'Check now').disabled).toBe(false);
  });

  it('not own: one quiet line beside the stats, nothing as a floating card', () => {
    const target = { ...OWN, own: false };
    const inline = mountPanel({ target, state: { state: 'not-own' } });
    expect(inline.container.textContent).toBe('Recovery plans are shown for your own runs.');
    expect(inline.container.querySelector('button')).toBeNull();
    const card = mountPanel({ target: { ...target, fallback: true }, state: { state: 'not-own' } });
    expect(card.container.innerHTML).toBe('');
  });

  it('not a run: one quiet line naming the sport', () => {
    const { container } = mountPanel({
      state: { state: 'not-a-run', sportType: 'WeightTraining' },
    });
    expect(container.textContent).toBe(
      'Bounceback makes recovery plans for runs; this activity is a weight training.',
    );
    expect(container.querySelector('button')).toBeNull();
  });

  it('ready: "Not right?" offers the four kinds; a choice is sent, and "you said" can be undone', () => {
    const { container, actions } = mountPanel({ state: ready() });
    const toggle = button(container, 'Not right?');
    const group = container.querySelector('fieldset.bb-correct-choices') as HTMLElement;
    expect(group.hidden).toBe(true);
    click(toggle);
    expect(group.hidden).toBe(false);
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Easy run',
      'Workout',
      'Long run',
      'Race',
    ]);
    click(button(container, 'Easy run'));
    expect(actions.setRunKind).toHaveBeenCalledWith('easy');
    const base = runView();
    const said = mountPanel({
      state: ready({
        ...base,
        classification: {
          ...base.classification,
          kind: 'easy',
          race: false,
          source: 'runner-tag',
          reasons: ['You said this was an easy run.'],
        },
      }),
    });
    expect(said.container.querySelector('.bb-chip')?.textContent).toBe('Easy runyou said');
    click(button(said.container, 'Change what you said'));
    click(button(said.container, 'Undo: let Bounceback decide'));
    expect(said.actions.setRunKind).toHaveBeenCalledWith(null);
  });

  it('ready: kind, countdowns, timeline, step list, check-ins and the notice', () => {
    const { container } = mountPanel({ state: ready() });
    expect(container.querySelector('.bb-chip')?.textContent).toBe('Long rundetected, confident');
    expect(container.textContent).toContain('24.0 km');
    expect(container.querySelectorAll('.bb-countdown')).toHaveLength(2);
    expect(container.textContent).toContain('Refuel window');
    expect(container.querySelector('svg[role="img"]')).not.toBeNull();
    expect(container.querySelectorAll('.bb-steps input[type="checkbox"]').length).toBeGreaterThan(
      5,
    );
    expect(button(container, 'Check in')).toBeTruthy();
    expect(container.querySelector('.bb-notice')?.textContent).toBe(
      'General guidance, not medical advice.',
    );
  });

  it('ready: when readiness has passed, says since when', () => {
    const run = runView();
    const before = mountPanel({ state: ready(run), now: run.plan.readyAt - MINUTE });
    const { hours, baseHours } = run.plan.readiness;
    const at = formatDayClock(run.plan.readyAt, 'America/New_York', 'en-GB');
    expect(before.container.querySelector('.bb-ready-at')?.textContent).toBe(
      `Ready for the next hard session ${at} (${hours} h after the run${hours === baseHours ? '' : `, base ${baseHours} h`})`,
    );
    const after = mountPanel({ state: ready(run), now: run.plan.readyAt });
    expect(after.container.querySelector('.bb-ready-at')?.textContent).toMatch(
      new RegExp(`^Ready for a hard session since ${at}`),
    );
  });

  it('ready in the fixed card: the narrow timeline without row labels', () => {
    const { container } = mountPanel({ target: { ...OWN, fallback: true }, state: ready() });
    expect(container.querySelector('section')?.className).toBe('bb-panel bb-card');
    expect(container.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 300 /);
    expect(container.querySelector('.bb-row-label')).toBeNull();
  });
});
