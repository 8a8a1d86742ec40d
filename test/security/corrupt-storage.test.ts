// Corrupt records planted in every IndexedDB collection and garbage in every browser.storage item
// the background reads: sync and the message handlers keep working, bad records are quarantined
// with a reason, and every good record is still there afterwards.
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { localDateKey } from '../../lib/recovery/local-date';
import { quarantined } from '../../lib/store/record-store';
import { handlerCalls } from '../lib/background/handler-calls';
import { type PerTest, perTestApp } from '../lib/sync/per-test-app';

let t: PerTest;
let runId: number;

perTestApp(
  13,
  (x) => {
    t = x;
  },
  { weeks: 2 },
);
beforeEach(async () => {
  runId = t.sim.finishRun({ kind: 'intervals' }).id;
  expect((await t.app.syncNow(true)).lastError).toBeNull();
  await t.app.checkIn({
    date: localDateKey(t.sim.clock.now(), 'Europe/London'),
    sleepHours: 6,
    soreness: 3,
    updatedAt: t.sim.clock.now(),
  });
  await t.app.markStepDone(runId, 'refuel-snack', true);
  await t.app.saveWeighIn({ activityId: runId, beforeKg: 62, afterKg: 61.2 });
});

const POPUP = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const PANEL = () => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL(`/panel.html#activity=${runId}&own=1&fallback=0`),
  tab: { id: 1, url: `https://www.strava.com/activities/${runId}` },
});

/** What no corruption elsewhere may cost. */
async function goodRecords() {
  const c = t.h.collections;
  const [runs, progress, checkIns, weighIns] = await Promise.all([
    c.runs.all(),
    c.progress.all(),
    c.checkIns.all(),
    c.weighIns.all(),
  ]);
  return {
    runs: runs.map(([k, r]) => [k, r.activity.name, r.plan?.kind]).sort(),
    progress,
    checkIns,
    weighIns,
  };
}

const GARBAGE: [string, unknown][] = [
  ['a bare string', 'garbage'],
  ['a number', 42],
  ['null', null],
  ['an unversioned object', { id: 1, name: 'x' }],
  ['a record from a newer version', { v: 99, data: {} }],
  ['a versioned record with wrong fields', { v: 1, data: { activity: 'no', done: 7, date: 3 } }],
  ['an array', [1, 2, 3]],
];

const COLLECTIONS = [
  ['runs', 'bounceback-runs', 987_654_321],
  ['progress', 'bounceback-progress', 987_654_321],
  ['checkIns', 'bounceback-checkins', '2020-01-01'],
  ['weighIns', 'bounceback-weighins', 987_654_321],
] as const;

async function everythingStillAnswers() {
  const a = handlerCalls(t.app, t.h.service);
  expect(await a.getPopup(undefined, POPUP())).toMatchObject({ ok: true });
  expect(await a.getPanel({ activityId: runId, own: true }, PANEL())).toMatchObject({
    ok: true,
    value: { state: 'ready' },
  });
  expect(await a.getSettings(undefined, POPUP())).toMatchObject({ ok: true });
  expect(await a.getConnection(undefined, POPUP())).toMatchObject({
    ok: true,
    value: { state: 'connected' },
  });
  const synced = await a.syncNow(undefined, POPUP());
  expect(synced).toMatchObject({ ok: true, value: { lastError: null } });
}

describe('corrupt records in IndexedDB', () => {
  for (const [collection, db, key] of COLLECTIONS) {
    it(`${collection}: every kind of garbage is quarantined with a reason, nothing else is lost`, async () => {
      const before = await goodRecords();
      const store = createStore(db, 'records');
      for (const [i, [, value]] of GARBAGE.entries()) {
        await set(
          typeof key === 'number' ? key + i : `2020-01-${String(i + 1).padStart(2, '0')}`,
          value,
          store,
        );
      }
      t.sim.finishRun({ kind: 'easy' });
      await everythingStillAnswers();
      const q = (await quarantined()).filter((r) => r.collection === db);
      expect(q).toHaveLength(GARBAGE.length);
      for (const r of q) expect(r.reason).toMatch(/not a versioned record|newer version|invalid/);
      const after = await goodRecords();
      // The new run was added; everything that was there is still there, unchanged.
      expect(after.runs).toEqual(expect.arrayContaining(before.runs));
      expect(after.progress).toEqual(before.progress);
      expect(after.checkIns).toEqual(before.checkIns);
      expect(after.weighIns).toEqual(before.weighIns);
    });
  }
});

describe('garbage in browser.storage items', () => {
  const ITEMS = ['settings', 'connection', 'syncCursor', 'syncStatus', 'planSnapshot'] as const;
  for (const item of ITEMS) {
    for (const [what, value] of GARBAGE) {
      it(`${item} = ${what}: handlers answer, sync recovers, no record lost`, async () => {
        const before = await goodRecords();
        await browser.storage.local.set({ [item]: value });
        const a = handlerCalls(t.app, t.h.service);
        // Every answer is a value or a clear error, never an exception.
        for (const call of [
          () => a.getPopup(undefined, POPUP()),
          () => a.getPanel({ activityId: runId, own: true }, PANEL()),
          () => a.getSettings(undefined, POPUP()),
          () => a.syncNow(undefined, POPUP()),
          () => a.getConnection(undefined, POPUP()),
        ]) {
          const out = await call();
          expect(out.ok || !!out.error.message).toBe(true);
        }
        // A run finished after the corruption still arrives (same worker, next sync).
        const fresh = t.sim.finishRun({ kind: 'easy' });
        await t.app.syncNow(true);
        expect(await t.h.collections.runs.get(fresh.id), 'run after corruption').toBeDefined();
        const after = await goodRecords();
        expect(after.runs).toEqual(expect.arrayContaining(before.runs));
        expect(after.checkIns).toEqual(before.checkIns);
        expect(after.progress).toEqual(before.progress);
        expect(after.weighIns).toEqual(before.weighIns);
      });
    }
  }
});
