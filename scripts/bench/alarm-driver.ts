// browser.alarms on the simulator's clock. The product code creates and clears its alarms as in
// the browser (the fake browser still records them); this driver keeps each alarm's schedule in
// sim time with Chrome's rules and fires them in time order, setting the sim clock to each
// alarm's moment first. So a simulated day runs every alarm the background would have seen.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SimClock } from '../../test/strava-sim/clock';

interface Scheduled {
  next: number;
  period: number | null;
  order: number;
}

interface Fired {
  name: string;
  /** Sim time the alarm fired at, epoch ms. */
  at: number;
  /** Wall time its handler took, ms. */
  wallMs: number;
}

export interface AlarmDriver {
  /** Fires every alarm due at or before `t` (handler runs with the clock at its time), then sets the clock to `t`. */
  runUntil(t: number, onFired?: (f: Fired) => void | Promise<void>): Promise<void>;
  /** When the named alarm fires next (sim ms), if it exists. */
  next(name: string): number | undefined;
  /** Puts the fake browser's alarms API back as it was. */
  restore(): void;
}

type CreateInfo = { when?: number; delayInMinutes?: number; periodInMinutes?: number };
interface LooseAlarms {
  create(name?: string | CreateInfo, info?: CreateInfo): Promise<unknown>;
  clear(name?: string): Promise<unknown>;
  clearAll(): Promise<unknown>;
}

export function driveAlarms(clock: SimClock, fire: (name: string) => Promise<void>): AlarmDriver {
  // The fake's overloads (callbacks, Chrome's variants) do not matter here: a loose view of them.
  const alarms = fakeBrowser.alarms as unknown as LooseAlarms;
  const original = { create: alarms.create, clear: alarms.clear, clearAll: alarms.clearAll };
  const schedule = new Map<string, Scheduled>();
  let order = 0;

  // Chrome: `when` or `delayInMinutes` sets the first firing, else the period does; re-creating
  // an alarm of the same name replaces it.
  alarms.create = (a, b) => {
    const name = typeof a === 'string' ? a : '';
    const info = (typeof a === 'string' ? b : a) ?? {};
    const first =
      info.when ?? clock.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
    schedule.set(name, { next: first, period: info.periodInMinutes ?? null, order: order++ });
    return original.create.call(alarms, name, info);
  };
  alarms.clear = (name) => {
    schedule.delete(name ?? '');
    return original.clear.call(alarms, name);
  };
  alarms.clearAll = () => {
    schedule.clear();
    return original.clearAll.call(alarms);
  };

  function due(t: number): [string, Scheduled] | undefined {
    let best: [string, Scheduled] | undefined;
    for (const entry of schedule) {
      const s = entry[1];
      if (s.next > t) continue;
      if (!best || s.next < best[1].next || (s.next === best[1].next && s.order < best[1].order)) {
        best = entry;
      }
    }
    return best;
  }

  return {
    async runUntil(t, onFired) {
      for (let hit = due(t); hit; hit = due(t)) {
        const [name, s] = hit;
        const at = s.next;
        clock.set(at);
        if (s.period === null) schedule.delete(name);
        else s.next = at + s.period * 60_000;
        const t0 = performance.now();
        await fire(name);
        await onFired?.({ name, at, wallMs: performance.now() - t0 });
      }
      clock.set(t);
    },
    next: (name) => schedule.get(name)?.next,
    restore() {
      Object.assign(alarms, original);
    },
  };
}
