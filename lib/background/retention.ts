// The runner's retention setting, applied: runs (with their ticks and weigh-ins) and check-ins
// older than it are forgotten, at most once a day, after a sync pass.
import { storage } from 'wxt/utils/storage';
import { readSettings } from '../store/settings-item';
import { DAY_MS } from '../time';
import type { AppContext } from './context';

const sweptItem = storage.defineItem<number>('local:retentionSweptAt', { fallback: 0 });

export async function applyRetention(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const last = await sweptItem.getValue();
  // A clock set back must not stop the sweep for good.
  if (last <= now && now - last < DAY_MS) return 0;
  const { retentionDays } = await readSettings();
  const cutoff = now - retentionDays * DAY_MS;
  const c = ctx.collections;
  let forgotten = 0;
  for (const [key, r] of await c.runs.all()) {
    if (Date.parse(r.activity.start_date) >= cutoff) continue;
    await c.runs.delete(key);
    await c.progress.delete(key);
    await c.weighIns.delete(key);
    forgotten++;
  }
  for (const [key, v] of await c.checkIns.all()) {
    if (Date.parse(`${v.date}T23:59:59Z`) < cutoff) await c.checkIns.delete(key);
  }
  await sweptItem.setValue(now);
  return forgotten;
}
