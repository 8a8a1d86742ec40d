// The real broker (server/src, in-memory PGlite) with the simulator as its Strava: the broker's
// Strava calls go to the simulator, the simulator's webhook deliveries and handshake come back to
// the broker in process, and (for Chromium) the broker is also served over HTTPS on loopback,
// reached as broker.bounceback.test through --host-resolver-rules.
import type { Server } from 'node:https';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Identity } from '../../lib/strava/connect';
import type { Fetch } from '../../lib/strava/request';
import { type Broker, createBroker } from '../../server/src/broker.ts';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/database.ts';
import { rowsNaming } from '../../server/test/support/test-broker.ts';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../strava-sim/app-config';
import { makeCert } from '../strava-sim/cert';
import { type Simulator, type SimulatorOptions, startSimulator } from '../strava-sim/server';
import { simFetch } from '../strava-sim/sim-fetch';
import { simIdentity } from '../strava-sim/sim-identity';

export const BROKER_URL = 'https://broker.bounceback.test';
/** The id simIdentity's redirect URL names (Node tests); Chromium's comes from the manifest key. */
const NODE_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

export interface BrokerOnSim {
  sim: Simulator;
  broker: Broker;
  /** Loopback port of the HTTPS broker (serve: true). */
  port: number | null;
  /** fetch as the extension would do it: the broker's host and Strava's, both in process. */
  extensionFetch: Fetch;
  /** browser.identity over the broker's /connect and the simulator's approval page. */
  identity(): Identity;
  /** Rows anywhere in the broker's database that name this athlete. */
  rowsNaming(athleteId: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startBrokerOnSim(
  opts: { extensionIds?: string[]; serve?: boolean; sim?: SimulatorOptions } = {},
): Promise<BrokerOnSim> {
  let broker: Broker | undefined;
  const toBroker: Fetch = async (input, init) => {
    if (!broker) throw new Error('broker not started');
    return broker.app.fetch(new Request(input, init));
  };
  const sim = await startSimulator({
    port: 0,
    ...opts.sim,
    callbackFetch: toBroker,
    callbackDomains: [new URL(BROKER_URL).hostname],
  });
  const stravaFetch = simFetch(sim);
  const config = loadConfig({
    STRAVA_CLIENT_ID: DEFAULT_CLIENT_ID,
    STRAVA_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
    PUBLIC_URL: BROKER_URL,
    WEBHOOK_VERIFY_TOKEN: 'verify-token-for-the-e2e',
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    ALLOWED_EXTENSION_IDS: (opts.extensionIds ?? [NODE_EXTENSION_ID]).join(','),
    PGLITE_DIR: 'memory',
    RATE_LIMIT_EXEMPT_LOOPBACK: 'on',
    LOG_REQUESTS: 'off',
  });
  const database = await openDatabase({ pgliteDir: 'memory' });
  broker = createBroker({
    config,
    db: database.db,
    fetch: (input, init) => stravaFetch(String(input), init),
    log: () => {},
    clientAddress: () => '127.0.0.1',
  });
  await broker.ensureSubscription();

  let server: Server | null = null;
  let port: number | null = null;
  if (opts.serve) {
    const { certPem, keyPem } = await makeCert();
    const b = broker;
    server = serve({
      fetch: (request) => b.app.fetch(request),
      port: 0,
      hostname: '127.0.0.1',
      createServer,
      serverOptions: { cert: certPem, key: keyPem },
    }) as Server;
    await new Promise<void>((resolve) => server?.once('listening', () => resolve()));
    port = (server.address() as AddressInfo).port;
  }

  const extensionFetch: Fetch = (input, init) =>
    new URL(input).origin === BROKER_URL ? toBroker(input, init) : stravaFetch(input, init);

  return {
    sim,
    broker,
    port,
    extensionFetch,
    identity: () => {
      const strava = simIdentity(sim);
      return {
        getRedirectURL: strava.getRedirectURL,
        async launchWebAuthFlow({ url, interactive }) {
          // /connect → Strava's approval page → /callback → back to the extension.
          const start = await toBroker(url);
          const authorize = start.headers.get('Location');
          if (start.status !== 302 || !authorize) throw new Error('broker refused /connect');
          const callback = await strava.launchWebAuthFlow({ url: authorize, interactive });
          if (!callback) throw new Error('Strava did not redirect');
          const done = await toBroker(callback);
          return done.headers.get('Location') ?? undefined;
        },
      };
    },
    rowsNaming: (athleteId) => rowsNaming(database.db, athleteId),
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
      await sim.stop();
      await database.close();
    },
  };
}
