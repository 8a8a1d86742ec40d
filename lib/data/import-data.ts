// parseImport then mergeImport, for the one call the options page's import needs: the caller
// stores `merged` (all of it, or nothing) and shows `report`.

import type { Refusal } from './export-file';
import { type MergeInput, type MergeReport, mergeImport } from './merge-import';
import { MAX_IMPORT_BYTES, parseImport } from './parse-import';

export type ImportResult =
  | { ok: true; merged: MergeInput; report: MergeReport }
  | { ok: false; error: string };

/** Strava was founded in 2009: a run before it, or after tomorrow, is not one we exported. */
const EARLIEST = Date.UTC(2008, 0, 1);
const DAY_MS = 86_400_000;

export function importData(
  text: string,
  existing: MergeInput,
  now: number,
  maxBytes = MAX_IMPORT_BYTES,
): ImportResult {
  const parsed = parseImport(text, maxBytes);
  if (!parsed.ok) return parsed;
  const refused: Refusal[] = parsed.refused;
  // Times from a file are bounded: a far-future run or check-in would pin the badge or win
  // every later merge.
  const plausible = (ms: number) => Number.isFinite(ms) && ms >= EARLIEST && ms <= now + DAY_MS;
  const value = {
    ...parsed.value,
    runs: parsed.value.runs.filter((r) => {
      if (plausible(Date.parse(r.activity.start_date))) return true;
      refused.push({ what: `run ${r.activity.id}`, reason: 'its start time is not plausible' });
      return false;
    }),
    checkIns: parsed.value.checkIns.filter((c) => {
      if (plausible(c.updatedAt) && plausible(Date.parse(`${c.date}T00:00:00Z`))) return true;
      refused.push({ what: `check-in ${c.date}`, reason: 'its date is not plausible' });
      return false;
    }),
  };
  const { merged, report } = mergeImport(existing, value, refused);
  return { ok: true, merged, report };
}
