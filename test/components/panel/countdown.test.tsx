// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Countdown } from '../../../components/shared/Countdown';
import { spokenRemaining } from '../../../lib/ui/format-remaining';

afterEach(() => {
  document.body.innerHTML = '';
});

const MIN = 60_000;

function spokenAt(now: number, startsAt = 0, endsAt = 30 * MIN) {
  const container = document.createElement('div');
  render(
    <Countdown label="Refuel window" startsAt={startsAt} endsAt={endsAt} now={now} />,
    container,
  );
  return {
    live: container.querySelector('[aria-live="polite"]')!.textContent,
    visible: container.querySelector('.bb-countdown-time')!.textContent,
  };
}

describe('Countdown announcements', () => {
  it('the polite live text does not change from one second to the next', () => {
    const a = spokenAt(5 * MIN + 1000);
    const b = spokenAt(5 * MIN + 2000);
    expect(a.visible).not.toBe(b.visible);
    expect(a.live).toBe(b.live);
    expect(a.live).toBe('Refuel window: 25 minutes left');
  });

  it('long countdowns are spoken in hours, so they change hourly', () => {
    const end = 58 * 60 * MIN;
    expect(spokenAt(3 * 60 * MIN, 0, end).live).toBe('Refuel window: about 2 days 7 hours left');
    expect(spokenAt(3 * 60 * MIN + 10 * MIN, 0, end).live).toBe(
      spokenAt(3 * 60 * MIN + 50 * MIN, 0, end).live,
    );
    expect(spokenAt(-MIN, 0, end).live).toBe('Refuel window: 1 minute until it starts');
    expect(spokenAt(end, 0, end).live).toBe('Refuel window: over');
  });

  it.each([
    [0, '0 minutes'],
    [59 * 1000, '1 minute'],
    [45 * MIN, '45 minutes'],
    [90 * MIN, 'about 1 hour'],
    [47 * 60 * MIN, 'about 47 hours'],
    [55 * 60 * MIN, 'about 2 days 7 hours'],
  ])('spokenRemaining(%i) → %s', (ms, text) => {
    expect(spokenRemaining(ms)).toBe(text);
  });
});
