// Merges imported records into what the browser already holds, without duplicates:
// check-ins by local date (the newer edit wins, like an edit in the popup), weigh-ins by run
// (yours are kept: a weigh-in has no edit time to compare), runs by activity id (yours are kept,
// since they were planned with your latest data, and the ticked steps of both are joined).
// Pure: the caller stores `merged` and shows `report`.

import type { CheckIn } from '../model/check-in';
import type { Settings } from '../model/settings';
import type { WeighIn } from '../model/weigh-in';
import type { DataSet, Refusal } from './export-file';
import type { RunRecord } from './run-record';

export interface Counts {
  checkIns: number;
  weighIns: number;
  runs: number;
}

export interface MergeReport {
  added: Counts;
  updated: Counts;
  unchanged: Counts;
  refused: Refusal[];
  /** What happened to the settings in the file. */
  settings: 'replaced' | 'unchanged' | 'not-in-file';
}

export interface MergeInput extends DataSet {
  settings?: Settings;
}

const zero = (): Counts => ({ checkIns: 0, weighIns: 0, runs: 0 });

/** Stable JSON with sorted keys, so two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const sameCheckIn = (a: CheckIn, b: CheckIn) =>
  canonical({ ...a, updatedAt: 0 }) === canonical({ ...b, updatedAt: 0 });

export function mergeImport(
  existing: MergeInput,
  incoming: MergeInput,
  /** Refusals from parseImport, carried into the one report. */
  refusedEarlier: readonly Refusal[] = [],
): { merged: MergeInput; report: MergeReport } {
  const report: MergeReport = {
    added: zero(),
    updated: zero(),
    unchanged: zero(),
    refused: [...refusedEarlier],
    settings: 'not-in-file',
  };

  // Check-ins: one per date; a file may itself hold two for a date (the newer counts).
  const checkIns = new Map(existing.checkIns.map((c) => [c.date, c]));
  const seenDates = new Set<string>();
  const byDate = [...incoming.checkIns].sort((a, b) => b.updatedAt - a.updatedAt);
  for (const c of byDate) {
    if (seenDates.has(c.date)) {
      report.refused.push({
        what: `check-in ${c.date}`,
        reason: 'the file has a newer check-in for the same day',
      });
      continue;
    }
    seenDates.add(c.date);
    const mine = checkIns.get(c.date);
    if (!mine) {
      checkIns.set(c.date, c);
      report.added.checkIns++;
    } else if (sameCheckIn(mine, c)) {
      report.unchanged.checkIns++;
    } else if (c.updatedAt > mine.updatedAt) {
      checkIns.set(c.date, c);
      report.updated.checkIns++;
    } else {
      report.refused.push({
        what: `check-in ${c.date}`,
        reason: 'yours for that day was edited more recently, so it was kept',
      });
    }
  }

  const weighIns = new Map(existing.weighIns.map((w) => [w.activityId, w]));
  const seenRuns = new Set<number>();
  for (const w of incoming.weighIns) {
    const mine = weighIns.get(w.activityId);
    if (seenRuns.has(w.activityId)) {
      report.refused.push({
        what: `weigh-in for run ${w.activityId}`,
        reason: 'the file has two weigh-ins for this run; the first was used',
      });
    } else if (!mine) {
      weighIns.set(w.activityId, w);
      report.added.weighIns++;
    } else if (mine.beforeKg === w.beforeKg && mine.afterKg === w.afterKg) {
      report.unchanged.weighIns++;
    } else {
      report.refused.push({
        what: `weigh-in for run ${w.activityId}`,
        reason: 'you already have a different weigh-in for this run, so yours was kept',
      });
    }
    seenRuns.add(w.activityId);
  }

  const runs = new Map(existing.runs.map((r) => [r.activity.id, r]));
  const seenActivities = new Set<number>();
  for (const r of incoming.runs) {
    const id = r.activity.id;
    if (seenActivities.has(id)) {
      report.refused.push({ what: `run ${id}`, reason: 'the file lists this run twice' });
      continue;
    }
    seenActivities.add(id);
    const mine = runs.get(id);
    if (!mine) {
      runs.set(id, r);
      report.added.runs++;
      continue;
    }
    // Only steps the kept plan has can be ticked.
    const stepIds = new Set<string>(mine.plan.steps.map((s) => s.id));
    const done = [...new Set([...mine.done, ...r.done])].filter((s) => stepIds.has(s));
    // The runner's newer word on the kind wins.
    const newerTag = r.runnerTag && (!mine.runnerTag || r.runnerTag.at > mine.runnerTag.at);
    if (done.length > new Set(mine.done).size || newerTag) {
      runs.set(id, {
        ...mine,
        done,
        ...(newerTag ? { runnerTag: r.runnerTag } : {}),
      } satisfies RunRecord);
      report.updated.runs++;
    } else report.unchanged.runs++;
  }

  let settings = existing.settings;
  if (incoming.settings) {
    const same = existing.settings && canonical(existing.settings) === canonical(incoming.settings);
    report.settings = same ? 'unchanged' : 'replaced';
    settings = incoming.settings;
  }

  const merged: MergeInput = {
    checkIns: [...checkIns.values()].sort((a, b) => a.date.localeCompare(b.date)),
    weighIns: [...weighIns.values()].sort((a: WeighIn, b: WeighIn) => a.activityId - b.activityId),
    runs: [...runs.values()].sort((a, b) => a.activity.id - b.activity.id),
  };
  if (settings) merged.settings = settings;
  return { merged, report };
}
