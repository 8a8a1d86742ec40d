// One activity fetched by id, outside the list: the panel's own activity that sync never saw (older
// than the backfill, or uploaded late). It is planned like a synced run, its history from what is
// stored, and never lists: one detail call, no more.
import { endOf, isRun } from '../model/activity';
import type { StoredRun } from '../model/stored-run';
import { classifyAndPlan, readKnown } from './plan-run';
import type { SyncDeps } from './sync-once';
import { drainOutbox, freshRecord, RECENT_MS } from './sync-once';

export type LookUp =
  | { outcome: 'stored'; run: StoredRun; isNew: boolean }
  | { outcome: 'not-found' }
  | { outcome: 'not-own' };

/** `athleteId`: the connected athlete; a public activity of someone else is not planned. */
export async function lookUpActivity(
  deps: Omit<SyncDeps, 'cursor'>,
  id: number,
  athleteId: number | null,
): Promise<LookUp> {
  const activity = await deps.source.activity(id, false);
  if (!activity) return { outcome: 'not-found' };
  const owner = (activity as { athlete?: { id?: unknown } }).athlete?.id;
  if (athleteId !== null && typeof owner === 'number' && owner !== athleteId) {
    return { outcome: 'not-own' };
  }
  const now = deps.now();
  const known = await readKnown(deps.collections, await deps.profile());
  const before = known.runs.get(id);
  const result = classifyAndPlan(activity, known, now);
  const isNew = !before;
  const owed =
    isNew && isRun(activity) && result.plan !== null && endOf(activity) > now - RECENT_MS;
  const run = freshRecord(before, activity, result, { detailed: true, owed, now });
  await deps.collections.runs.put(id, run);
  if (run.announcedAt === null) await drainOutbox(deps, [run]);
  return { outcome: 'stored', run, isNew };
}
