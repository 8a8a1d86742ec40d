// One broker (or several on one database) wired to the fake Strava in-process: requests go
// through each app's fetch, no sockets, so a test file runs in well under a second after start.
import { type SQL, sql } from 'drizzle-orm';
import { type Broker, createBroker } from '../../src/broker.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Database, OpenDatabase } from '../../src/database.ts';
import { createFakeStrava } from './fake-strava.ts';
import { openTestDatabase } from './test-database.ts';

export const CHROMIUM_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const FIREFOX_ID = 'bounceback@example.org';
export const CHROMIUM_REDIRECT = `https://${CHROMIUM_ID}.chromiumapp.org/`;
export const PUBLIC_URL = 'https://broker.bounceback.test';

export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    STRAVA_CLIENT_ID: '4242',
    STRAVA_CLIENT_SECRET: 'fake-client-secret',
    PUBLIC_URL,
    WEBHOOK_VERIFY_TOKEN: 'verify-token-for-tests',
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ALLOWED_EXTENSION_IDS: `${CHROMIUM_ID},${FIREFOX_ID}`,
    STRAVA_BASE_URL: 'https://strava.fake',
    LOG_REQUESTS: 'off',
    ...overrides,
  };
}

export type Connection = { session: string; athleteId: number; fragment: URLSearchParams };

export type TestBroker = Awaited<ReturnType<typeof startTestBroker>>;

export async function startTestBroker(
  options: { env?: Record<string, string>; log?: (line: string) => void } = {},
) {
  const config: Config = loadConfig(testEnv(options.env));
  const database: OpenDatabase = await openTestDatabase();
  const instances: Broker[] = [];
  // The fake's deliveries land on the first instance, as behind one balancer address.
  const fake = createFakeStrava({
    clientId: config.stravaClientId,
    clientSecret: config.stravaClientSecret,
    callbackFetch: (url, init) => Promise.resolve(instances[0]!.app.fetch(new Request(url, init))),
  });

  const addInstance = async (): Promise<Broker> => {
    const broker = createBroker({
      config,
      db: database.db,
      fetch: fake.fetch,
      log: options.log ?? (() => {}),
      clientAddress: (c) => c.req.header('X-Test-Address') ?? '203.0.113.5',
    });
    instances.push(broker);
    await broker.ensureSubscription();
    return broker;
  };
  const first = await addInstance();

  const request = (path: string, init?: RequestInit, broker: Broker = first) =>
    Promise.resolve(broker.app.fetch(new Request(`${PUBLIC_URL}${path}`, init)));

  const call = (path: string, session: string, init: RequestInit = {}, broker: Broker = first) =>
    request(
      path,
      { ...init, headers: { Authorization: `Bearer ${session}`, ...init.headers } },
      broker,
    );

  /** The whole one-click flow: /connect → Strava's authorize → /callback → the extension. */
  async function connect(
    redirectUri = CHROMIUM_REDIRECT,
    state = 'ext-state',
  ): Promise<Connection> {
    const start = await request(
      `/connect?${new URLSearchParams({ redirect_uri: redirectUri, state })}`,
    );
    if (start.status !== 302) throw new Error(`/connect answered ${start.status}`);
    const approved = await fake.fetch(start.headers.get('Location')!);
    const callback = new URL(approved.headers.get('Location')!);
    const done = await request(callback.pathname + callback.search);
    const location = done.headers.get('Location') ?? '';
    const fragment = new URLSearchParams(location.split('#')[1] ?? '');
    return {
      session: fragment.get('session') ?? '',
      athleteId: Number(fragment.get('athlete_id')),
      fragment,
    };
  }

  return {
    config,
    db: database.db,
    fake,
    broker: first,
    addInstance,
    request,
    call,
    connect,
    close: () => database.close(),
  };
}

/** Raw rows, as the database holds them (both drivers answer with `rows`). */
export async function rawRows(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

/** How many rows anywhere in the broker still name this athlete. */
export async function rowsNaming(db: Database, athleteId: number): Promise<number> {
  const rows = await rawRows(
    db,
    sql`
    select (select count(*) from athletes where id = ${athleteId})
         + (select count(*) from strava_tokens where athlete_id = ${athleteId})
         + (select count(*) from sessions where athlete_id = ${athleteId})
         + (select count(*) from webhook_events where athlete_id = ${athleteId}) as n`,
  );
  return Number(rows[0]?.n);
}
