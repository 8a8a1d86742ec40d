// What must hold whatever the schedule did, and how each breach is counted.
//
// L lost: an activity Strava shows (inside the backfilled window) never stored; a stored copy
//   left stale (name, workout type or sport differ from Strava's, hidden although visible, still
//   stored after Strava deleted it); a plan left stale after its run changed (a run without a
//   plan, a non-run with one, a plan for another end time) — printed apart as "stale", counted
//   in L; a check-in or weigh-in the app accepted and then lost; a record quarantined; a pass
//   that threw something the runner cannot read; a schedule that never settles.
// D duplicated: an announcement made twice (the outbox's memory, or two notifications), one not
//   owed at all, a check-in stored twice, a record of an activity Strava never had (not imported).
// U unannounced: a new recent run stored and never announced, unless Strava deleted it first.
// R reconnects: the runner had to connect again, except after the schedule revoked access or
//   stopped the worker after Strava rotated the token and before its answer was stored (excused,
//   counted apart).
// B over budget: a pass (or a panel look-up) that sent more Strava requests than its bound, or a
//   request the simulator refused because a rate window was full.

import { endOf, isRun } from '../../lib/model/activity';
import type { CheckIn } from '../../lib/model/check-in';
import type { WeighIn } from '../../lib/model/weigh-in';
import type { Collections } from '../../lib/store/collections';
import { quarantined } from '../../lib/store/record-store';
import { validCursor } from '../../lib/sync/cursor';
import { OVERLAP_MS } from '../../lib/sync/sync-once';
import type { Simulator } from '../strava-sim/server';

type Category = 'L' | 'D' | 'U' | 'R' | 'B';

interface Violation {
  cat: Category;
  /** A stale record or plan (counted in L). */
  stale?: boolean;
  msg: string;
}

export interface Model {
  /** Outbox announcements per activity id (the product's "announced" memory being written). */
  announced: Map<number, number>;
  /** New-run notifications shown per activity id. */
  notified: Map<number, number>;
  /** The first time each id was stored: is an announcement owed? */
  firstStored: Map<number, { owed: boolean }>;
  /** The latest check-in the app accepted per date; `maybe` also allows those that failed. */
  checkIns: Map<string, CheckIn>;
  maybeCheckIns: Map<string, CheckIn[]>;
  weighIns: Map<number, WeighIn>;
  maybeWeighIns: Map<number, WeighIn[]>;
  /** Backfill floors (epoch ms) since the last "delete everything"; min is what must be stored. */
  floors: number[];
  awaitingFloor: boolean;
  /** The runner granted activity:read_all. */
  readAll: boolean;
  /** Activities currently served malformed (a stays-bad fault): set aside, not stored. */
  corrupt: Set<number>;
  /** Activities a cursor already skipped (reported once). */
  skipped: Set<number>;
  excusedReconnects: number;
  violations: Violation[];
}

export function emptyModel(readAll: boolean): Model {
  return {
    announced: new Map(),
    notified: new Map(),
    firstStored: new Map(),
    checkIns: new Map(),
    maybeCheckIns: new Map(),
    weighIns: new Map(),
    maybeWeighIns: new Map(),
    floors: [],
    awaitingFloor: true,
    readAll,
    corrupt: new Set(),
    skipped: new Set(),
    excusedReconnects: 0,
    violations: [],
  };
}

export interface Verdict {
  lost: number;
  /** Of `lost`: stale records and plans. */
  stale: number;
  duplicated: number;
  unannounced: number;
  reconnects: number;
  excusedReconnects: number;
  overBudget: number;
  violations: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const startOf = (a: { start_date: string }) => Date.parse(a.start_date);

/** What the extension may see: private runs only with activity:read_all. */
function visible(sim: Simulator, model: Model) {
  return [...sim.state.activities.values()].filter((a) => model.readAll || !a.detail.private);
}

/**
 * After every pass (finished, failed or killed): the next pass lists from the cursor minus the
 * overlap, so any visible activity that started at or before that point and after the backfill
 * floor must already be stored, or it would never be seen.
 */
export async function checkCursor(
  sim: Simulator,
  rawCursor: unknown,
  collections: Collections,
  now: number,
  model: Model,
): Promise<void> {
  if (!model.floors.length) return;
  const cursor = validCursor(rawCursor, now);
  if (cursor.backfilledAt === null || cursor.newestStartMs === null) return;
  const nextAfter = Math.min(cursor.newestStartMs - OVERLAP_MS, now - OVERLAP_MS);
  const floor = Math.min(...model.floors);
  const stored = new Set((await collections.runs.all()).map(([, r]) => r.activity.id));
  for (const a of visible(sim, model)) {
    const start = startOf(a.detail);
    if (model.corrupt.has(a.detail.id)) continue;
    if (start > floor && start <= nextAfter && !stored.has(a.detail.id)) {
      if (model.skipped.has(a.detail.id)) continue;
      model.skipped.add(a.detail.id);
      model.violations.push({
        cat: 'L',
        msg: `cursor skipped a run: next list starts after ${iso(nextAfter)}, activity ${a.detail.id} (${iso(start)}) is not stored`,
      });
    }
  }
}

/** After settling: runs, plans, announcements, entries. Budget and reconnects are in `model`. */
export async function checkSettled(
  sim: Simulator,
  collections: Collections,
  model: Model,
): Promise<Verdict> {
  const v: Violation[] = [...model.violations];
  const add = (cat: Category, msg: string, stale = false) => v.push({ cat, msg, stale });

  const records = await collections.runs.all();
  const byId = new Map<number, number>();
  for (const [key, r] of records) {
    byId.set(r.activity.id, (byId.get(r.activity.id) ?? 0) + 1);
    if (key !== r.activity.id) add('D', `run ${r.activity.id} stored under key ${String(key)}`);
  }
  for (const [id, n] of byId) if (n > 1) add('D', `run ${id} stored ${n} times`);
  const stored = new Map(records.map(([, r]) => [r.activity.id, r]));

  if (!model.floors.length) add('L', 'the six-week history was never read (no backfill)');
  const floor = model.floors.length ? Math.min(...model.floors) : Number.POSITIVE_INFINITY;
  for (const a of visible(sim, model)) {
    const { id } = a.detail;
    const r = stored.get(id);
    if (!r) {
      if (startOf(a.detail) > floor)
        add('L', `run ${id} (${a.detail.start_date}, ${a.detail.sport_type}) never stored`);
      continue;
    }
    const d = a.detail;
    if (
      r.activity.name !== d.name ||
      (r.activity.workout_type ?? 0) !== (d.workout_type ?? 0) ||
      r.activity.sport_type !== d.sport_type
    ) {
      add(
        'L',
        `run ${id}: stored "${r.activity.name}"/${r.activity.workout_type}/${r.activity.sport_type} but Strava has "${d.name}"/${d.workout_type}/${d.sport_type}`,
        true,
      );
    }
    if (r.hiddenAt !== undefined) add('L', `run ${id} is hidden though Strava shows it`, true);
    if (isRun(r.activity) && (!r.plan || !r.classification))
      add('L', `run ${id} has no plan`, true);
    if (!isRun(r.activity) && r.plan)
      add('L', `activity ${id} (${r.activity.sport_type}) still has a run's plan`, true);
    if (r.plan && r.plan.runEndedAt !== endOf(r.activity))
      add('L', `run ${id}: its plan is for a run ending ${iso(r.plan.runEndedAt)}`, true);
  }
  for (const [id, r] of stored) {
    // By design: without activity:read_all a 404 may be a private run (hidden, not deleted), and
    // an imported run is never confirmed (a hostile file must not cost requests).
    if (sim.state.deletedIds.has(id)) {
      if (!(r.hiddenAt !== undefined && !model.readAll) && r.origin !== 'import')
        add('L', `run ${id} was deleted on Strava but is still stored`, true);
    } else if (!sim.state.activities.has(id) && r.origin !== 'import')
      add('D', `run ${id} stored but never on Strava`);
  }

  for (const id of new Set([...model.announced.keys(), ...model.notified.keys()])) {
    const n = Math.max(model.announced.get(id) ?? 0, model.notified.get(id) ?? 0);
    if (n > 1) add('D', `run ${id} announced ${n} times`);
    if (!model.firstStored.get(id)?.owed)
      add('D', `run ${id} announced but not owed an announcement`);
  }
  // The outbox: a stopped worker or a failed pass only delays an announcement. A run deleted on
  // Strava before its announcement went out owes none.
  for (const [id, first] of model.firstStored) {
    if (first.owed && !model.announced.has(id) && !sim.state.deletedIds.has(id))
      add('U', `new recent run ${id} stored but never announced`);
  }

  const checkIns = (await collections.checkIns.all()).map(([, c]) => c);
  const perDate = new Map<string, CheckIn[]>();
  for (const c of checkIns) perDate.set(c.date, [...(perDate.get(c.date) ?? []), c]);
  for (const [date, list] of perDate)
    if (list.length > 1) add('D', `check-in of ${date} stored ${list.length} times`);
  const same = (a: CheckIn | undefined, b: CheckIn) =>
    !!a &&
    a.sleepHours === b.sleepHours &&
    a.soreness === b.soreness &&
    a.updatedAt === b.updatedAt;
  for (const [date, want] of model.checkIns) {
    const got = perDate.get(date)?.[0];
    if (!same(got, want) && !(model.maybeCheckIns.get(date) ?? []).some((m) => same(got, m)))
      add(
        'L',
        `check-in of ${date} lost (want ${JSON.stringify(want)}, have ${JSON.stringify(got)})`,
      );
  }
  const weighIns = new Map((await collections.weighIns.all()).map(([, w]) => [w.activityId, w]));
  const sameW = (a: WeighIn | undefined, b: WeighIn) =>
    !!a && a.beforeKg === b.beforeKg && a.afterKg === b.afterKg;
  for (const [id, want] of model.weighIns) {
    if (sim.state.deletedIds.has(id)) continue;
    const got = weighIns.get(id);
    if (!sameW(got, want) && !(model.maybeWeighIns.get(id) ?? []).some((m) => sameW(got, m)))
      add(
        'L',
        `weigh-in of run ${id} lost (want ${JSON.stringify(want)}, have ${JSON.stringify(got)})`,
      );
  }

  // Strava list items set aside are reported, not lost; a stored record set aside is.
  const q = (await quarantined()).filter((r) => !r.collection.startsWith('strava:'));
  if (q.length)
    add(
      'L',
      `${q.length} record(s) quarantined: ${q.map((r) => `${r.collection} ${r.reason}`).join('; ')}`,
    );

  const count = (cat: Category) => v.filter((x) => x.cat === cat).length;
  return {
    lost: count('L'),
    stale: v.filter((x) => x.stale).length,
    duplicated: count('D'),
    unannounced: count('U'),
    reconnects: count('R'),
    excusedReconnects: model.excusedReconnects,
    overBudget: count('B'),
    violations: v.map((x) => `[${x.cat}${x.stale ? ' stale' : ''}] ${x.msg}`),
  };
}
