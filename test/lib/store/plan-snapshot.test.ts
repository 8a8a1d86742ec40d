import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PlanSnapshot } from '../../../lib/messaging/views';
import { readPlanSnapshot, writePlanSnapshot } from '../../../lib/store/plan-snapshot';

beforeEach(() => {
  fakeBrowser.reset();
});

const EMPTY: PlanSnapshot = {
  connection: 'connected',
  sync: { phase: 'idle', lastSyncAt: 1_700_000_000_000, lastError: null, pausedUntil: null },
  current: null,
  timeZone: 'Europe/London',
  units: 'imperial',
};

describe('plan snapshot', () => {
  it('reads back what was written', async () => {
    await writePlanSnapshot(EMPTY);
    expect(await readPlanSnapshot()).toEqual(EMPTY);
  });

  it('is written again only when it changed', async () => {
    const writes: unknown[] = [];
    browser.storage.onChanged.addListener((changes) => {
      if ('planSnapshot' in changes) writes.push(changes.planSnapshot?.newValue);
    });
    await writePlanSnapshot(EMPTY);
    await writePlanSnapshot({ ...EMPTY });
    expect(writes).toHaveLength(1);
    await writePlanSnapshot({ ...EMPTY, units: 'metric' });
    expect(writes).toHaveLength(2);
    expect(await readPlanSnapshot()).toEqual({ ...EMPTY, units: 'metric' });
  });

  it('is null when nothing was written yet', async () => {
    expect(await readPlanSnapshot()).toBeNull();
  });

  const GARBAGE: [string, unknown][] = [
    ['a string', 'garbage'],
    ['null', null],
    ['an array', [1, 2]],
    ['another version', { ...EMPTY, v: 2 }],
    ['no version', EMPTY],
    ['a wrong field', { ...EMPTY, v: 1, connection: 'maybe' }],
    ['a half plan', { ...EMPTY, v: 1, current: { activity: { id: 1 } } }],
  ];
  for (const [what, value] of GARBAGE) {
    it(`ignores ${what} instead of showing it`, async () => {
      await browser.storage.local.set({ planSnapshot: value });
      expect(await readPlanSnapshot()).toBeNull();
    });
  }
});
