// What must hold whatever the schedule did.
//
// "Processed exactly once" here means: every activity the simulator holds is stored once (one
// record per id) with its latest name and workout_type, and a run gets a plan; and the
// announcement (onNewRun → notification) fires exactly once for a new recent run (the outbox:
// `announcedAt: null` until done, drained after every pass), unless Strava deleted it first.

import { isRun } from '../../lib/model/activity';
import type { CheckIn } from '../../lib/model/check-in';
import type { Collections } from '../../lib/store/collections';
import { quarantined } from '../../lib/store/record-store';
import type { Cursor } from '../../lib/sync/cursor';
import { BACKFILL_MS, OVERLAP_MS } from '../../lib/sync/sync-once';
import type { RateUsage } from '../strava-sim/rate-limiter';
import type { Simulator } from '../strava-sim/server';

export interface Model {
  /** onNewRun calls per activity id. */
  announced: Map<number, number>;
  /** The first time each id was stored: is an announcement owed? */
  firstStored: Map<number, { owed: boolean }>;
  /** The latest check-in written per date. */
  checkIns: Map<string, CheckIn>;
  edited: Set<number>;
  deleted: Set<number>;
  /** Requests the simulator refused because a window was full. */
  overuse: { at: number; usage: RateUsage }[];
  violations: string[];
}

export interface Verdict {
  lost: number;
  duplicated: number;
  /** New recent runs stored and never announced. */
  unannounced: number;
  violations: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * After every pass (finished, failed or killed): the next pass lists from the cursor minus the
 * overlap, so any activity the simulator holds that started at or before that point and after
 * the backfill floor must already be stored, or it would never be seen.
 */
export async function checkCursor(
  sim: Simulator,
  cursor: Cursor,
  collections: Collections,
  now: number,
  model: Model,
): Promise<void> {
  if (cursor.backfilledAt === null || cursor.newestStartMs === null) return;
  const nextAfter = Math.min(cursor.newestStartMs - OVERLAP_MS, now - OVERLAP_MS);
  const floor = cursor.backfilledAt - BACKFILL_MS;
  const stored = new Set((await collections.runs.all()).map(([, r]) => r.activity.id));
  for (const a of sim.state.activities.values()) {
    const start = Date.parse(a.detail.start_date);
    if (start > floor && start <= nextAfter && !stored.has(a.detail.id)) {
      model.violations.push(
        `cursor skipped a run: next list starts after ${iso(nextAfter)}, activity ${a.detail.id} (${iso(start)}) is not stored`,
      );
    }
  }
}

/** After settling: runs, announcements, check-ins, budget. */
export async function checkSettled(
  sim: Simulator,
  collections: Collections,
  model: Model,
): Promise<Verdict> {
  const violations = [...model.violations];
  let lost = 0;
  let duplicated = 0;
  let unannounced = 0;

  const records = await collections.runs.all();
  const byId = new Map<number, number>();
  for (const [key, r] of records) {
    byId.set(r.activity.id, (byId.get(r.activity.id) ?? 0) + 1);
    if (key !== r.activity.id)
      violations.push(`run ${r.activity.id} stored under key ${String(key)}`);
  }
  for (const [id, n] of byId) {
    if (n > 1) {
      duplicated += n - 1;
      violations.push(`run ${id} stored ${n} times`);
    }
  }
  const stored = new Map(records.map(([, r]) => [r.activity.id, r]));

  for (const a of sim.state.activities.values()) {
    const { id } = a.detail;
    const r = stored.get(id);
    if (!r) {
      lost++;
      violations.push(`run ${id} (${a.detail.start_date}, ${a.detail.sport_type}) never stored`);
      continue;
    }
    if (
      r.activity.name !== a.detail.name ||
      (r.activity.workout_type ?? 0) !== (a.detail.workout_type ?? 0)
    ) {
      violations.push(
        `run ${id}: stored "${r.activity.name}"/${r.activity.workout_type} but Strava has "${a.detail.name}"/${a.detail.workout_type}${model.edited.has(id) ? ' (edited)' : ''}`,
      );
    }
    if (isRun(a.detail) && (!r.plan || !r.classification)) violations.push(`run ${id} has no plan`);
  }
  for (const id of stored.keys()) {
    if (sim.state.deletedIds.has(id))
      violations.push(`run ${id} was deleted on Strava but is still stored`);
    else if (!sim.state.activities.has(id)) violations.push(`run ${id} stored but never on Strava`);
  }

  for (const [id, n] of model.announced) {
    if (n > 1) {
      duplicated += n - 1;
      violations.push(`run ${id} announced ${n} times`);
    }
    if (!model.firstStored.get(id)?.owed)
      violations.push(`run ${id} announced but not owed an announcement`);
  }
  // The outbox: a stopped worker or a failed pass only delays an announcement. A run deleted on
  // Strava before its announcement went out owes none.
  for (const [id, first] of model.firstStored) {
    if (first.owed && !model.announced.has(id) && !sim.state.deletedIds.has(id)) {
      unannounced++;
      violations.push(`new recent run ${id} stored but never announced`);
    }
  }

  const checkIns = (await collections.checkIns.all()).map(([, v]) => v);
  const perDate = new Map<string, CheckIn[]>();
  for (const c of checkIns) perDate.set(c.date, [...(perDate.get(c.date) ?? []), c]);
  for (const [date, list] of perDate) {
    if (list.length > 1) {
      duplicated += list.length - 1;
      violations.push(`check-in of ${date} stored ${list.length} times`);
    }
  }
  for (const [date, want] of model.checkIns) {
    const got = perDate.get(date)?.[0];
    if (
      !got ||
      got.sleepHours !== want.sleepHours ||
      got.soreness !== want.soreness ||
      got.updatedAt !== want.updatedAt
    ) {
      lost++;
      violations.push(
        `check-in of ${date} lost (want ${JSON.stringify(want)}, have ${JSON.stringify(got)})`,
      );
    }
  }

  const q = await quarantined();
  if (q.length)
    violations.push(
      `${q.length} record(s) quarantined: ${q.map((r) => `${r.collection} ${r.reason}`).join('; ')}`,
    );

  for (const o of model.overuse) {
    violations.push(
      `rate budget exceeded: the simulator refused a request at ${iso(o.at)} (usage ${JSON.stringify(o.usage)})`,
    );
  }
  return { lost, duplicated, unannounced, violations };
}
