// One sync pass: list since the cursor (the newest start seen minus 48 h, because a watch that
// syncs late can upload an older run after a newer one), fetch what is new or edited, classify,
// plan, store, and only then advance the cursor. Idempotent by activity id: a pass killed at any
// point and run again stores every run once and announces it once.

import { type Activity, endOf, isRun } from '../model/activity';
import type { Profile } from '../model/profile';
import type { StoredRun } from '../model/stored-run';
import type { Collections } from '../store/collections';
import { DAY_MS, HOUR_MS } from '../time';
import { classifyAndPlan, readKnown } from './plan-run';
import type { SyncSource } from './sync-source';

export const OVERLAP_MS = 48 * HOUR_MS;
export const BACKFILL_MS = 42 * DAY_MS;
/** A run that ended longer ago than this gets no detail call: its plan is over anyway. */
export const RECENT_MS = 96 * HOUR_MS;
const PER_PAGE = 100;

export interface Cursor {
  /** Newest start_date seen, epoch ms. */
  newestStartMs: number | null;
  /** When the six-week history was first read; null until then. */
  backfilledAt: number | null;
}

export const EMPTY_CURSOR: Cursor = { newestStartMs: null, backfilledAt: null };

export interface SyncDeps {
  source: SyncSource;
  collections: Collections;
  cursor: { get(): Promise<Cursor>; set(c: Cursor): Promise<void> };
  profile(): Promise<Profile>;
  now(): number;
  /** A run seen for the first time (called once per run, after it is stored). */
  onNewRun?(run: StoredRun): void | Promise<void>;
}

export interface SyncReport {
  listed: number;
  added: number[];
  updated: number[];
  removed: number[];
}

const startOf = (a: Pick<Activity, 'start_date'>) => Date.parse(a.start_date);

/** Fields whose change on Strava means the plan must be rebuilt. */
function edited(known: Activity, listed: Activity): boolean {
  return (
    known.name !== listed.name ||
    (known.workout_type ?? 0) !== (listed.workout_type ?? 0) ||
    known.sport_type !== listed.sport_type ||
    known.elapsed_time !== listed.elapsed_time ||
    Math.round(known.distance) !== Math.round(listed.distance)
  );
}

export function withoutStreams({ streams: _s, ...rest }: Activity): Activity {
  return rest;
}

export async function syncOnce(
  deps: SyncDeps,
  opts: { urgent?: boolean } = {},
): Promise<SyncReport> {
  const urgent = opts.urgent ?? false;
  const now = deps.now();
  const cursor = await deps.cursor.get();
  const { collections: c } = deps;
  const known = await readKnown(c, await deps.profile());

  const afterMs =
    cursor.backfilledAt === null || cursor.newestStartMs === null
      ? now - BACKFILL_MS
      : Math.min(cursor.newestStartMs - OVERLAP_MS, now - OVERLAP_MS);
  const listed: Activity[] = [];
  for (let page = 1; ; page++) {
    const batch = await deps.source.listActivities(
      { after: Math.floor(afterMs / 1000), page, perPage: PER_PAGE },
      urgent,
    );
    listed.push(...batch);
    if (batch.length < PER_PAGE) break;
  }
  // Oldest first, so each run is classified with every earlier run already known.
  listed.sort((a, b) => startOf(a) - startOf(b));

  const report: SyncReport = { listed: listed.length, added: [], updated: [], removed: [] };
  let newest = cursor.newestStartMs ?? Number.NEGATIVE_INFINITY;
  const seen = new Set<number>();

  for (const summary of listed) {
    seen.add(summary.id);
    const before = known.runs.get(summary.id);
    const recent = endOf(summary) > now - RECENT_MS;
    const changed = !before || edited(before.activity, summary);
    const needsDetail = recent && isRun(summary) && !before?.detailed;
    if (!changed && !needsDetail) {
      newest = Math.max(newest, startOf(summary));
      continue;
    }
    let activity: Activity = summary;
    let detailed = false;
    if (recent && isRun(summary)) {
      const detail = await deps.source.activity(summary.id, urgent);
      if (!detail) {
        // Deleted between the list and the detail call.
        if (before) await remove(c, summary.id, report);
        continue;
      }
      activity = detail;
      detailed = true;
    }
    let result = classifyAndPlan(activity, known, now);
    if (
      detailed &&
      result.classification &&
      result.classification.source === 'inferred' &&
      result.classification.confidence < 0.55 &&
      !activity.manual &&
      (activity.laps?.length ?? 0) <= 1
    ) {
      // Not sure from the summary and laps: the streams' pace and heart-rate shape may tell.
      const streams = await deps.source.streams(activity.id, urgent);
      result = classifyAndPlan({ ...activity, streams }, known, now);
    }
    const record: StoredRun = {
      activity: withoutStreams(activity),
      classification: result.classification,
      plan: result.plan,
      detailed: detailed || (before?.detailed ?? false),
      syncedAt: now,
    };
    await c.runs.put(summary.id, record);
    known.runs.set(summary.id, record);
    newest = Math.max(newest, startOf(summary));
    if (before) report.updated.push(summary.id);
    else {
      report.added.push(summary.id);
      if (recent && record.plan) await deps.onNewRun?.(record);
    }
  }

  // Known runs inside the listed window that Strava no longer lists: confirm, then remove.
  for (const [id, r] of known.runs) {
    if (seen.has(id) || startOf(r.activity) <= afterMs) continue;
    const still = await deps.source.activity(id, urgent);
    if (!still) await remove(c, id, report);
  }

  await deps.cursor.set({
    newestStartMs: Number.isFinite(newest) ? newest : cursor.newestStartMs,
    backfilledAt: cursor.backfilledAt ?? now,
  });
  return report;
}

async function remove(c: Collections, id: number, report: SyncReport): Promise<void> {
  await c.runs.delete(id);
  await c.progress.delete(id);
  await c.weighIns.delete(id);
  report.removed.push(id);
}
