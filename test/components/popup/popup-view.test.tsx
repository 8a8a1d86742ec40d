// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView';
import type { CheckIn } from '../../../lib/model/check-in';
import { ALSO_WORTH_KNOWING } from '../../../lib/model/step-ids';
import type { SyncStatus } from '../../../lib/model/sync-status';
import { formatClock } from '../../../lib/recovery/local-date';
import { nextStep } from '../../../lib/recovery/next-step';
import { checkIn, HOUR, runView } from '../../lib/data/fixtures';
import { click, mount, setValue, submit, text, unmountAll } from './render';

const START = '2026-06-12T06:00:00Z';
const NOW = Date.parse(START) + HOUR + 20 * 60_000; // 20 min after a 1-hour run ended
const idle: SyncStatus = {
  phase: 'idle',
  lastSyncAt: NOW - 60_000,
  lastError: null,
  pausedUntil: null,
};

function actions() {
  return {
    setStepDone: vi.fn(),
    setRunKind: vi.fn(),
    answer: vi.fn(),
    submitCheckIn: vi.fn(async (_: CheckIn) => ({ ok: true })),
    submitWeighIn: vi.fn(async () => ({ ok: true })),
    openOptions: vi.fn(),
    syncNow: vi.fn(),
  };
}

function props(over: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    status: { connection: 'connected', sync: idle },
    current: null,
    recent: [],
    checkIns: [],
    now: NOW,
    timeZone: 'UTC',
    units: 'metric',
    lastChange: null,
    actions: actions(),
    ...over,
  };
}

afterEach(unmountAll);

describe('PopupView states', () => {
  it('loading', () => {
    const root = mount(<PopupView {...props({ status: null })} />);
    const status = root.querySelector('[role="status"][aria-busy="true"]');
    expect(text(status)).toMatch(/Loading/);
    expect(root.querySelector('form')).toBeNull();
  });

  it('not connected: a button to the options page, and nothing else', async () => {
    const a = actions();
    const root = mount(
      <PopupView {...props({ status: { connection: 'disconnected', sync: idle }, actions: a })} />,
    );
    expect(text(root)).toMatch(/Connect Strava to begin/);
    expect(root.querySelector('.bb-check-in')).toBeNull();
    const button = [...root.querySelectorAll('button')].find((b) => /Connect Strava/.test(text(b)));
    await click(button ?? null);
    expect(a.openOptions).toHaveBeenCalledOnce();
  });

  it('reconnect needed: an alert with the way out, and the cached plan still shown', async () => {
    const a = actions();
    const current = runView(7, START, { now: NOW });
    const root = mount(
      <PopupView
        {...props({ status: { connection: 'reconnect-needed', sync: idle }, current, actions: a })}
      />,
    );
    const alert = root.querySelector('[role="alert"]');
    expect(text(alert)).toMatch(/Reconnect Strava/);
    await click(alert?.querySelector('button') ?? null);
    expect(a.openOptions).toHaveBeenCalledOnce();
    expect(root.querySelector('.bb-current')).not.toBeNull();
  });

  it('rate-limited: says when it resumes, and "Check now" waits', () => {
    const pausedUntil = NOW + 11 * 60_000;
    const root = mount(
      <PopupView
        {...props({ status: { connection: 'connected', sync: { ...idle, pausedUntil } } })}
      />,
    );
    expect(text(root)).toMatch(/request limit/);
    expect(text(root)).toContain(`resumes at ${formatClock(pausedUntil, 'UTC')}`);
    const check = [...root.querySelectorAll('button')].find((b) => text(b) === 'Check now');
    expect(check?.disabled).toBe(true);
  });

  it('a pause in the past is not shown', () => {
    const root = mount(
      <PopupView
        {...props({ status: { connection: 'connected', sync: { ...idle, pausedUntil: NOW - 1 } } })}
      />,
    );
    expect(text(root)).not.toMatch(/request limit/);
  });

  it('nothing recent', () => {
    const root = mount(<PopupView {...props()} />);
    expect(text(root)).toMatch(/No recent runs/);
    expect(root.querySelector('.bb-check-in')).not.toBeNull();
  });

  it('a failed sync says so and offers to try again', async () => {
    const a = actions();
    const sync = {
      ...idle,
      lastError: { kind: 'network', message: 'Strava could not be reached.' },
    };
    const root = mount(
      <PopupView {...props({ status: { connection: 'connected', sync }, actions: a })} />,
    );
    expect(text(root)).toMatch(/Last check failed: Strava could not be reached/);
    await click([...root.querySelectorAll('button')].find((b) => text(b) === 'Try again') ?? null);
    expect(a.syncNow).toHaveBeenCalledOnce();
  });

  it('activities Strava sent malformed are named, without an alarm', () => {
    const sync = { ...idle, lastSyncAt: NOW, setAside: 2 };
    const root = mount(<PopupView {...props({ status: { connection: 'connected', sync } })} />);
    expect(text(root)).toMatch(/Strava sent 2 activities Bounceback could not read/);
    expect(root.querySelector('.bb-notice-warn')).toBeNull();
  });
});

describe('PopupView: the current plan', () => {
  it('shows every timer, the next step, the notice and Powered by Strava', () => {
    const current = runView(7, START, { now: NOW });
    const root = mount(<PopupView {...props({ current })} />);
    expect(root.querySelectorAll('.bb-countdown')).toHaveLength(current.plan.timers.length);
    expect(current.plan.timers.length).toBeGreaterThan(0);
    const next = nextStep(current.plan, NOW, []);
    expect(text(root.querySelector('.bb-next'))).toContain(next?.title);
    expect(text(root)).toContain(current.plan.notice);
    expect(text(root.querySelector('.bb-powered'))).toBe('Powered by Strava');
    expect(root.querySelector('img')).toBeNull(); // the mark is text, nothing fetched
  });

  it('the first frame (plan only) has the open countdown and next step, and nothing below them', () => {
    const current = runView(7, START, { now: NOW });
    const recent = [current, runView(8, '2026-06-10T06:00:00Z', { now: NOW })];
    const root = mount(<PopupView {...props({ current, recent, planOnly: true })} />);
    // One countdown: the eating window while it is open, else readiness.
    const refuel = current.plan.timers.find((t) => t.id === 'refuel');
    const eating = refuel !== undefined && refuel.startsAt <= NOW && NOW < refuel.endsAt;
    expect(root.querySelectorAll('.bb-countdown')).toHaveLength(1);
    expect(text(root.querySelector('.bb-countdown-label'))).toBe(
      eating ? refuel.label : 'Ready for the next hard session',
    );
    expect(root.querySelector('.bb-next')).not.toBeNull();
    expect(root.querySelector('form')).toBeNull();
    expect(root.querySelector('#bb-history-title')).toBeNull();
    expect(root.querySelector('#bb-recent-title')).toBeNull();
    // The full view has them all.
    const full = mount(<PopupView {...props({ current, recent })} />);
    expect(full.querySelectorAll('form').length).toBeGreaterThanOrEqual(2);
    expect(full.querySelector('#bb-history-title')).not.toBeNull();
    expect(full.querySelector('#bb-recent-title')).not.toBeNull();
  });

  it('ticking a step reports it, with the run and step ids', async () => {
    const a = actions();
    const current = runView(7, START, { now: NOW });
    const root = mount(<PopupView {...props({ current, actions: a })} />);
    const step = current.plan.steps[0]!;
    const box = root.querySelector<HTMLInputElement>(`#bb-step-7-${step.id}`);
    expect(box?.checked).toBe(false);
    expect(root.querySelector(`label[for="bb-step-7-${step.id}"]`)).not.toBeNull();
    await click(box);
    expect(a.setStepDone).toHaveBeenCalledWith(7, step.id, true);
  });

  it('lists what is due soon first and folds the rest away, every step still reachable', () => {
    const current = runView(7, START, { now: NOW, done: ['cool-down'] });
    const root = mount(<PopupView {...props({ current })} />);
    const folded = root.querySelectorAll('details.bb-more-steps .bb-step');
    const upfront = root.querySelectorAll('.bb-current > .bb-steps .bb-step');
    expect(upfront.length).toBeGreaterThan(0);
    expect(folded.length).toBeGreaterThan(0);
    const extras = current.plan.steps.filter((s) => ALSO_WORTH_KNOWING.has(s.id));
    expect(extras.length).toBeGreaterThan(0);
    expect(upfront.length + folded.length).toBe(current.plan.steps.length - extras.length);
    // The don'ts and extras are one line, not tasks.
    for (const step of extras) expect(text(root.querySelector('.bb-also'))).toContain(step.title);
    expect(root.querySelector('details.bb-more-steps #bb-step-7-cool-down')).not.toBeNull();
    for (const step of upfront) expect(step.className).toMatch(/bb-step-(open|later)/);
  });

  it('a step window that ends on a later local day says so', () => {
    // A run ending late in the evening in Tokyo: the long windows run past midnight there.
    const late = '2026-06-12T12:30:00Z'; // 21:30 in Tokyo
    const current = runView(7, late, { now: Date.parse(late) + HOUR });
    const root = mount(
      <PopupView {...props({ current, now: Date.parse(late) + HOUR, timeZone: 'Asia/Tokyo' })} />,
    );
    const crossing = current.plan.steps.filter(
      (s) =>
        new Date(s.startsAt + 9 * HOUR).getUTCDate() !== new Date(s.endsAt + 9 * HOUR).getUTCDate(),
    );
    expect(crossing.length).toBeGreaterThan(0);
    for (const step of current.plan.steps.filter((s) => !ALSO_WORTH_KNOWING.has(s.id))) {
      const when = text(root.querySelector(`#bb-step-7-${step.id}-detail .bb-when`));
      expect(when.includes('next day'), step.id).toBe(crossing.includes(step));
    }
  });

  it('a done step is ticked and the next-step line moves on', () => {
    const plain = runView(7, START, { now: NOW });
    const first = nextStep(plain.plan, NOW, []);
    const current = runView(7, START, { now: NOW, done: [first!.id] });
    const root = mount(<PopupView {...props({ current })} />);
    expect(root.querySelector<HTMLInputElement>(`#bb-step-7-${first!.id}`)?.checked).toBe(true);
    expect(text(root.querySelector('.bb-next'))).not.toContain(`Next: ${first!.title} (`);
  });

  it('the weigh-in form submits kilograms for the current run', async () => {
    const a = actions();
    const current = runView(7, START, { now: NOW });
    const root = mount(<PopupView {...props({ current, units: 'imperial', actions: a })} />);
    setValue(root, '#wi-before', '160');
    setValue(root, '#wi-after', '158.5');
    await submit(root.querySelector('.bb-weigh-in'));
    expect(a.submitWeighIn).toHaveBeenCalledWith({
      activityId: 7,
      beforeKg: 72.57,
      afterKg: 71.89,
    });
    expect(text(root.querySelector('.bb-weigh-in [role="status"]'))).toBe('Weights saved.');
  });
});

describe('PopupView: recent runs', () => {
  it('lists kind, date, readiness and a View on Strava link', () => {
    const recent = [
      runView(11, '2026-06-10T06:00:00Z', { kind: 'long', now: NOW }),
      runView(12, '2026-06-08T06:00:00Z', { kind: 'easy', now: NOW }),
    ];
    const root = mount(<PopupView {...props({ recent })} />);
    const items = root.querySelectorAll('.bb-run');
    expect(items).toHaveLength(2);
    expect(text(items[0])).toMatch(/Long run/);
    const date = text(items[0]?.querySelector('.bb-run-head .bb-muted'));
    expect(date).toMatch(/Jun/);
    expect(date).toMatch(/\b10\b/);
    expect(text(items[0])).toMatch(/ready (in|after) /);
    const link = items[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.strava.com/activities/11');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(text(link)).toBe('View on Strava');
  });

  it('a run name with markup shows as text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const root = mount(
      <PopupView
        {...props({
          current: runView(7, START, { now: NOW, name }),
          recent: [runView(8, '2026-06-10T06:00:00Z', { name, now: NOW })],
        })}
      />,
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelectorAll('[onerror]')).toHaveLength(0);
    const names = [...root.querySelectorAll('.bb-run-name')].map((n) => n.textContent);
    expect(names).toEqual([name, name]);
  });
});

describe('PopupView: check-in', () => {
  it('submits the parsed CheckIn for today', async () => {
    const a = actions();
    const root = mount(<PopupView {...props({ actions: a })} />);
    setValue(root, '#ci-sleepHours', '5.5');
    setValue(root, '#ci-sleepQuality', '2');
    setValue(root, '#ci-soreness', '4');
    setValue(root, '#ci-energy', '3');
    root.querySelector<HTMLInputElement>('input[name="sorenessAreas"][value="calves"]')!.checked =
      true;
    await submit(root.querySelector('.bb-check-in'));
    expect(a.submitCheckIn).toHaveBeenCalledWith({
      date: '2026-06-12',
      updatedAt: NOW,
      sleepHours: 5.5,
      sleepQuality: 2,
      soreness: 4,
      sorenessAreas: ['calves'],
      energy: 3,
    });
    expect(text(root.querySelector('.bb-check-in [role="status"]'))).toBe('Check-in saved.');
  });

  it('shows errors tied to their fields and does not submit', async () => {
    const a = actions();
    const root = mount(<PopupView {...props({ actions: a })} />);
    setValue(root, '#ci-sleepHours', '20');
    setValue(root, '#ci-soreness', 'very');
    await submit(root.querySelector('.bb-check-in'));
    expect(a.submitCheckIn).not.toHaveBeenCalled();
    for (const [id, message] of [
      ['ci-sleepHours', /between 0 and 16 hours/],
      ['ci-soreness', /0 \(none\) to 10 \(worst\)/],
    ] as const) {
      const input = root.querySelector(`#${id}`)!;
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const described = input.getAttribute('aria-describedby')!.split(' ');
      const messages = described.map((d) => text(root.querySelector(`#${d}`))).join(' ');
      expect(messages).toMatch(message);
    }
    expect(root.querySelector('#ci-energy')?.getAttribute('aria-invalid')).toBeNull();
  });

  it('an empty check-in gets one message for the form', async () => {
    const a = actions();
    const root = mount(<PopupView {...props({ actions: a })} />);
    await submit(root.querySelector('.bb-check-in'));
    expect(a.submitCheckIn).not.toHaveBeenCalled();
    const alert = root.querySelector('#ci-form-error');
    expect(alert?.hasAttribute('hidden')).toBe(false);
    expect(text(alert)).toMatch(/at least one/);
  });

  it('is prefilled with today’s entry, so saving edits it', async () => {
    const a = actions();
    const today = checkIn('2026-06-12', { sleepHours: 6.5, soreness: 2, sorenessAreas: ['hips'] });
    const root = mount(
      <PopupView
        {...props({ checkIns: [checkIn('2026-06-11', { sleepHours: 9 }), today], actions: a })}
      />,
    );
    expect(root.querySelector<HTMLInputElement>('#ci-sleepHours')?.value).toBe('6.5');
    expect(root.querySelector<HTMLInputElement>('input[value="hips"]')?.checked).toBe(true);
    expect(text(root.querySelector('.bb-check-in button[type="submit"]'))).toMatch(/Update/);
    setValue(root, '#ci-sleepHours', '7');
    await submit(root.querySelector('.bb-check-in'));
    expect(a.submitCheckIn).toHaveBeenCalledWith({
      date: '2026-06-12',
      updatedAt: NOW,
      sleepHours: 7,
      soreness: 2,
      sorenessAreas: ['hips'],
    });
  });

  it('after a save, the new entry refills the form and the saved message stays', async () => {
    const a = actions();
    const root = mount(<PopupView {...props({ actions: a })} />);
    setValue(root, '#ci-sleepHours', '6');
    await submit(root.querySelector('.bb-check-in'));
    const saved = a.submitCheckIn.mock.calls[0]![0];
    // The lead's wiring answers with the stored entry; the view re-renders with it.
    await act(async () => {
      render(<PopupView {...props({ actions: a, checkIns: [saved], now: NOW + 1000 })} />, root);
    });
    expect(root.querySelector<HTMLInputElement>('#ci-sleepHours')?.value).toBe('6');
    expect(text(root.querySelector('.bb-check-in button[type="submit"]'))).toMatch(/Update/);
    expect(text(root.querySelector('.bb-check-in [role="status"]'))).toBe('Check-in saved.');
  });

  it('a refused save shows the message it came with', async () => {
    const a = {
      ...actions(),
      submitCheckIn: vi.fn(async () => ({ ok: false, message: 'Storage is full' })),
    };
    const root = mount(<PopupView {...props({ actions: a })} />);
    setValue(root, '#ci-energy', '4');
    await submit(root.querySelector('.bb-check-in'));
    const status = root.querySelector('.bb-check-in [role="status"]');
    expect(text(status)).toBe('Storage is full');
    expect(status?.className).toContain('bb-error');
  });

  it('shows what the last check-in changed', () => {
    const root = mount(
      <PopupView
        {...props({ lastChange: ['readiness +6 h: 5.5 h of sleep', 'readiness +2 h: soreness 4'] })}
      />,
    );
    const items = [...root.querySelectorAll('.bb-changes li')].map((li) => text(li));
    expect(items).toEqual(['readiness +6 h: 5.5 h of sleep', 'readiness +2 h: soreness 4']);
  });
});

describe('PopupView: history chart', () => {
  it('draws 14 days with an accessible summary and table', () => {
    const checkIns = [
      checkIn('2026-06-12', { sleepHours: 5.5, soreness: 4 }),
      checkIn('2026-06-11', { sleepHours: 8, soreness: 2 }),
      checkIn('2026-05-20', { sleepHours: 3 }), // outside the 14 days
    ];
    const recent = [runView(11, '2026-06-10T06:00:00Z', { now: NOW })];
    const recentReadiness = recent[0]!.plan.readiness.hours;
    const root = mount(<PopupView {...props({ checkIns, recent })} />);
    const svg = root.querySelector('svg[role="img"]');
    expect(svg?.getAttribute('data-days')).toBe('14');
    expect(svg?.getAttribute('aria-label')).toMatch(
      /^Last 14 days: sleep averaged 6.8 h over 2 nights/,
    );
    expect(root.querySelectorAll('.bb-sleep')).toHaveLength(2);
    expect(root.querySelectorAll('.bb-sore-dot')).toHaveLength(2);
    expect(root.querySelectorAll('.bb-ready')).toHaveLength(1);
    const rows = root.querySelectorAll('table.bb-sr tbody tr');
    expect(rows).toHaveLength(14);
    const cells = (row: Element | undefined) => [...(row?.children ?? [])].map((c) => text(c));
    expect(cells(rows[13]).slice(1)).toEqual(['5.5 h', '4', '–']);
    expect(cells(rows[13])[0]).toMatch(/Jun/);
    expect(cells(rows[11]).slice(1)).toEqual(['–', '–', `${Math.round(recentReadiness)} h`]);
    expect(cells(rows[0])[0]).toMatch(/May/);
  });
});
