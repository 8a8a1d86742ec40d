// Runs one fault schedule against the simulator with the REAL pipeline: the extension's Strava
// service (tokens, client, budget) over a keep-alive simFetch, the product's IndexedDB collections
// (fake-indexeddb), its cursor item in browser.storage (fakeBrowser) and the app service for
// check-ins. A "worker restart" builds a new service and app over the same storage, as a stopped
// MV3 service worker does when it wakes. After the schedule the faults stop, the runner reconnects
// if asked to, and clean passes run until nothing changes; then the invariants are checked.
import { Agent } from 'node:https';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AppService, createAppService } from '../../lib/background/app-service';
import { createStravaService, type StravaService } from '../../lib/background/strava-service';
import { endOf } from '../../lib/model/activity';
import type { StoredRun } from '../../lib/model/stored-run';
import { localDateKey } from '../../lib/recovery/local-date';
import { type Collections, openCollections } from '../../lib/store/collections';
import { cursorItem } from '../../lib/store/sync-items';
import { isStravaError, StravaError } from '../../lib/strava/errors';
import { idbSecretStore } from '../../lib/strava/own-app-tokens';
import type { Fetch } from '../../lib/strava/request';
import { stravaSource } from '../../lib/sync/strava-source';
import { RECENT_MS, type SyncDeps, type SyncReport, syncOnce } from '../../lib/sync/sync-once';
import type { SyncSource } from '../../lib/sync/sync-source';
import { clearCollections } from '../lib/sync/sync-harness';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../strava-sim/app-config';
import type { Simulator } from '../strava-sim/server';
import { simFetch } from '../strava-sim/sim-fetch';
import { simIdentity } from '../strava-sim/sim-identity';
import { checkCursor, checkSettled, type Model, type Verdict } from './invariants';
import { type Schedule, type Step, type Target, TIGHT_LIMITS } from './schedule';

const MIN = 60_000;
const DAY = 86_400_000;
/** Schedules start on this UTC day (plus the schedule's offset), so a seed replays the same. */
const BASE_DAY = Date.UTC(2026, 2, 2);
const TIME_ZONE = 'Europe/London';
/** Short, so a 'slow' fault is a timeout without costing the suite seconds. */
const CLIENT_TIMEOUT_MS = 150;
const SLOW_MS = CLIENT_TIMEOUT_MS + 60;
const EDIT_WINDOW_MS = 46 * 3600_000;

const PATHS: Record<Target, string | undefined> = {
  any: undefined,
  list: '/athlete/activities',
  detail: '/activities/',
  streams: '/streams',
  token: '/oauth/token',
};

/** Thrown at a kill point: the worker stops mid-pass and nothing after it runs. */
class WorkerStopped extends Error {
  constructor() {
    super('service worker stopped');
  }
}

export interface RunOptions {
  /** A test double over each pass's dependencies (proves the checker can fail). */
  tamper?: (deps: SyncDeps) => SyncDeps;
}

export interface ScheduleResult extends Verdict {
  /** How passes ended: 'ok', 'died' or the StravaError kind. */
  outcomes: Record<string, number>;
  passes: number;
  died: number;
  requests: number;
}

type PassOutcome =
  | { ok: true; report: SyncReport }
  | { ok: false; died: boolean; error: string; until?: number };

/** One keep-alive agent per simulator: a TLS handshake per request would dominate the run time. */
const agents = new WeakMap<Simulator, Agent>();
export function closeAgent(sim: Simulator): void {
  agents.get(sim)?.destroy();
  agents.delete(sim);
}

class World {
  service!: StravaService;
  app!: AppService;
  collections!: Collections;
  offline = 0;
  kill: { at: 'call' | 'write' | 'after-write'; k: number } | null = null;
  passes = 0;
  died = 0;
  outcomes: Record<string, number> = {};
  readonly model: Model = {
    announced: new Map(),
    firstStored: new Map(),
    checkIns: new Map(),
    edited: new Set(),
    deleted: new Set(),
    overuse: [],
    violations: [],
  };
  private readonly fetch: Fetch;

  constructor(
    readonly sim: Simulator,
    readonly opts: RunOptions,
  ) {
    let agent = agents.get(sim);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: 8 });
      agents.set(sim, agent);
    }
    const real = simFetch(sim, { agent });
    this.fetch = async (input, init) => {
      if (this.offline > 0) {
        this.offline--;
        throw new TypeError('fetch failed');
      }
      return real(input, init);
    };
  }

  now = () => this.sim.clock.now();

  /** A (re)started worker: fresh service and app, same IndexedDB and browser.storage. */
  async boot(): Promise<void> {
    this.collections = openCollections();
    this.service = createStravaService({
      fetch: this.fetch,
      now: this.now,
      identity: simIdentity(this.sim),
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    this.app = createAppService({
      strava: this.service,
      collections: this.collections,
      now: this.now,
      timeZone: () => TIME_ZONE,
    });
    await this.service.ready;
  }

  /** What a runner does on seeing "reconnect needed": connect again (may fail; tried later). */
  async ensureConnected(): Promise<void> {
    const { state } = await this.service.tokens.status();
    if (state === 'connected') return;
    try {
      await this.service.connect({
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
      });
    } catch (error) {
      if (!(error instanceof StravaError)) this.unexpected('connect', error);
    }
  }

  unexpected(where: string, error: unknown): void {
    const e = error as Error;
    this.model.violations.push(`${where} threw ${e?.name}: ${e?.message}`);
  }

  async pass(urgent: boolean): Promise<PassOutcome> {
    this.passes++;
    const kill = this.kill;
    this.kill = null;
    const passNow = this.now();
    let n = 0;
    const real = stravaSource(this.service.client);
    const at = (point: 'call' | 'write' | 'after-write') => {
      if (kill?.at === point && ++n === kill.k) throw new WorkerStopped();
    };
    const source: SyncSource = {
      listActivities: async (q, u) => {
        at('call');
        return real.listActivities(q, u);
      },
      activity: async (id, u) => {
        at('call');
        return real.activity(id, u);
      },
      streams: async (id, u) => {
        at('call');
        return real.streams(id, u);
      },
    };
    const runs = this.collections.runs;
    const model = this.model;
    const collections: Collections = {
      ...this.collections,
      runs: {
        ...runs,
        async put(key, value) {
          at('write');
          await runs.put(key, value);
          const id = value.activity.id;
          if (!model.firstStored.has(id)) {
            model.firstStored.set(id, {
              // Exactly what sync-once announces: a new, recent run with a plan.
              owed: value.plan !== null && endOf(value.activity) > passNow - RECENT_MS,
            });
          }
          // Stopped between the store and the announcement: the outbox owes it still.
          at('after-write');
        },
      },
    };
    let deps: SyncDeps = {
      source,
      collections,
      cursor: { get: () => cursorItem.getValue(), set: (c) => cursorItem.setValue(c) },
      profile: () => this.app.profile(),
      now: this.now,
      onNewRun: (run: StoredRun) => {
        const id = run.activity.id;
        model.announced.set(id, (model.announced.get(id) ?? 0) + 1);
      },
      // The notification centre outlives the worker.
      wasAnnounced: async (id: number) => model.announced.has(id),
    };
    if (this.opts.tamper) deps = this.opts.tamper(deps);

    let outcome: PassOutcome;
    try {
      outcome = { ok: true, report: await syncOnce(deps, { urgent }) };
    } catch (error) {
      if (error instanceof WorkerStopped) {
        this.died++;
        outcome = { ok: false, died: true, error: 'died' };
      } else if (error instanceof StravaError) {
        outcome = {
          ok: false,
          died: false,
          error: error.kind,
          until: isStravaError(error, 'rate-limited') ? error.detail.until : undefined,
        };
      } else {
        this.unexpected('sync pass', error);
        outcome = { ok: false, died: false, error: 'unexpected' };
      }
    }
    const kind = outcome.ok ? 'ok' : outcome.error;
    this.outcomes[kind] = (this.outcomes[kind] ?? 0) + 1;
    // Whatever happened, the cursor must not have moved past a run it did not store.
    await checkCursor(this.sim, await cursorItem.getValue(), this.collections, this.now(), model);
    if (!outcome.ok && outcome.died) await this.boot();
    return outcome;
  }

  /** Activities of the last ~46 h: an edit or deletion there must reach the extension. */
  private recentIds(): number[] {
    const since = this.now() - EDIT_WINDOW_MS;
    return [...this.sim.state.activities.values()]
      .filter((a) => Date.parse(a.detail.start_date) > since)
      .map((a) => a.detail.id)
      .sort((a, b) => a - b);
  }

  async apply(step: Step, index: number): Promise<void> {
    const { sim, model } = this;
    switch (step.do) {
      case 'finish':
        sim.finishRun(
          step.agoS ? { kind: step.kind, startedAgoS: step.agoS } : { kind: step.kind },
        );
        return;
      case 'edit': {
        const ids = this.recentIds();
        if (!ids.length) return;
        const id = ids[step.pick % ids.length]!;
        sim.editActivity({
          id,
          ...(step.name ? { name: `Edited at step ${index}` } : {}),
          workout_type: step.workoutType,
        });
        model.edited.add(id);
        return;
      }
      case 'delete': {
        const ids = this.recentIds();
        if (!ids.length) return;
        const id = ids[step.pick % ids.length]!;
        sim.deleteActivity(id);
        model.deleted.add(id);
        return;
      }
      case 'fault':
        sim.fault({
          kind: step.kind,
          count: step.count,
          path: PATHS[step.on],
          delayMs: SLOW_MS,
          // Half the time a field the schema needs, else one it can live without.
          field: step.count % 2 ? 'id' : 'start_date',
        });
        return;
      case 'revoke':
        sim.fault({ kind: 'revoked' });
        return;
      case 'offline':
        this.offline = step.calls;
        return;
      case 'kill':
        this.kill = { at: step.at, k: step.k };
        return;
      case 'restart':
        await this.boot();
        return;
      case 'advance':
        sim.clock.advance(step.ms);
        return;
      case 'checkIn': {
        const at = this.now();
        const entry = {
          date: localDateKey(at - step.daysAgo * DAY, TIME_ZONE),
          sleepHours: step.sleepHours,
          soreness: step.soreness,
          updatedAt: at,
        };
        try {
          await this.app.checkIn(entry);
          model.checkIns.set(entry.date, entry);
        } catch (error) {
          this.unexpected('checkIn', error);
        }
        return;
      }
      case 'sync':
        await this.ensureConnected();
        await this.pass(step.urgent);
        return;
    }
  }

  /** Faults stop; the runner reconnects if asked; clean passes until one changes nothing. */
  async settle(): Promise<boolean> {
    this.sim.admin.clearFaults();
    this.offline = 0;
    this.kill = null;
    let clean = false;
    for (let i = 0; i < 12; i++) {
      this.sim.clock.advance(16 * MIN);
      await this.ensureConnected();
      const out = await this.pass(false);
      if (!out.ok) {
        // Held back or paused by the budget: wait (on the sim clock) as the alarm would.
        if (out.until && out.until > this.now()) this.sim.clock.set(out.until + 1000);
        continue;
      }
      const quiet =
        !out.report.added.length && !out.report.updated.length && !out.report.removed.length;
      if (clean && quiet) return true;
      clean = true;
    }
    return false;
  }
}

/** Simulator state for a schedule: fresh athlete, limits, and an eye on self-inflicted 429s. */
function prepareSim(sim: Simulator, schedule: Schedule, model: Model): void {
  sim.clock.set(BASE_DAY + schedule.startOffsetMs);
  sim.reset();
  if (schedule.limits === 'tight') sim.setRateLimits(TIGHT_LIMITS);
  const limiter = sim.state.rateLimiter;
  const take = limiter.take.bind(limiter);
  // The simulator refuses only when a window is full: any refusal is the extension's overuse
  // (injected 429s are answered before the limiter is asked).
  limiter.take = (isRead: boolean) => {
    const ok = take(isRead);
    if (!ok) model.overuse.push({ at: sim.clock.now(), usage: limiter.current() });
    return ok;
  };
}

export async function runSchedule(
  sim: Simulator,
  schedule: Schedule,
  opts: RunOptions = {},
): Promise<ScheduleResult> {
  const world = new World(sim, opts);
  prepareSim(sim, schedule, world.model);
  // A fresh install: no storage, no collections, no tokens (the secrets outlive fakeBrowser).
  fakeBrowser.reset();
  await clearCollections(openCollections());
  await idbSecretStore().clear();
  await world.boot();
  await world.ensureConnected();
  for (const [i, step] of schedule.steps.entries()) await world.apply(step, i);
  const settled = await world.settle();
  if (!settled)
    world.model.violations.push('did not settle: clean passes kept failing or changing');
  const verdict = await checkSettled(sim, world.collections, world.model);
  return {
    ...verdict,
    outcomes: world.outcomes,
    passes: world.passes,
    died: world.died,
    requests: sim.requests().count,
  };
}
