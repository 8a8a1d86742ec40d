// One IndexedDB collection of versioned, zod-validated records. Every record is stored as
// { v, data }; an older version is migrated on read and written back; a record that fails
// validation is moved to the quarantine collection and reported, so one bad record never
// crashes a caller or costs the others.
import { clear, createStore, del, entries, get, set, setMany, type UseStore } from 'idb-keyval';

interface Stored {
  v: number;
  data: unknown;
}

export interface QuarantinedRecord {
  collection: string;
  key: IDBValidKey;
  reason: string;
  raw: unknown;
  at: number;
}

type Migration = (old: unknown) => unknown;

/** Any zod (or zod/mini) schema: only parsing is needed here. */
interface Schema<T> {
  parse(value: unknown): T;
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

export interface RecordStoreOptions<T> {
  /** IndexedDB database name; one database per collection. */
  name: string;
  schema: Schema<T>;
  version: number;
  /** migrations[n] turns a version-n record into version n+1. */
  migrations?: Record<number, Migration>;
  onQuarantine?: (q: QuarantinedRecord) => void;
}

const quarantineDb: { store?: UseStore } = {};
function quarantineStore(): UseStore {
  quarantineDb.store ??= createStore('bounceback-quarantine', 'records');
  return quarantineDb.store;
}

export async function quarantined(): Promise<QuarantinedRecord[]> {
  return (await entries<string, QuarantinedRecord>(quarantineStore())).map(([, v]) => v);
}

/** Sets aside a record that never made it into a collection (a Strava list item that failed its
 *  schema): kept once per content, for a bug report, and cleared with everything else. */
export async function quarantineRaw(q: QuarantinedRecord): Promise<void> {
  await set(`${q.collection}:${String(q.key)}:${fingerprint(q.raw)}`, q, quarantineStore());
}

export async function clearQuarantine(): Promise<void> {
  await clear(quarantineStore());
}

export interface RecordStore<T> {
  get(key: IDBValidKey): Promise<T | undefined>;
  put(key: IDBValidKey, value: T): Promise<void>;
  putMany(items: [IDBValidKey, T][]): Promise<void>;
  delete(key: IDBValidKey): Promise<void>;
  all(): Promise<[IDBValidKey, T][]>;
  clear(): Promise<void>;
}

export function createRecordStore<T>(opts: RecordStoreOptions<T>): RecordStore<T> {
  let db: UseStore | undefined;
  const store = () => {
    db ??= createStore(opts.name, 'records');
    return db;
  };

  // Concurrent reads (Promise.all over all()) decode the same bad record more than once: it is
  // quarantined and reported once, under a key that names its content.
  const reported = new Set<string>();
  async function quarantine(key: IDBValidKey, raw: unknown, reason: string): Promise<void> {
    const id = `${opts.name}:${String(key)}:${fingerprint(raw)}`;
    if (reported.has(id)) return;
    reported.add(id);
    const q: QuarantinedRecord = { collection: opts.name, key, reason, raw, at: Date.now() };
    await set(id, q, quarantineStore());
    await del(key, store());
    opts.onQuarantine?.(q);
  }

  /** Validated (and migrated) data, or undefined after quarantining the record. */
  async function decode(key: IDBValidKey, raw: unknown): Promise<T | undefined> {
    const rec = raw as Partial<Stored> | null;
    if (!rec || typeof rec !== 'object' || typeof rec.v !== 'number' || !('data' in rec)) {
      await quarantine(key, raw, 'not a versioned record');
      return undefined;
    }
    if (rec.v > opts.version) {
      await quarantine(key, raw, `written by a newer version (${rec.v} > ${opts.version})`);
      return undefined;
    }
    let data = rec.data;
    try {
      for (let v = rec.v; v < opts.version; v++) {
        const step = opts.migrations?.[v];
        if (!step) throw new Error(`no migration from version ${v}`);
        data = step(data);
      }
    } catch (e) {
      await quarantine(key, raw, `migration failed: ${(e as Error).message}`);
      return undefined;
    }
    const parsed = opts.schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      await quarantine(
        key,
        raw,
        `invalid: ${issue?.path.map(String).join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
      );
      return undefined;
    }
    if (rec.v !== opts.version) await set(key, { v: opts.version, data: parsed.data }, store());
    return parsed.data;
  }

  const encode = (value: T): Stored => ({ v: opts.version, data: opts.schema.parse(value) });

  return {
    async get(key) {
      const raw = await get(key, store());
      return raw === undefined ? undefined : decode(key, raw);
    },
    async put(key, value) {
      await set(key, encode(value), store());
    },
    async putMany(items) {
      await setMany(
        items.map(([k, v]) => [k, encode(v)]),
        store(),
      );
    },
    delete: (key) => del(key, store()),
    async all() {
      const out: [IDBValidKey, T][] = [];
      for (const [key, raw] of await entries(store())) {
        const value = await decode(key, raw);
        if (value !== undefined) out.push([key, value]);
      }
      return out;
    },
    clear: () => clear(store()),
  };
}

/** A short content hash (FNV-1a over a JSON rendering) so the same bad value maps to one entry. */
function fingerprint(raw: unknown): string {
  let text: string;
  try {
    text = `${typeof raw}:${JSON.stringify(raw)}`;
  } catch {
    text = `${typeof raw}:${String(raw)}`;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
