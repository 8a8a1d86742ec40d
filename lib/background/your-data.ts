// "Your data": export everything the runner has here (never tokens or the secret: the export
// schema has no place for them), import a file back (validated, merged without duplicates), and
// delete everything.

import { buildExport } from '../data/build-export';
import type { Refusal } from '../data/export-file';
import { importData } from '../data/import-data';
import type { MergeReport } from '../data/merge-import';
import type { RunRecord } from '../data/run-record';
import { summaryOf } from '../model/activity';
import type { Profile } from '../model/profile';
import type { StoredRun } from '../model/stored-run';
import type { Collections } from '../store/collections';
import { clearQuarantine } from '../store/record-store';
import { readSettings, settingsItem } from '../store/settings-item';
import { cursorItem, syncStatusItem } from '../store/sync-items';
import { classifyAndPlan, readKnown } from '../sync/plan-run';

async function current(c: Collections) {
  const [runs, progress, checkIns, weighIns, settings] = await Promise.all([
    c.runs.all(),
    c.progress.all(),
    c.checkIns.all(),
    c.weighIns.all(),
    readSettings(),
  ]);
  const done = new Map(progress.map(([k, v]) => [Number(k), v.done]));
  const records: RunRecord[] = runs.flatMap(([, r]) =>
    r.plan && r.classification
      ? [
          {
            activity: summaryOf(r.activity),
            classification: r.classification,
            plan: r.plan,
            done: done.get(r.activity.id) ?? [],
            ...(r.runnerTag ? { runnerTag: r.runnerTag } : {}),
          },
        ]
      : [],
  );
  return {
    settings,
    checkIns: checkIns.map(([, v]) => v),
    weighIns: weighIns.map(([, v]) => v),
    runs: records,
  };
}

export async function exportData(
  c: Collections,
  now: number,
): Promise<{ json: string; skipped: Refusal[] }> {
  const { file, skipped } = buildExport(await current(c), now);
  return { json: JSON.stringify(file, null, 2), skipped };
}

/** Plans for imported runs, oldest first so each sees the ones before it. */
async function rebuildImported(c: Collections, profile: Profile, now: number): Promise<void> {
  const known = await readKnown(c, profile);
  const imported = [...known.runs.values()]
    .filter((r) => r.origin === 'import' && r.plan === null && r.classification !== null)
    .sort((a, b) => Date.parse(a.activity.start_date) - Date.parse(b.activity.start_date));
  const rebuilt: [number, StoredRun][] = [];
  for (const r of imported) {
    const { plan } = classifyAndPlan(r.activity, known, now, r.classification);
    const next = { ...r, plan };
    known.runs.set(r.activity.id, next);
    rebuilt.push([r.activity.id, next]);
  }
  await c.runs.putMany(rebuilt);
}

export async function importFile(
  c: Collections,
  text: string,
  now: number,
  profile: Profile,
): Promise<{ ok: true; report: MergeReport } | { ok: false; error: string }> {
  const existing = await current(c);
  const result = importData(text, existing, now);
  if (!result.ok) return result;
  const { merged } = result;
  // Runs we already hold keep their full Strava detail; only new ones come from the file.
  const known = new Map((await c.runs.all()).map(([, r]) => [r.activity.id, r]));
  const runs: [number, StoredRun][] = [];
  for (const r of merged.runs) {
    const mine = known.get(r.activity.id);
    runs.push([
      r.activity.id,
      mine
        ? {
            ...mine,
            classification: mine.classification ?? r.classification,
            plan: mine.plan,
            ...(r.runnerTag ? { runnerTag: r.runnerTag } : {}),
          }
        : {
            activity: r.activity,
            classification: r.classification,
            // Rebuilt below from the run: a stored plan from a file is not trusted (its zone,
            // its times).
            plan: null,
            ...(r.runnerTag ? { runnerTag: r.runnerTag } : {}),
            detailed: false,
            syncedAt: now,
            origin: 'import' as const,
          },
    ]);
  }
  await c.runs.putMany(runs);
  await rebuildImported(c, profile, now);
  await c.progress.putMany(
    merged.runs.map((r) => [r.activity.id, { done: r.done, updatedAt: now }]),
  );
  await c.checkIns.putMany(merged.checkIns.map((v) => [v.date, v]));
  await c.weighIns.putMany(merged.weighIns.map((v) => [v.activityId, v]));
  if (merged.settings) await settingsItem.setValue(merged.settings);
  return { ok: true, report: result.report };
}

/** Bumped by "delete everything": a sync pass that began before it must not write its cursor
 *  back (the six-week history would never be read again). */
let epoch = 0;
export const dataEpoch = (): number => epoch;

/** Forgets every run, plan, check-in, weigh-in and setting; the Strava connection is separate. */
export async function deleteEverything(c: Collections): Promise<void> {
  epoch++;
  // The quarantine holds raw copies (Strava items, check-ins, weigh-ins): they go too.
  await Promise.all([
    c.runs.clear(),
    c.progress.clear(),
    c.checkIns.clear(),
    c.weighIns.clear(),
    clearQuarantine(),
  ]);
  await Promise.all([
    settingsItem.removeValue(),
    cursorItem.removeValue(),
    syncStatusItem.removeValue(),
  ]);
}
