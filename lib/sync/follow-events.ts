// Hosted mode: the broker's events name activities; each is fetched from Strava with the runner's
// own token and goes through the same planning and storing as a listed run (look-up.ts). Nothing
// an event says is stored or shown: a create or an update is one detail fetch, a delete removes
// the run and the runner's entries for it, athlete events are left to the token's next answer.
import type { BrokerEvent } from '../strava/broker-schemas';
import { lookUpActivity } from './look-up';
import type { SyncDeps } from './sync-once';

export interface EventsReport {
  stored: number[];
  removed: number[];
  /** Named but not the runner's (or not shown to us): nothing kept. */
  skipped: number[];
}

/** The last word on each activity, in the order the events came. */
function latestPerActivity(events: readonly BrokerEvent[]): BrokerEvent[] {
  const last = new Map<number, BrokerEvent>();
  for (const e of events) {
    if (e.object_type !== 'activity') continue;
    last.delete(e.object_id);
    last.set(e.object_id, e);
  }
  return [...last.values()];
}

async function removeRun(deps: Pick<SyncDeps, 'collections'>, id: number): Promise<boolean> {
  const c = deps.collections;
  const had = (await c.runs.get(id)) !== undefined;
  await c.runs.delete(id);
  await c.progress.delete(id);
  await c.weighIns.delete(id);
  return had;
}

export async function applyEvents(
  deps: Omit<SyncDeps, 'cursor'>,
  events: readonly BrokerEvent[],
  athleteId: number,
): Promise<EventsReport> {
  const report: EventsReport = { stored: [], removed: [], skipped: [] };
  for (const event of latestPerActivity(events)) {
    const id = event.object_id;
    if (event.aspect_type === 'delete') {
      if (await removeRun(deps, id)) report.removed.push(id);
      continue;
    }
    const found = await lookUpActivity(deps, id, athleteId);
    if (found.outcome === 'stored') report.stored.push(id);
    else if (found.outcome === 'not-found' && (deps.seesPrivate ?? true)) {
      // Gone since the event (or private without activity:read_all: then kept, as sync does).
      if (await removeRun(deps, id)) report.removed.push(id);
    } else report.skipped.push(id);
  }
  return report;
}
