// Builds the export file from exactly four parts. Each part is passed through the schema, so
// extra keys (whatever a caller's records carry) are stripped; a stored record that no longer
// validates is left out and listed, rather than making the whole export fail or writing a file
// that could not be imported back.

import { CheckInSchema } from '../model/check-in';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../model/settings';
import { WeighInSchema } from '../model/weigh-in';
import { describeIssue } from './describe-issue';
import { EXPORT_APP, EXPORT_FORMAT, type ExportFile, type Refusal } from './export-file';
import { parseEach } from './parse-each';
import { RunRecordSchema } from './run-record';

export interface ExportParts {
  settings: Settings;
  checkIns: readonly unknown[];
  weighIns: readonly unknown[];
  runs: readonly unknown[];
}

export function buildExport(
  parts: ExportParts,
  now: number,
): { file: ExportFile; skipped: Refusal[] } {
  const skipped: Refusal[] = [];
  const settings = SettingsSchema.safeParse(parts.settings);
  if (!settings.success) {
    skipped.push({
      what: 'settings',
      reason: `${describeIssue(settings.error)}; defaults written`,
    });
  }

  const label = (what: string) => (_: unknown, i: number) => `${what} #${i + 1}`;

  const file: ExportFile = {
    app: EXPORT_APP,
    format: EXPORT_FORMAT,
    exportedAt: new Date(now).toISOString(),
    settings: settings.success ? settings.data : structuredClone(DEFAULT_SETTINGS),
    // Sorted, so two exports of the same data are the same file.
    checkIns: parseEach(parts.checkIns, CheckInSchema, label('check-in'), skipped).sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
    weighIns: parseEach(parts.weighIns, WeighInSchema, label('weigh-in'), skipped).sort(
      (a, b) => a.activityId - b.activityId,
    ),
    runs: parseEach(parts.runs, RunRecordSchema, label('run'), skipped).sort(
      (a, b) => a.activity.id - b.activity.id,
    ),
  };
  return { file, skipped };
}
