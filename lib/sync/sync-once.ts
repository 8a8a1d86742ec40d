// One sync pass: list since the cursor (the newest start seen minus an overlap of ten days, because
// a watch that syncs late can upload an older run after a newer one), page by page; fetch what is
// new or edited, classify, plan, store, then move the cursor past that page. Idempotent by activity
// id: a pass killed at any point and run again stores every run once and announces it once (new
// runs wait in the outbox, `announcedAt: null`, until their announcement is done).

import { type Activity, endOf, isRun, keptOf } from '../model/activity';
import type { Profile } from '../model/profile';
import type { StoredRun } from '../model/stored-run';
import type { Collections } from '../store/collections';
import type { RejectedItem } from '../strava/client';
import { DAY_MS, HOUR_MS } from '../time';
import { type Cursor, validCursor } from './cursor';
import { classifyAndPlan, readKnown } from './plan-run';
import type { SyncSource } from './sync-source';

export const OVERLAP_MS = 10 * DAY_MS;
export const BACKFILL_MS = 42 * DAY_MS;
/** A run that ended longer ago than this gets no detail call: its plan is over anyway. */
export const RECENT_MS = 96 * HOUR_MS;
/** Strava's maximum: the overlap and a normal pass fit in one request. */
export const PER_PAGE = 200;
/** A pass reads at most this many pages; the next pass goes on from the cursor. */
export const MAX_PAGES = 5;
/** Known runs that Strava stopped listing are confirmed with a detail call each, this many a pass. */
export const MAX_CONFIRMS = 5;

export interface SyncDeps {
  source: SyncSource;
  collections: Collections;
  cursor: { get(): Promise<unknown>; set(c: Cursor): Promise<void> };
  profile(): Promise<Profile>;
  now(): number;
  /** Did the runner grant `activity:read_all`? Without it a 404 may be a private run. */
  seesPrivate?: boolean;
  /** Announces a new run (notification, refuel alarm); called from the outbox. */
  onNewRun?(run: StoredRun): void | Promise<void>;
  /** Did an announcement of this run already happen (a worker stopped before marking it)? */
  wasAnnounced?(id: number): Promise<boolean>;
  /** Sets aside a list item that failed its schema (the quarantine). */
  onRejected?(item: RejectedItem): Promise<void>;
}

export interface SyncReport {
  listed: number;
  added: number[];
  updated: number[];
  removed: number[];
  hidden: number[];
  /** List items that failed validation and were set aside. */
  rejected: number;
  /** True when the page cap stopped the pass before the end of the list. */
  partial: boolean;
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

export async function syncOnce(
  deps: SyncDeps,
  opts: { urgent?: boolean } = {},
): Promise<SyncReport> {
  const urgent = opts.urgent ?? false;
  const now = deps.now();
  let cursor = validCursor(await deps.cursor.get(), now);
  const { collections: c } = deps;
  const known = await readKnown(c, await deps.profile());

  const afterMs =
    cursor.backfilledAt === null || cursor.newestStartMs === null
      ? now - BACKFILL_MS
      : Math.min(cursor.newestStartMs - OVERLAP_MS, now - OVERLAP_MS);
  const report: SyncReport = {
    listed: 0,
    added: [],
    updated: [],
    removed: [],
    hidden: [],
    rejected: 0,
    partial: false,
  };
  const seen = new Set<number>();

  async function store(summary: Activity): Promise<void> {
    seen.add(summary.id);
    const before = known.runs.get(summary.id);
    const recent = endOf(summary) > now - RECENT_MS;
    const changed = !before || before.hiddenAt !== undefined || edited(before.activity, summary);
    const needsDetail = recent && isRun(summary) && !before?.detailed;
    if (!changed && !needsDetail) {
      if (before?.origin === 'import') {
        // Strava lists it: from now on it is confirmed like any synced run.
        const confirmed = { ...before, origin: 'strava' as const };
        await c.runs.put(summary.id, confirmed);
        known.runs.set(summary.id, confirmed);
      }
      return;
    }
    let activity: Activity = summary;
    let detailed = false;
    if (recent && isRun(summary)) {
      const detail = await deps.source.activity(summary.id, urgent);
      if (!detail) {
        // Gone between the list and the detail call.
        if (before) await gone(summary.id, before);
        return;
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
    const announce = !before && recent && result.plan !== null;
    const record = freshRecord(before, activity, result, { detailed, owed: announce, now });
    await c.runs.put(summary.id, record);
    known.runs.set(summary.id, record);
    if (before) report.updated.push(summary.id);
    else report.added.push(summary.id);
  }

  /** A 404: a deletion when the runner lets us see private runs; else maybe private, so hidden. */
  async function gone(id: number, before: StoredRun): Promise<void> {
    if (deps.seesPrivate ?? true) {
      await c.runs.delete(id);
      await c.progress.delete(id);
      await c.weighIns.delete(id);
      known.runs.delete(id);
      report.removed.push(id);
    } else if (before.hiddenAt === undefined) {
      const hidden = { ...before, hiddenAt: now };
      await c.runs.put(id, hidden);
      known.runs.set(id, hidden);
      report.hidden.push(id);
    }
  }

  let finished = false;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await deps.source.listActivities(
      { after: Math.floor(afterMs / 1000), page, perPage: PER_PAGE },
      urgent,
    );
    report.listed += batch.activities.length;
    for (const bad of batch.rejected) {
      report.rejected++;
      if (bad.id !== null) seen.add(bad.id);
      await deps.onRejected?.(bad);
    }
    // Oldest first, so each run is classified with every earlier run already known.
    const listed = [...batch.activities].sort((a, b) => startOf(a) - startOf(b));
    for (const summary of listed) await store(summary);
    // The page is stored: the cursor may move past it (never backwards).
    const newest = Math.max(
      cursor.newestStartMs ?? Number.NEGATIVE_INFINITY,
      ...listed.map(startOf),
    );
    cursor = {
      newestStartMs: Number.isFinite(newest) ? newest : cursor.newestStartMs,
      backfilledAt: cursor.backfilledAt ?? now,
    };
    await deps.cursor.set(cursor);
    if (batch.count < PER_PAGE) {
      finished = true;
      break;
    }
  }
  report.partial = !finished;

  // Runs inside the listed window that Strava no longer lists: confirm, then remove (only after a
  // whole list, and never for imported runs Strava has not listed here).
  if (finished) {
    let confirms = 0;
    for (const [id, r] of known.runs) {
      if (seen.has(id) || r.origin === 'import') continue;
      if (r.hiddenAt !== undefined && !(deps.seesPrivate ?? true)) continue;
      // Not `> now`: with the computer's clock behind Strava's, a deleted run would stay for good.
      if (startOf(r.activity) <= afterMs) continue;
      if (++confirms > MAX_CONFIRMS) break;
      const still = await deps.source.activity(id, urgent);
      if (!still) await gone(id, r);
    }
  }

  await drainOutbox(deps, known.runs.values());
  return report;
}

/**
 * One run's record as Strava now has it, carrying over what is ours: the announcement outbox
 * (null while owed; kept, or now, for a run already known) and the runner's own word on it.
 */
export function freshRecord(
  before: StoredRun | undefined,
  activity: Activity,
  result: { classification: StoredRun['classification']; plan: StoredRun['plan'] },
  opts: { detailed: boolean; owed: boolean; now: number },
): StoredRun {
  const { now } = opts;
  return {
    activity: keptOf(activity),
    classification: result.classification,
    plan: result.plan,
    detailed: opts.detailed || (before?.detailed ?? false),
    syncedAt: now,
    origin: 'strava',
    announcedAt: opts.owed ? null : before?.announcedAt === undefined ? now : before.announcedAt,
    ...(before?.runnerTag ? { runnerTag: before.runnerTag } : {}),
    ...(before?.runnerSays ? { runnerSays: before.runnerSays } : {}),
  };
}

/** Announces every stored run still waiting in the outbox, then marks it announced. */
export async function drainOutbox(
  deps: Pick<SyncDeps, 'collections' | 'now' | 'onNewRun' | 'wasAnnounced'>,
  runs?: Iterable<StoredRun>,
): Promise<number[]> {
  const done: number[] = [];
  const all = runs ?? (await deps.collections.runs.all()).map(([, r]) => r);
  for (const r of [...all]) {
    if (r.announcedAt !== null) continue;
    // A worker stopped between the announcement and this mark: the announcement's own trace
    // (its notification) says so, and it is not repeated.
    if (!(await deps.wasAnnounced?.(r.activity.id))) await deps.onNewRun?.(r);
    const latest = await deps.collections.runs.get(r.activity.id);
    if (latest)
      await deps.collections.runs.put(r.activity.id, { ...latest, announcedAt: deps.now() });
    done.push(r.activity.id);
  }
  return done;
}
