// The background's durable collections, one IndexedDB database each (idb-keyval createStore).
import { type CheckIn, CheckInSchema } from '../model/check-in';
import { type Progress, ProgressSchema } from '../model/progress';
import { type StoredRun, StoredRunSchema } from '../model/stored-run';
import { type WeighIn, WeighInSchema } from '../model/weigh-in';
import { createRecordStore, type QuarantinedRecord, type RecordStore } from './record-store';

export interface Collections {
  runs: RecordStore<StoredRun>;
  progress: RecordStore<Progress>;
  checkIns: RecordStore<CheckIn>;
  weighIns: RecordStore<WeighIn>;
}

export function openCollections(onQuarantine?: (q: QuarantinedRecord) => void): Collections {
  return {
    runs: createRecordStore({
      name: 'bounceback-runs',
      schema: StoredRunSchema,
      version: 1,
      onQuarantine,
    }),
    progress: createRecordStore({
      name: 'bounceback-progress',
      schema: ProgressSchema,
      version: 1,
      onQuarantine,
    }),
    checkIns: createRecordStore({
      name: 'bounceback-checkins',
      schema: CheckInSchema,
      version: 1,
      onQuarantine,
    }),
    weighIns: createRecordStore({
      name: 'bounceback-weighins',
      schema: WeighInSchema,
      version: 1,
      onQuarantine,
    }),
  };
}
