// Reads an export file back. The envelope (JSON, our app, our format version, size) decides
// whether the file is read at all; after that each record stands alone, so one bad check-in is
// refused with its reason while the rest still come in.

import { z } from 'zod/mini';
import { CheckInSchema } from '../model/check-in';
import { type Settings, SettingsSchema } from '../model/settings';
import { WeighInSchema } from '../model/weigh-in';
import { describeIssue } from './describe-issue';
import { type DataSet, EXPORT_APP, EXPORT_FORMAT, type Refusal } from './export-file';
import { parseEach } from './parse-each';
import { RunRecordSchema } from './run-record';

/** Years of daily check-ins and runs fit in a few MB; more is not a file we made. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

interface ImportData extends DataSet {
  exportedAt: string | null;
  /** Absent when the file had none, or when they did not validate (see refused). */
  settings?: Settings;
}

export type ParseImportResult =
  | { ok: true; value: ImportData; refused: Refusal[] }
  | { ok: false; error: string };

const EnvelopeSchema = z.looseObject({
  checkIns: z.optional(z.array(z.unknown())),
  weighIns: z.optional(z.array(z.unknown())),
  runs: z.optional(z.array(z.unknown())),
});

const field = (item: unknown, key: string): unknown =>
  item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
const named = (what: string, detail: unknown, i: number) =>
  typeof detail === 'string' || typeof detail === 'number'
    ? `${what} ${String(detail).slice(0, 40)}`
    : `${what} #${i + 1}`;

export function parseImport(text: string, maxBytes = MAX_IMPORT_BYTES): ParseImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    return {
      ok: false,
      error: `This file is ${formatBytes(bytes)}; a Bounceback export is at most ${formatBytes(maxBytes)}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON, so it is not a Bounceback export' };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: 'This file is not a Bounceback export (no export data in it)' };
  }
  const app = field(json, 'app');
  if (app !== EXPORT_APP) {
    return {
      ok: false,
      error:
        typeof app === 'string'
          ? `This file was exported by “${app.slice(0, 40)}”, not Bounceback`
          : 'This file is not a Bounceback export (it does not say which app made it)',
    };
  }
  const format = field(json, 'format');
  if (format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error:
        typeof format === 'number' && format > EXPORT_FORMAT
          ? `This export is format ${format}, from a newer Bounceback; this version reads format ${EXPORT_FORMAT}. Update the extension, then import again`
          : `This export is format ${JSON.stringify(format) ?? 'unknown'}; this version reads format ${EXPORT_FORMAT}`,
    };
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, error: `This export is damaged: ${describeIssue(envelope.error)}` };
  }

  const refused: Refusal[] = [];
  let settings: Settings | undefined;
  const rawSettings = field(json, 'settings');
  if (rawSettings !== undefined) {
    const parsed = SettingsSchema.safeParse(rawSettings);
    if (parsed.success) settings = parsed.data;
    else refused.push({ what: 'settings', reason: describeIssue(parsed.error) });
  }
  const { checkIns = [], weighIns = [], runs = [] } = envelope.data;
  const exportedAt = field(json, 'exportedAt');
  const value: ImportData = {
    exportedAt: typeof exportedAt === 'string' ? exportedAt : null,
    checkIns: parseEach(
      checkIns,
      CheckInSchema,
      (c, i) => named('check-in', field(c, 'date'), i),
      refused,
    ),
    weighIns: parseEach(
      weighIns,
      WeighInSchema,
      (w, i) => named('weigh-in for run', field(w, 'activityId'), i),
      refused,
    ),
    runs: parseEach(
      runs,
      RunRecordSchema,
      (r, i) => named('run', field(field(r, 'activity'), 'id'), i),
      refused,
    ),
  };
  if (settings) value.settings = settings;
  return { ok: true, value, refused };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
