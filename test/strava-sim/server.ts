// startSimulator(): a local HTTPS server that answers as www.strava.com (and the announced API
// host www.api-v3.strava.com). It binds 127.0.0.1 only and opens no outbound connection.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import {
  type EditActivityRequest,
  type FinishRunRequest,
  handleAdmin,
  type RequestsReport,
  type SetAppRequest,
  SimAdmin,
} from './admin.ts';
import { handleApi } from './api-routes.ts';
import type { SimApp } from './app-config.ts';
import { generateAthlete } from './athlete-generator.ts';
import { makeCert } from './cert.ts';
import { createClock, type SimClock } from './clock.ts';
import type { FaultRequest } from './faults.ts';
import { sendHtml, sendJson } from './http.ts';
import { loadLabeledRuns } from './labeled-runs.ts';
import { handleOauth } from './oauth-routes.ts';
import { handlePage, simplePage } from './pages.ts';
import { type CallbackFetch, type Delivery, PushHub } from './push.ts';
import type { RateLimits } from './rate-limiter.ts';
import { type RequestLogEntry, SimState } from './state.ts';
import type { SimActivity } from './types.ts';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seed of the generated athlete (default 1). */
  seed?: number;
  /** Base of the sim clock, epoch ms (default Date.now); clock.set/advance shift it. */
  now?: () => number;
  /** A labeled-runs JSON file to serve instead of the generated history. */
  athleteFile?: string;
  /** Weeks of generated history (default 12). */
  weeks?: number;
  /**
   * Generate the history once and hand each reset a deep copy when the clock is within a minute
   * of that generation (a five-year history takes seconds to generate; the copy shares streams
   * and nested fields, which nothing edits). The athlete's planner
   * restarts from the seed each time, so a reset still replays the same.
   */
  reuseHistory?: boolean;
  /**
   * How webhook deliveries and the subscription handshake reach the callback (default: fetch).
   * Tests pass one that maps the broker's public host to where it listens.
   */
  callbackFetch?: CallbackFetch;
  /** More Authorization Callback Domains for the registered app, kept across resets. */
  callbackDomains?: string[];
}

export interface Simulator {
  port: number;
  /** https://127.0.0.1:PORT */
  origin: string;
  certPem: string;
  clock: SimClock;
  /** The live state (replaced by reset()). */
  readonly state: SimState;
  readonly requestLog: RequestLogEntry[];
  /** The admin endpoint's operations, in process. */
  admin: SimAdmin;
  fault(req: FaultRequest): { ok: true; pending: number };
  finishRun(req?: FinishRunRequest): { id: number; start_date: string; elapsed_time: number };
  editActivity(req: EditActivityRequest): { ok: true };
  deleteActivity(id: number): { ok: true };
  setApp(req: SetAppRequest): SimApp;
  setRateLimits(limits: Partial<RateLimits>): RateLimits;
  requests(): RequestsReport;
  /** Webhook deliveries so far; `settled()` waits for those under way. */
  push: { deliveries: Delivery[]; settled(): Promise<void>; subscriptionId(): number | null };
  /** The athlete revokes the app at strava.com/settings/apps: tokens die, the callback is told. */
  deauthorize(): { ok: true };
  reset(): { ok: true };
  stop(): Promise<void>;
}

/** The two hostnames Strava serves the API under; the new one drops the /api/v3 prefix. */
const API_HOST = 'www.api-v3.strava.com';

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const { certPem, keyPem } = await makeCert();
  const clock = createClock(opts.now);
  const seed = opts.seed ?? 1;
  let state: SimState | undefined;

  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const s = state;
    if (!s) {
      res.writeHead(503).end();
      return;
    }
    route(s, admin, hub, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: 'Error', errors: [{ detail: String(err) }] }));
      } else res.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const port = await listen(server, opts.port ?? 0);
  const origin = `https://127.0.0.1:${port}`;
  let cached: { at: number; activities: SimActivity[] } | undefined;
  const build = (): SimState => {
    if (opts.reuseHistory && cached && Math.abs(clock.now() - cached.at) < 60_000) {
      const fresh = generateAthlete({ seed, now: clock.now(), origin, weeks: 0 });
      // Streams and nested detail are never edited: a copy of each detail's top level will do.
      fresh.activities = cached.activities.map((a) => ({ ...a, detail: { ...a.detail } }));
      return new SimState(clock, fresh);
    }
    const generated = generateAthlete({
      seed,
      now: clock.now(),
      origin,
      // A file brings its own history; the generator then only supplies profile and planner.
      weeks: opts.athleteFile ? 0 : opts.weeks,
    });
    if (opts.athleteFile) {
      generated.activities = loadLabeledRuns(opts.athleteFile, generated.athlete);
    }
    if (opts.reuseHistory)
      cached = {
        at: clock.now(),
        activities: generated.activities.map((a) => ({ ...a, detail: { ...a.detail } })),
      };
    return new SimState(clock, generated);
  };
  const withDomains = (s: SimState): SimState => {
    s.app.callbackDomains.push(...(opts.callbackDomains ?? []));
    return s;
  };
  try {
    state = withDomains(build());
  } catch (err) {
    await new Promise<void>((r) => server.close(() => r()));
    throw err;
  }
  const hub = new PushHub(() => state!, opts.callbackFetch ?? ((url, init) => fetch(url, init)));
  const admin = new SimAdmin(
    () => state!,
    () => {
      state = withDomains(build());
    },
    (event, force) => hub.emit(event, force),
  );

  return {
    port,
    origin,
    certPem,
    clock,
    get state() {
      return state!;
    },
    get requestLog() {
      return state!.requestLog;
    },
    admin,
    fault: (r) => admin.fault(r),
    finishRun: (r) => admin.finishRun(r),
    editActivity: (r) => admin.editActivity(r),
    deleteActivity: (id) => admin.deleteActivity(id),
    setApp: (r) => admin.setApp(r),
    setRateLimits: (l) => admin.setRateLimits(l),
    requests: () => admin.requests(),
    push: {
      deliveries: hub.deliveries,
      settled: () => hub.settled(),
      subscriptionId: () => hub.subscription?.id ?? null,
    },
    deauthorize: () => admin.deauthorize(),
    reset: () => admin.reset(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`strava-sim: port ${port} on 127.0.0.1 is already in use`)
          : err,
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const addr = server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('strava-sim: no port'));
    });
  });
}

async function route(
  state: SimState,
  admin: SimAdmin,
  hub: PushHub,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const host = String(req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .toLowerCase();
  const url = new URL(req.url ?? '/', 'https://www.strava.com');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  // Logged once the answer is written (statusCode is set by then), in sim-clock time.
  const log = (area: RequestLogEntry['area'], r: string) =>
    state.log({ method, path, route: r, area, status: res.statusCode });

  if (await handleAdmin(admin, req, url, res)) return;
  // On the new API host everything but OAuth is API (its OAuth location is not announced yet,
  // so /oauth/* is answered on both hosts).
  const apiPath = path.startsWith('/api/v3/')
    ? path.slice('/api/v3'.length)
    : host === API_HOST && !path.startsWith('/oauth/')
      ? path
      : undefined;
  if (apiPath !== undefined) {
    // The app's own endpoints: client id and secret, no athlete token, no rate limit.
    const push = await hub.handle(req, url, apiPath, res);
    if (push) {
      log('api', push);
      return;
    }
    const r = await handleApi(state, req, apiPath, url, res);
    log('api', r.route);
    return;
  }
  if (path.startsWith('/oauth/')) {
    // Faults reach OAuth routes only when the fault names the path (e.g. 500 on /oauth/token).
    const faults = state.faults.take(path, false);
    const slow = faults.find((f) => f.kind === 'slow');
    if (slow) await new Promise((r) => setTimeout(r, slow.delayMs));
    const failing = faults.find((f) => f.kind === '500' || f.kind === '503' || f.kind === '429');
    if (failing) {
      sendJson(res, Number(failing.kind), { message: 'Error', errors: [] });
      log('oauth', `${method} ${path}`);
      return;
    }
    const r = await handleOauth(state, req, url, res);
    if (r) {
      log('oauth', r.route);
      return;
    }
  }
  if (method === 'GET' && handlePage(state, url, res)) {
    log('page', `GET ${path.replace(/\/\d+/g, '/{id}')}`);
    return;
  }
  sendHtml(res, 404, simplePage('Not found | Strava', '<h1>Page not found</h1>'));
}
