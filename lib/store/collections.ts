// The background's durable collections, one IndexedDB database each (idb-keyval createStore).
import type { z } from 'zod/mini';
import type { Activity } from '../activity';
import type { CheckIn, WeighIn } from '../check-in';
import type { Classification } from '../classify/classification';
import type { Plan } from '../recovery/plan-types';
import { createRecordStore, type QuarantinedRecord, type RecordStore } from './record-store';
import { CheckInSchema, ProgressSchema, StoredRunSchema, WeighInSchema } from './schemas';

export interface StoredRun {
  activity: Activity;
  classification: Classification | null;
  plan: Plan | null;
  detailed: boolean;
  syncedAt: number;
}

export type Progress = z.output<typeof ProgressSchema>;

export interface Collections {
  runs: RecordStore<StoredRun>;
  progress: RecordStore<Progress>;
  checkIns: RecordStore<CheckIn>;
  weighIns: RecordStore<WeighIn>;
}

export function openCollections(onQuarantine?: (q: QuarantinedRecord) => void): Collections {
  return {
    runs: createRecordStore<StoredRun>({
      name: 'bounceback-runs',
      schema: StoredRunSchema as never,
      version: 1,
      onQuarantine,
    }),
    progress: createRecordStore({
      name: 'bounceback-progress',
      schema: ProgressSchema,
      version: 1,
      onQuarantine,
    }),
    checkIns: createRecordStore<CheckIn>({
      name: 'bounceback-checkins',
      schema: CheckInSchema as never,
      version: 1,
      onQuarantine,
    }),
    weighIns: createRecordStore<WeighIn>({
      name: 'bounceback-weighins',
      schema: WeighInSchema,
      version: 1,
      onQuarantine,
    }),
  };
}
