import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clearQuarantine, createRecordStore, quarantined } from '../../../lib/store/record-store';

const schemaV2 = z.object({ id: z.number(), name: z.string(), km: z.number() });
const makeStore = (onQuarantine?: (q: unknown) => void) =>
  createRecordStore({
    name: 'test-records',
    schema: schemaV2,
    version: 2,
    // v1 stored metres under `m`.
    migrations: { 1: (old) => ({ ...(old as object), km: (old as { m: number }).m / 1000 }) },
    onQuarantine,
  });
const raw = createStore('test-records', 'records');

beforeEach(async () => {
  await makeStore().clear();
  await clearQuarantine();
});

describe('record store', () => {
  it('round-trips valid records', async () => {
    const s = makeStore();
    await s.put(1, { id: 1, name: 'Tempo', km: 10 });
    expect(await s.get(1)).toEqual({ id: 1, name: 'Tempo', km: 10 });
    expect(await s.all()).toEqual([[1, { id: 1, name: 'Tempo', km: 10 }]]);
  });

  it('refuses to write an invalid record', async () => {
    await expect(makeStore().put(1, { id: 1 } as never)).rejects.toThrow();
  });

  it('migrates an old record on read and writes it back', async () => {
    await set(7, { v: 1, data: { id: 7, name: 'Long', m: 21100 } }, raw);
    const s = makeStore();
    expect(await s.get(7)).toMatchObject({ id: 7, km: 21.1 });
    const { get } = await import('idb-keyval');
    expect(await get(7, raw)).toMatchObject({ v: 2 });
  });

  it('quarantines and reports a bad record once, however many reads race over it', async () => {
    const reports: unknown[] = [];
    const s = makeStore((q) => reports.push(q));
    await s.put(1, { id: 1, name: 'Tempo', km: 10 });
    await set(2, 'garbage', raw);
    const reads = await Promise.all([s.all(), s.all(), s.all(), s.get(2)]);
    for (const r of reads.slice(0, 3)) expect(r).toEqual([[1, { id: 1, name: 'Tempo', km: 10 }]]);
    expect(await quarantined()).toHaveLength(1);
    expect(reports).toHaveLength(1);
  });

  it('quarantines corrupt records without losing the good ones', async () => {
    const seen: unknown[] = [];
    const s = makeStore((q) => seen.push(q));
    await s.put(1, { id: 1, name: 'Easy', km: 5 });
    await set(2, 'garbage', raw);
    await set(3, { v: 2, data: { id: 3, name: 42, km: 'x' } }, raw);
    await set(4, { v: 9, data: {} }, raw);
    const all = await s.all();
    expect(all.map(([k]) => k)).toEqual([1]);
    const q = await quarantined();
    expect(q.map((r) => r.key).sort()).toEqual([2, 3, 4]);
    expect(q.find((r) => r.key === 3)?.reason).toMatch(/^invalid: name/);
    expect(q.find((r) => r.key === 4)?.reason).toMatch(/newer version/);
    expect(seen).toHaveLength(3);
    // Quarantined records are gone from the collection, so they are reported once.
    expect((await s.all()).length).toBe(1);
    expect(await quarantined()).toHaveLength(3);
  });
});
