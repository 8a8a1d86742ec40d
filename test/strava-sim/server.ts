// startSimulator(): a local HTTPS server that answers as www.strava.com (and the announced
// www.api-v3.strava.com). It binds 127.0.0.1 only and opens no outbound connection.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { makeAthleteProfile } from './athlete-profile.ts';
import { makeCert } from './cert.ts';
import { createClock, type SimClock } from './clock.ts';
import { sendHtml, sendJson } from './http.ts';
import { handlePage, simplePage } from './pages.ts';
import { createPrng } from './prng.ts';
import { type RequestLogEntry, SimState } from './state.ts';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seed of the generated athlete (default 1). */
  seed?: number;
  /** Base of the sim clock, epoch ms (default Date.now); set/advance shift it. */
  now?: () => number;
  /** A labeled-runs JSON file to serve instead of the generated history. */
  athleteFile?: string;
}

export interface Simulator {
  port: number;
  /** https://127.0.0.1:PORT */
  origin: string;
  certPem: string;
  clock: SimClock;
  state: SimState;
  requestLog: RequestLogEntry[];
  stop(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const { certPem, keyPem } = await makeCert();
  const clock = createClock(opts.now);
  const seed = opts.seed ?? 1;
  let state: SimState | undefined;

  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    if (!state) return sendJson(res, 503, { message: 'starting' });
    handle(state, req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { message: 'Error', errors: [{ detail: String(err) }] });
      else res.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // TLS sockets also pass through 'secureConnection'; tracking the raw sockets is enough.

  const port = await listen(server, opts.port ?? 0);
  const origin = `https://127.0.0.1:${port}`;
  state = new SimState(
    clock,
    makeAthleteProfile(createPrng(seed), origin, new Date(clock.now())),
    [],
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

async function handle(state: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://www.strava.com');
  if (req.method === 'GET' && handlePage(state, url, res)) return;
  sendHtml(res, 404, simplePage('Not found | Strava', '<h1>Page not found</h1>'));
}
