// Runs one fault schedule against the simulator with the REAL background: the extension's Strava
// service (tokens, client, budget) over a keep-alive simFetch, the product's IndexedDB collections
// (fake-indexeddb), browser.storage (fakeBrowser) and the app service the entrypoint builds: its
// sync runner (syncNow, the sync alarm), the panel's look-ups, check-ins, weigh-ins, import and
// delete ("Your data"). A stopped worker is a WorkerStopped thrown at a kill point; from then on
// every write of that worker fails, and a new service and app start over the same storage.
// Announcements are counted where the product makes them: its outbox memory
// (`local:announcedRuns`) and browser.notifications. After the schedule the faults stop, the
// runner reconnects if asked to, and clean passes run until nothing changes; then the
// invariants are checked.
import { Agent } from 'node:https';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AppService, createAppService } from '../../lib/background/app-service';
import { appContext } from '../../lib/background/context';
import { announcer } from '../../lib/background/notifications';
import { createStravaService, type StravaService } from '../../lib/background/strava-service';
import { deleteEverything, exportData, importFile } from '../../lib/background/your-data';
import { endOf } from '../../lib/model/activity';
import type { CheckIn } from '../../lib/model/check-in';
import type { StoredRun } from '../../lib/model/stored-run';
import type { WeighIn } from '../../lib/model/weigh-in';
import { localDateKey } from '../../lib/recovery/local-date';
import { type Collections, openCollections } from '../../lib/store/collections';
import type { RecordStore } from '../../lib/store/record-store';
import { cursorItem, syncStatusItem } from '../../lib/store/sync-items';
import { idbSecretStore, type SecretStore } from '../../lib/strava/own-app-tokens';
import type { Fetch } from '../../lib/strava/request';
import { stravaSource } from '../../lib/sync/strava-source';
import { BACKFILL_MS, MAX_CONFIRMS, MAX_PAGES, RECENT_MS } from '../../lib/sync/sync-once';
import type { SyncSource } from '../../lib/sync/sync-source';
import { clearCollections } from '../lib/sync/sync-harness';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../strava-sim/app-config';
import type { Simulator } from '../strava-sim/server';
import { simFetch } from '../strava-sim/sim-fetch';
import { simIdentity } from '../strava-sim/sim-identity';
import { checkCursor, checkSettled, emptyModel, type Model, type Verdict } from './invariants';
import {
  type KillPoint,
  type Schedule,
  type Step,
  type Target,
  TIGHT_LIMITS,
  type Writer,
} from './schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Schedules start on this UTC day (plus the schedule's offset), so a seed replays the same. */
const BASE_DAY = Date.UTC(2026, 2, 2);
/** Five-year schedules all start here: their history is generated once, at this time. */
export const LONG_START = BASE_DAY + 9 * HOUR;
/** Short, so a 'slow' fault is a timeout without costing the suite seconds. */
const CLIENT_TIMEOUT_MS = 150;
const SLOW_MS = CLIENT_TIMEOUT_MS + 60;
const EDIT_WINDOW_MS = 46 * HOUR;
const LOOK_UP_EVERY_MS = 10 * MIN;
const ALL_SCOPES = ['read', 'activity:read_all', 'profile:read_all'];
const PUBLIC_SCOPES = ['read', 'activity:read', 'profile:read_all'];
/** New York springs forward on 2026-03-08 at 07:00 UTC, within a week of every schedule's start. */
const NY_DST = [Date.UTC(2026, 2, 8, 7)];

const PATHS: Record<Target, string | undefined> = {
  any: undefined,
  list: '/athlete/activities',
  detail: '/activities/',
  streams: '/streams',
  token: '/oauth/token',
};

/** Thrown at a kill point: the worker stops and nothing after it runs. */
class WorkerStopped extends Error {
  constructor() {
    super('service worker stopped');
  }
}

/** Test doubles that break the pipeline (prove the checker can fail). */
export interface RunOptions {
  tamper?: {
    /** Wraps the Strava source the app's sync and look-ups use. */
    source?: (s: SyncSource, now: () => number) => SyncSource;
    /** Wraps the runs collection the app writes. */
    runs?: (r: RecordStore<StoredRun>, now: () => number) => RecordStore<StoredRun>;
    /** Runs after every pass, with the app's own announcer. */
    afterPass?: (w: {
      collections: Collections;
      announce: (r: StoredRun) => Promise<void>;
    }) => Promise<void>;
  };
}

export interface ScheduleResult extends Verdict {
  /** How passes ended: 'ok', 'died' or the error kind the runner reported. */
  outcomes: Record<string, number>;
  passes: number;
  died: number;
  requests: number;
  /** Fault kinds that actually happened in this schedule. */
  kinds: string[];
}

/** One keep-alive agent per simulator: a TLS handshake per request would dominate the run time. */
const agents = new WeakMap<Simulator, Agent>();
export function closeAgent(sim: Simulator): void {
  agents.get(sim)?.destroy();
  agents.delete(sim);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `p`, or an AbortError as soon as `signal` aborts (what fetch does for its caller). */
function abortable<T>(p: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  if (!signal) return p;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(new DOMException('aborted', 'AbortError'));
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }),
  ]);
}

/** browser.storage.local.set and notifications.create, watched for the world now running. */
let watching: World | null = null;
let installed = false;
function installWatchers(): void {
  if (installed) return;
  installed = true;
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  local.set = (async (items: Record<string, unknown>) => {
    const w = watching;
    if (w) await w.onStorageSet(items);
    await set(items);
    if (w && 'syncCursor' in items) w.killAt('cursor-after');
  }) as typeof local.set;
  const notifications = fakeBrowser.notifications;
  const create = notifications.create.bind(notifications);
  notifications.create = (async (id: string, options: { title?: string }) => {
    const w = watching;
    if (w?.dying) throw new WorkerStopped();
    const m = /^run:(\d+)$/.exec(String(id));
    if (w && m && !String(options?.title ?? '').startsWith('Refuel')) {
      const n = Number(m[1]);
      w.model.notified.set(n, (w.model.notified.get(n) ?? 0) + 1);
    }
    return create(id, options as never);
  }) as unknown as typeof notifications.create;
}

class World {
  service!: StravaService;
  app!: AppService;
  collections!: Collections;
  readonly model: Model;
  readonly kinds = new Set<string>();
  offline = 0;
  quota = 0;
  loseRefresh = false;
  skew = 0;
  zone = 'Europe/London';
  kill: { at: KillPoint; k: number } | null = null;
  during: { what: Writer; k: number }[] = [];
  staysBad = new Map<number, number>();
  /** A kill fired: every write until the restart fails (the worker is gone). */
  dying = false;
  passes = 0;
  died = 0;
  outcomes: Record<string, number> = {};
  /** Per pass: Strava calls made (for kills and writers) and run ids written. */
  private pass$: { calls: number; writes: number; ids: Set<number>; startedAt: number } | null =
    null;
  private inflight: Promise<void>[] = [];
  /** Connects a concurrent writer made during the current pass. */
  private connectsThisPass = 0;
  /** Refresh answers still on their way (a lost-refresh step): a restart must not outrun them. */
  private lateAnswers: Promise<unknown>[] = [];
  private lastLookUp = new Map<number, number>();
  private connected = false;
  private readonly fetch: Fetch;

  constructor(
    readonly sim: Simulator,
    readonly schedule: Schedule,
    readonly opts: RunOptions,
  ) {
    this.model = emptyModel(schedule.scopes === 'all');
    let agent = agents.get(sim);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: 8 });
      agents.set(sim, agent);
    }
    const real = simFetch(sim, { agent });
    this.fetch = async (input, init) => {
      if (this.offline > 0) {
        this.offline--;
        this.kinds.add('offline');
        throw new TypeError('fetch failed');
      }
      const url = String(input);
      const body = String(init?.body ?? '');
      if (this.loseRefresh && url.includes('/oauth/token') && body.includes('refresh_token')) {
        this.loseRefresh = false;
        return this.lateAnswer(real, input, init);
      }
      const res = await this.tracked(real, input, init);
      if (this.staysBad.size && url.includes('/athlete/activities') && res.ok) {
        return this.corruptList(res);
      }
      return res;
    };
  }

  /** Requests the simulator has not answered yet, whether or not their caller still waits. */
  private onWire = new Set<Promise<unknown>>();

  /** The simulator logs a request when it answers: one the client gave up on (a timeout) is
   *  logged up to a slow fault's delay later. So every request goes out unaborted and is
   *  tracked until the simulator is done with it; the caller's signal is raced here. */
  private send(real: Fetch, input: string, init?: RequestInit): Promise<Response> {
    const answer = real(input, { ...init, signal: undefined });
    const done = answer.catch(() => undefined);
    this.onWire.add(done);
    void done.then(() => this.onWire.delete(done));
    return answer;
  }

  private tracked(real: Fetch, input: string, init?: RequestInit): Promise<Response> {
    // As fetch does: an already aborted call sends nothing.
    if (init?.signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    return abortable(this.send(real, input, init), init?.signal);
  }

  /** Waits until the simulator has logged every request sent so far, so that a budget counts
   *  the requests of what it measures, not the late log lines of a request given up before. */
  async quiet(): Promise<void> {
    while (this.onWire.size) await Promise.allSettled([...this.onWire]);
  }

  /** Strava handles the refresh (and rotates) at once; the answer comes after the timeout. */
  private async lateAnswer(real: Fetch, input: string, init?: RequestInit): Promise<Response> {
    this.kinds.add('lost refresh answer');
    const answer = this.send(real, input, init);
    const late = (async () => {
      const res = await answer;
      await sleep(CLIENT_TIMEOUT_MS + 80);
      return res;
    })();
    this.lateAnswers.push(late.catch(() => undefined));
    return abortable(late, init?.signal);
  }

  private async corruptList(res: Response): Promise<Response> {
    const items = (await res.json()) as Record<string, unknown>[];
    for (const item of items) {
      if (typeof item.id === 'number' && this.staysBad.has(item.id)) {
        delete item.start_date;
        item.distance = 'far';
      }
    }
    return new Response(JSON.stringify(items), { status: res.status, headers: res.headers });
  }

  /** The computer's clock: Strava's plus the skew a clock jump left. */
  now = () => this.sim.clock.now() + this.skew;

  /** Stops the worker when the armed kill names this point (k-th time for calls and writes). */
  killAt(point: KillPoint): void {
    if (!this.pass$ || this.kill?.at !== point) return;
    if ((point === 'call' || point === 'write' || point === 'after-write') && --this.kill.k > 0)
      return;
    this.kill = null;
    this.kinds.add(`kill at ${point}`);
    this.dying = true;
    throw new WorkerStopped();
  }

  /** Which worker is running: a stopped one's late callbacks (an answer that comes after a
   *  restart) must not write anything. */
  private gen = 0;

  private alive(gen = this.gen): void {
    if (this.dying || gen !== this.gen) throw new WorkerStopped();
  }

  private quotaHit(): void {
    if (this.quota > 0) {
      this.quota--;
      this.kinds.add('quota exceeded');
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
  }

  async onStorageSet(items: Record<string, unknown>): Promise<void> {
    this.alive();
    if ('syncCursor' in items) this.killAt('cursor-before');
    if ('announcedRuns' in items) {
      const before = ((await fakeBrowser.storage.local.get('announcedRuns')).announcedRuns ??
        {}) as Record<string, number>;
      const after = (items.announcedRuns ?? {}) as Record<string, number>;
      for (const [id, at] of Object.entries(after)) {
        if (before[id] === at) continue;
        const n = Number(id);
        this.model.announced.set(n, (this.model.announced.get(n) ?? 0) + 1);
      }
    }
  }

  private watchStore<T>(
    gen: number,
    store: RecordStore<T>,
    onPut?: (key: IDBValidKey, v: T) => void,
  ) {
    const write =
      <A extends unknown[]>(fn: (...a: A) => Promise<void>) =>
      async (...a: A) => {
        this.alive(gen);
        this.quotaHit();
        await fn(...a);
      };
    return {
      ...store,
      put: async (key: IDBValidKey, value: T) => {
        this.alive(gen);
        this.quotaHit();
        onPut?.(key, value);
        await store.put(key, value);
      },
      putMany: async (items: [IDBValidKey, T][]) => {
        this.alive(gen);
        this.quotaHit();
        for (const [k, v] of items) onPut?.(k, v);
        await store.putMany(items);
      },
      delete: write((k: IDBValidKey) => store.delete(k)),
      clear: write(() => store.clear()),
    } satisfies RecordStore<T>;
  }

  private noteRun(value: StoredRun): void {
    const id = value.activity.id;
    if (this.pass$) {
      this.pass$.writes++;
      this.pass$.ids.add(id);
    }
    if (!this.model.firstStored.has(id)) {
      const opNow = this.pass$?.startedAt ?? this.now();
      this.model.firstStored.set(id, {
        // What the outbox owes: a new recent run with a plan, found by Strava sync or look-up.
        owed:
          value.origin !== 'import' &&
          value.plan !== null &&
          endOf(value.activity) > opNow - RECENT_MS,
      });
    }
  }

  /** A (re)started worker: fresh service and app, same IndexedDB and browser.storage. */
  async boot(): Promise<void> {
    this.dying = false;
    const gen = ++this.gen;
    const base = openCollections();
    let runs = this.watchStore(gen, base.runs);
    const put = runs.put;
    runs = {
      ...runs,
      // A run counts as stored (and maybe owed an announcement) once its write has landed: a
      // write refused by a full disk stored nothing.
      put: async (key, value) => {
        this.killAt('write');
        await put(key, value);
        this.noteRun(value);
        // Stopped between the store and the announcement: the outbox owes it still.
        this.killAt('after-write');
      },
      putMany: async (items) => {
        this.alive(gen);
        this.quotaHit();
        await base.runs.putMany(items);
        for (const [, v] of items) this.noteRun(v);
      },
    };
    if (this.opts.tamper?.runs) runs = this.opts.tamper.runs(runs, this.now);
    this.collections = {
      runs,
      progress: this.watchStore(gen, base.progress),
      checkIns: this.watchStore(gen, base.checkIns),
      weighIns: this.watchStore(gen, base.weighIns),
    };
    const secrets = idbSecretStore();
    const watched: SecretStore = {
      get: () => secrets.get(),
      clear: async () => {
        this.alive(gen);
        await secrets.clear();
      },
      set: async (record) => {
        try {
          this.alive(gen);
          this.killAt('token-before');
        } catch (error) {
          // Strava rotated the pair and the worker stopped before it was stored: a reconnect
          // after this is the schedule's doing.
          this.excuse++;
          throw error;
        }
        await secrets.set(record);
        this.killAt('token-after');
      },
    };
    this.service = createStravaService({
      // A stopped worker sends nothing more.
      fetch: (input, init) => {
        if (gen !== this.gen) return Promise.reject(new TypeError('worker stopped'));
        return this.fetch(input, init);
      },
      now: this.now,
      identity: simIdentity(this.sim, {
        grant: this.schedule.scopes === 'all' ? ALL_SCOPES : PUBLIC_SCOPES,
      }),
      timeoutMs: CLIENT_TIMEOUT_MS,
      secrets: watched,
    });
    const real = stravaSource(this.service.client);
    const counted = (fn: () => void) => {
      if (!this.pass$) return;
      this.pass$.calls++;
      this.killAt('call');
      fn();
    };
    let source: SyncSource = {
      listActivities: async (q, u) => {
        counted(() => this.startWriters());
        return real.listActivities(q, u);
      },
      activity: async (id, u) => {
        counted(() => this.startWriters());
        return real.activity(id, u);
      },
      streams: async (id, u) => {
        counted(() => this.startWriters());
        return real.streams(id, u);
      },
    };
    if (this.opts.tamper?.source) source = this.opts.tamper.source(source, this.now);
    this.app = createAppService({
      strava: this.service,
      collections: this.collections,
      now: this.now,
      timeZone: () => this.zone,
      source,
    });
    await this.service.ready;
    // A worker that starts drains the outbox (as the entrypoint does).
    await this.app.drainOutbox().catch(() => undefined);
  }

  /** Reconnects still owed to the schedule's own doing (revoke, kill at the token write). */
  private excuse = 0;
  private reconnecting = false;

  /** What a runner does on seeing "reconnect needed": connect again (may fail; tried later). */
  async ensureConnected(): Promise<void> {
    const { state } = await this.service.tokens.status();
    if (state === 'connected') return;
    if (this.connected && !this.reconnecting) {
      // Counted once per lost connection, however many tries the reconnect takes.
      this.reconnecting = true;
      if (this.excuse > 0) {
        this.excuse--;
        this.model.excusedReconnects++;
      } else {
        const status = await syncStatusItem.getValue();
        this.model.violations.push({
          cat: 'R',
          msg: `the runner had to connect again (${state}; last sync error ${status.lastError?.kind ?? 'none'})`,
        });
      }
    }
    try {
      await this.service.connect({
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
      });
      this.connected = true;
      this.reconnecting = false;
      // A fresh connection: whatever the schedule broke before is mended.
      this.excuse = 0;
    } catch (error) {
      if (error instanceof WorkerStopped) await this.restart();
      // A failed connect (Strava down) is tried again later.
      else if ((error as Error)?.name !== 'StravaError') this.unexpected('connect', error);
    }
  }

  unexpected(where: string, error: unknown): void {
    const e = error as Error;
    this.model.violations.push({ cat: 'L', msg: `${where} threw ${e?.name}: ${e?.message}` });
  }

  private async restart(): Promise<void> {
    this.died++;
    await Promise.allSettled(this.inflight);
    this.inflight = [];
    // A refresh answer still on its way arrives at a stopped worker: the rotation is lost, and
    // the reconnect it causes is the schedule's doing (credited when the dead worker's write
    // is refused). Let it arrive before the new worker starts, so the credit comes first.
    this.dying = true;
    await Promise.allSettled(this.lateAnswers);
    this.lateAnswers = [];
    await sleep(20);
    await this.boot();
  }

  private startWriters(): void {
    if (!this.pass$) return;
    const n = this.pass$.calls;
    const due = this.during.filter((d) => d.k === n);
    this.during = this.during.filter((d) => d.k !== n);
    for (const d of due) {
      this.kinds.add(`concurrent ${d.what}`);
      this.inflight.push(this.writer(d.what));
    }
  }

  /** One of the runner's writes, through the app as its handler would make it. */
  private async writer(what: Writer): Promise<void> {
    try {
      if (what === 'checkIn') await this.checkIn(0, 5 + (this.passes % 5), this.passes % 10);
      else if (what === 'weighIn') await this.weighIn(this.passes, 71, 70);
      else if (what === 'import') {
        const { json } = await exportData(this.collections, this.now());
        const out = await importFile(this.collections, json, this.now(), await this.app.profile());
        if (out.ok) await this.app.afterDataChange();
      } else if (what === 'delete') await this.deleteAll();
      else {
        // Its code exchange is a POST /oauth/token too, and not a refresh.
        this.connectsThisPass++;
        await this.service.connect({
          clientId: DEFAULT_CLIENT_ID,
          clientSecret: DEFAULT_CLIENT_SECRET,
        });
        this.excuse = 0;
      }
    } catch (error) {
      if (!(error instanceof WorkerStopped) && !isExpected(error)) this.unexpected(what, error);
    }
  }

  private async deleteAll(): Promise<void> {
    const m = this.model;
    // What was accepted before may survive only if it is written again.
    for (const [d, c] of m.checkIns) m.maybeCheckIns.set(d, [...(m.maybeCheckIns.get(d) ?? []), c]);
    m.checkIns.clear();
    for (const [id, x] of m.weighIns)
      m.maybeWeighIns.set(id, [...(m.maybeWeighIns.get(id) ?? []), x]);
    m.weighIns.clear();
    await deleteEverything(this.collections);
    // Done: nothing from before may come back, and the six weeks must be read again.
    m.maybeCheckIns.clear();
    m.maybeWeighIns.clear();
    m.floors = [];
    m.awaitingFloor = true;
    await this.app.afterDataChange();
  }

  private async checkIn(daysAgo: number, sleepHours: number, soreness: number): Promise<void> {
    const at = this.now();
    const entry: CheckIn = {
      date: localDateKey(at - daysAgo * DAY, this.zone),
      sleepHours,
      soreness,
      updatedAt: at,
    };
    const m = this.model;
    m.maybeCheckIns.set(entry.date, [...(m.maybeCheckIns.get(entry.date) ?? []), entry]);
    await this.app.checkIn(entry);
    m.checkIns.set(entry.date, entry);
  }

  private async weighIn(pick: number, beforeKg: number, afterKg: number): Promise<void> {
    const runs = (await this.collections.runs.all())
      .map(([, r]) => r)
      .filter((r) => r.plan && r.origin !== 'import')
      .sort((a, b) => a.activity.id - b.activity.id);
    const run = runs[pick % Math.max(1, runs.length)];
    if (!run) return;
    const w: WeighIn = { activityId: run.activity.id, beforeKg, afterKg };
    const m = this.model;
    m.maybeWeighIns.set(w.activityId, [...(m.maybeWeighIns.get(w.activityId) ?? []), w]);
    const view = await this.app.saveWeighIn(w);
    if (view) m.weighIns.set(w.activityId, w);
  }

  /** One pass of the real runner (`run` calls syncNow or the alarm), watched. */
  async pass(
    run: () => Promise<unknown>,
  ): Promise<{ ok: boolean; until?: number; quiet: boolean }> {
    this.passes++;
    await this.quiet();
    const log0 = this.sim.state.requestLog.length;
    this.pass$ = { calls: 0, writes: 0, ids: new Set(), startedAt: this.now() };
    const passNow = this.pass$.startedAt;
    let died = false;
    try {
      await run();
    } catch (error) {
      if (error instanceof WorkerStopped) died = true;
      else this.unexpected('sync pass', error);
    }
    // Writers the pass never reached start now (they are no longer concurrent).
    const late = this.during;
    this.during = [];
    const done = this.pass$;
    this.pass$ = null;
    if (!died) for (const d of late) this.inflight.push(this.writer(d.what));
    await Promise.allSettled(this.inflight);
    this.inflight = [];
    this.kill = null;
    const status = await syncStatusItem.getValue();
    const kind = died ? 'died' : (status.lastError?.kind ?? 'ok');
    this.outcomes[kind] = (this.outcomes[kind] ?? 0) + 1;
    if (died) await this.restart();
    for (const [id, n] of this.staysBad) {
      if (n <= 1) {
        this.staysBad.delete(id);
        this.model.corrupt.delete(id);
      } else this.staysBad.set(id, n - 1);
    }
    await this.quiet();
    this.checkBudget(this.sim.state.requestLog.slice(log0), done.ids.size, passNow);
    this.connectsThisPass = 0;
    await this.afterPass();
    if (this.opts.tamper?.afterPass) {
      const ctx = appContext({
        strava: this.service,
        collections: this.collections,
        now: this.now,
      });
      const a = announcer(ctx);
      await this.opts.tamper.afterPass({ collections: this.collections, announce: a.onNewRun });
    }
    return {
      ok: !died && status.lastError === null,
      until: status.pausedUntil ?? undefined,
      quiet: done.writes === 0,
    };
  }

  /** The floor of what must be stored, and the cursor's promise, after every pass. */
  private async afterPass(): Promise<void> {
    const raw = await cursorItem.getValue();
    const m = this.model;
    if (m.awaitingFloor) {
      const c = raw as { backfilledAt?: unknown } | null;
      const at = typeof c?.backfilledAt === 'number' ? c.backfilledAt : null;
      if (at !== null && at <= this.now() + 1000 && at > this.now() - 30 * DAY) {
        m.floors.push(at - BACKFILL_MS);
        m.awaitingFloor = false;
      }
    }
    await checkCursor(this.sim, raw, this.collections, this.now(), m);
  }

  /** Per pass: list pages, detail calls for what changed plus the confirm cap, streams for those. */
  private checkBudget(
    log: { route: string; status: number; area: string }[],
    changed: number,
    at: number,
  ) {
    const api = log.filter((e) => e.area === 'api' && e.route !== 'GET /api/v3/athlete');
    const retries = api.filter((e) => e.status === 401).length;
    const count = (re: RegExp) => api.filter((e) => re.test(e.route)).length;
    const lists = count(/athlete\/activities/);
    const details = count(/^GET \/api\/v3\/activities\/\{id\}$/);
    const streams = count(/streams/);
    const bound = MAX_PAGES + MAX_CONFIRMS + 2 * changed + retries;
    const refreshes =
      log.filter((e) => e.route === 'POST /oauth/token').length - this.connectsThisPass;
    if (
      lists > MAX_PAGES + retries ||
      details > changed + MAX_CONFIRMS + retries ||
      streams > Math.max(details, 0) ||
      api.length > bound
    ) {
      this.model.violations.push({
        cat: 'B',
        msg: `a pass at ${new Date(at).toISOString()} sent ${api.length} requests (${lists} lists, ${details} details, ${streams} streams) for ${changed} changed runs: bound ${bound}`,
      });
    }
    if (refreshes > 2 + retries) {
      this.model.violations.push({
        cat: 'B',
        msg: `a pass at ${new Date(at).toISOString()} refreshed the token ${refreshes} times`,
      });
    }
  }

  /** Activities of the last ~46 h: an edit or deletion there must reach the extension. */
  private recentIds(): number[] {
    const since = this.sim.clock.now() - EDIT_WINDOW_MS;
    return [...this.sim.state.activities.values()]
      .filter((a) => Date.parse(a.detail.start_date) > since)
      .map((a) => a.detail.id)
      .sort((a, b) => a - b);
  }

  private pick(n: number): number | undefined {
    const ids = this.recentIds();
    return ids.length ? ids[n % ids.length] : undefined;
  }

  async apply(step: Step, index: number): Promise<void> {
    const { sim, model } = this;
    switch (step.do) {
      case 'finish':
        sim.finishRun(
          step.agoS ? { kind: step.kind, startedAgoS: step.agoS } : { kind: step.kind },
        );
        if (step.agoS > (2 * DAY) / 1000) this.kinds.add('upload days late');
        return;
      case 'edit': {
        const id = this.pick(step.pick);
        if (id === undefined) return;
        sim.editActivity({
          id,
          ...(step.name ? { name: `Edited at step ${index}` } : {}),
          workout_type: step.workoutType,
        });
        this.kinds.add('edit on Strava');
        return;
      }
      case 'sport': {
        const id = this.pick(step.pick);
        const a = id === undefined ? undefined : sim.state.activities.get(id);
        if (!a || a.detail.sport_type === step.to) return;
        a.detail.sport_type = step.to;
        a.detail.type = step.to === 'TrailRun' || step.to === 'VirtualRun' ? 'Run' : step.to;
        this.kinds.add('sport_type changed');
        return;
      }
      case 'private': {
        const id = this.pick(step.pick);
        if (id === undefined) return;
        sim.editActivity({ id, private: step.private });
        if (step.private) this.kinds.add(`made private (${this.schedule.scopes} scopes)`);
        return;
      }
      case 'delete': {
        const id = this.pick(step.pick);
        if (id === undefined) return;
        sim.deleteActivity(id);
        this.kinds.add('deleted on Strava');
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
        this.kinds.add(`strava ${step.kind}`);
        return;
      case 'stays-bad': {
        const id = this.pick(step.pick);
        if (id === undefined) return;
        this.staysBad.set(id, step.passes);
        model.corrupt.add(id);
        this.kinds.add('activity malformed for many passes');
        return;
      }
      case 'revoke':
        sim.fault({ kind: 'revoked' });
        this.excuse++;
        this.kinds.add('access revoked');
        return;
      case 'offline':
        this.offline = step.calls;
        return;
      case 'lose-refresh':
        this.loseRefresh = true;
        // The next API call answers 401, so the next pass refreshes.
        sim.fault({ kind: 'expired', count: 1 });
        return;
      case 'kill':
        this.kill = { at: step.at, k: step.k };
        if (step.at.startsWith('token')) sim.fault({ kind: 'expired', count: 1 });
        return;
      case 'restart':
        await this.restart();
        this.died--;
        this.kinds.add('worker restart');
        return;
      case 'advance':
        sim.clock.advance(step.ms);
        return;
      case 'clock':
        if (step.skewMs === this.skew) return;
        this.kinds.add(step.skewMs > this.skew ? 'clock jumps forward' : 'clock jumps back');
        this.skew = step.skewMs;
        return;
      case 'zone':
        if (step.tz === this.zone) return;
        this.zone = step.tz;
        this.kinds.add('time zone change');
        return;
      case 'dst': {
        const next = NY_DST.find((t) => t - 30 * MIN > sim.clock.now());
        if (next === undefined) return;
        this.zone = 'America/New_York';
        sim.clock.set(next - 30 * MIN);
        this.kinds.add('DST change');
        return;
      }
      case 'garbage-cursor': {
        const now = this.now();
        const values: Record<typeof step.value, unknown> = {
          string: 'garbage',
          null: null,
          'nan-fields': { newestStartMs: 'NaN', backfilledAt: {} },
          'far-future': { newestStartMs: now + 400 * DAY, backfilledAt: now + 400 * DAY },
          negative: { newestStartMs: -1, backfilledAt: -1 },
          half: { newestStartMs: now - DAY, backfilledAt: null },
        };
        watching = null;
        await fakeBrowser.storage.local.set({ syncCursor: values[step.value] });
        watching = this;
        model.awaitingFloor = true;
        this.kinds.add('garbage cursor');
        return;
      }
      case 'quota':
        this.quota = step.writes;
        return;
      case 'hostile-import':
        await this.hostileImport(step.runs);
        return;
      case 'backlog':
        this.backlog(step.count);
        return;
      case 'checkIn':
        try {
          await this.checkIn(step.daysAgo, step.sleepHours, step.soreness);
        } catch (error) {
          if (!isExpected(error)) this.unexpected('checkIn', error);
        }
        return;
      case 'weighIn':
        try {
          await this.weighIn(step.pick, step.beforeKg, step.afterKg);
        } catch (error) {
          if (!isExpected(error)) this.unexpected('weighIn', error);
        }
        return;
      case 'during':
        this.during.push({ what: step.what, k: step.k });
        return;
      case 'panel':
        await this.panel(step.pick, step.tab, step.old);
        return;
      case 'alarm':
        if (step.name === 'sync') {
          await this.ensureConnected();
          await this.pass(() => this.app.onAlarm('sync'));
        } else {
          await this.app.onAlarm(step.name).catch((e) => {
            if (!isExpected(e)) this.unexpected(`alarm ${step.name}`, e);
          });
        }
        this.kinds.add(`alarm ${step.name}`);
        return;
      case 'sync':
        await this.ensureConnected();
        await this.pass(() => this.app.syncNow(step.urgent));
        return;
    }
  }

  /** The framed panel on an own activity: a known one, an old one, one Strava no longer has. */
  private async panel(pick: number, tab: number, old: boolean): Promise<void> {
    const all = this.sim.state.sortedActivities();
    const floor = this.now() - BACKFILL_MS;
    const pool = old ? all.filter((a) => Date.parse(a.detail.start_date) < floor) : all;
    const ids = [...pool.map((a) => a.detail.id), ...this.sim.state.deletedIds];
    const id = ids[pick % Math.max(1, ids.length)];
    if (id === undefined) return;
    this.kinds.add(
      old && pool.length ? 'panel on an activity older than the backfill' : 'panel look-up',
    );
    await this.quiet();
    const log0 = this.sim.state.requestLog.length;
    const now = this.now();
    try {
      await this.app.panelState(id, true, tab);
    } catch (error) {
      if (!isExpected(error)) this.unexpected('panel', error);
    }
    await this.quiet();
    const api = this.sim.state.requestLog
      .slice(log0)
      .filter((e) => e.area === 'api' && e.status !== 401);
    if (!api.length) return;
    const last = this.lastLookUp.get(tab);
    if (api.length > 1 || (last !== undefined && now >= last && now - last < LOOK_UP_EVERY_MS)) {
      this.model.violations.push({
        cat: 'B',
        msg: `the panel in tab ${tab} spent ${api.length} request(s) on activity ${id}${last !== undefined ? ` ${Math.round((now - last) / 1000)} s after its last look-up` : ''}`,
      });
    }
    this.lastLookUp.set(tab, now);
  }

  /** An import file of `n` fake recent runs built from a real export: ids Strava never had,
   *  a readiness far in the future. */
  private async hostileImport(n: number): Promise<void> {
    try {
      const { json } = await exportData(this.collections, this.now());
      // biome-ignore lint/suspicious/noExplicitAny: a file being made hostile, field by field
      const file = JSON.parse(json) as { runs: any[] };
      const template = file.runs[0];
      if (!template) return;
      this.kinds.add('hostile import');
      const now = this.now();
      file.runs = Array.from({ length: n }, (_, i) => {
        const r = structuredClone(template);
        const id = 90_000_000_000 + i * 7;
        const start = now - (i + 1) * 7 * MIN;
        r.activity.id = id;
        r.activity.start_date = new Date(start).toISOString();
        r.activity.start_date_local = r.activity.start_date.replace('Z', '');
        r.plan.activityId = id;
        r.plan.runEndedAt = start + r.activity.elapsed_time * 1000;
        r.plan.readyAt = now + 10 * 365 * DAY;
        return r;
      });
      const out = await importFile(
        this.collections,
        JSON.stringify(file),
        now,
        await this.app.profile(),
      );
      if (out.ok) await this.app.afterDataChange();
    } catch (error) {
      if (!isExpected(error)) this.unexpected('hostile import', error);
    }
  }

  /** Many older activities uploaded at once (up to ten days late): several list pages. */
  private backlog(n: number): void {
    const s = this.sim.state;
    const source = [...s.activities.values()];
    if (!source.length) return;
    this.kinds.add('backlog upload (pagination)');
    let id = Math.max(...s.activities.keys(), ...s.deletedIds) + 1000;
    const now = this.sim.clock.now();
    for (let i = 0; i < n; i++) {
      const from = source[i % source.length]!;
      // The streams are shared: nothing edits them.
      const a = { ...from, detail: { ...from.detail } };
      id += 10;
      // Older than the detail window, so only the list pages are spent on them.
      const start = now - 5 * DAY - Math.floor(((i * 4.9) / n) * DAY);
      const shift = start - Date.parse(a.detail.start_date);
      a.detail.id = id;
      a.detail.start_date = new Date(start).toISOString().replace('.000', '');
      const local = Date.parse(`${a.detail.start_date_local.replace(/Z$/, '')}Z`) + shift;
      a.detail.start_date_local = new Date(local).toISOString().replace('.000', '');
      s.activities.set(id, a);
    }
  }

  /** Faults stop; the runner reconnects if asked; clean passes until one changes nothing. */
  async settle(): Promise<boolean> {
    this.sim.admin.clearFaults();
    this.offline = 0;
    this.quota = 0;
    this.loseRefresh = false;
    this.kill = null;
    this.during = [];
    this.staysBad.clear();
    this.model.corrupt.clear();
    let clean = false;
    for (let i = 0; i < 14; i++) {
      this.sim.clock.advance(16 * MIN);
      await this.ensureConnected();
      const out = await this.pass(() => this.app.syncNow(false));
      if (!out.ok) {
        // Held back or paused by the budget: wait (on the sim clock) as the alarm would.
        if (out.until && out.until > this.now())
          this.sim.clock.advance(out.until - this.now() + 1000);
        clean = false;
        continue;
      }
      if (clean && out.quiet) return true;
      clean = true;
    }
    return false;
  }
}

/** Errors the app is allowed to surface to the runner (Strava errors, a full disk). */
function isExpected(error: unknown): boolean {
  const name = (error as Error)?.name;
  return name === 'StravaError' || name === 'QuotaExceededError' || error instanceof WorkerStopped;
}

/** Simulator state for a schedule: fresh athlete, limits, and an eye on self-inflicted 429s. */
function prepareSim(sim: Simulator, schedule: Schedule, model: Model): void {
  sim.clock.set(schedule.history === 'long' ? LONG_START : BASE_DAY + schedule.startOffsetMs);
  sim.reset();
  if (schedule.limits === 'tight') sim.setRateLimits(TIGHT_LIMITS);
  const limiter = sim.state.rateLimiter;
  const take = limiter.take.bind(limiter);
  // The simulator refuses only when a window is full: any refusal is the extension's overuse
  // (injected 429s are answered before the limiter is asked).
  limiter.take = (isRead: boolean) => {
    const ok = take(isRead);
    if (!ok)
      model.violations.push({
        cat: 'B',
        msg: `rate limit: the simulator refused a request at ${new Date(sim.clock.now()).toISOString()} (usage ${JSON.stringify(limiter.current())})`,
      });
    return ok;
  };
}

/** `sims.long`: the five-year simulator for schedules that ask for one. */
export async function runSchedule(
  sims: Simulator | { short: Simulator; long?: Simulator },
  schedule: Schedule,
  opts: RunOptions = {},
): Promise<ScheduleResult> {
  const pair = 'short' in sims ? sims : { short: sims };
  const long = schedule.history === 'long' && pair.long;
  const sim = long || pair.short;
  const world = new World(sim, schedule, opts);
  prepareSim(sim, schedule, world.model);
  // A fresh install: no storage, no collections, no tokens (the secrets outlive fakeBrowser).
  fakeBrowser.reset();
  installWatchers();
  watching = null;
  await clearCollections(openCollections());
  await idbSecretStore().clear();
  watching = world;
  try {
    await world.boot();
    await world.ensureConnected();
    const steps: Step[] = long
      ? [{ do: 'sync', urgent: false }, { do: 'backlog', count: 230 }, ...schedule.steps]
      : schedule.steps.filter((s) => s.do !== 'backlog');
    if (long) world.kinds.add('five-year history');
    for (const [i, step] of steps.entries()) await world.apply(step, i);
    const settled = await world.settle();
    if (!settled)
      world.model.violations.push({
        cat: 'L',
        msg: 'did not settle: clean passes kept failing or changing',
      });
    const verdict = await checkSettled(sim, world.collections, world.model);
    return {
      ...verdict,
      outcomes: world.outcomes,
      passes: world.passes,
      died: world.died,
      requests: sim.requests().count,
      kinds: [...world.kinds],
    };
  } finally {
    watching = null;
  }
}
