// parseImport then mergeImport, for the one call the options page's import needs: the caller
// stores `merged` (all of it, or nothing) and shows `report`.

import type { Refusal } from './export-file';
import { type MergeInput, type MergeReport, mergeImport } from './merge-import';
import { MAX_IMPORT_BYTES, parseImport } from './parse-import';

export type ImportResult =
  | { ok: true; merged: MergeInput; report: MergeReport }
  | { ok: false; error: string };

export function importData(
  text: string,
  existing: MergeInput,
  maxBytes = MAX_IMPORT_BYTES,
): ImportResult {
  const parsed = parseImport(text, maxBytes);
  if (!parsed.ok) return parsed;
  const refused: Refusal[] = parsed.refused;
  const { merged, report } = mergeImport(existing, parsed.value, refused);
  return { ok: true, merged, report };
}
