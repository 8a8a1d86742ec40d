// The "Your data" export file. Its schema has a place for settings, check-ins, weigh-ins and runs
// and nothing else: tokens and the client secret have no field to go in, and z.object strips any
// key it does not know, so they cannot reach a file even if a caller passes them by mistake.

import { z } from 'zod/mini';
import { CheckInSchema } from '../model/check-in';
import { SettingsSchema } from '../model/settings';
import { WeighInSchema } from '../model/weigh-in';
import { type RunRecord, RunRecordSchema } from './run-record';

export const EXPORT_APP = 'bounceback';
export const EXPORT_FORMAT = 1;

export const ExportFileSchema = z.object({
  app: z.literal(EXPORT_APP),
  format: z.literal(EXPORT_FORMAT),
  /** ISO 8601, UTC. */
  exportedAt: z.string(),
  settings: SettingsSchema,
  checkIns: z.array(CheckInSchema),
  weighIns: z.array(WeighInSchema),
  runs: z.array(RunRecordSchema),
});

export type ExportFile = z.output<typeof ExportFileSchema>;

/** The records an export or import carries (settings travel beside them). */
export interface DataSet {
  checkIns: ExportFile['checkIns'];
  weighIns: ExportFile['weighIns'];
  runs: RunRecord[];
}

/** A record that was left out, and why, in words for the runner. */
export interface Refusal {
  what: string;
  reason: string;
}
