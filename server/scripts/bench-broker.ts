// `npm run bench:broker -- --json`: the broker's share of issue 22's measurements, on loopback.
// 1. connects --athletes runners through the real OAuth path (fake Strava over HTTP);
// 2. webhookP99Ms: webhook intake at --rate events/s for --seconds from a separate process, in
//    bursts of --connections simultaneous deliveries (10% of them repeats, as Strava retries);
// 3. stravaRequestsPerAthleteDay: a simulated day after the connect day (one run each, some
//    edited), the extension's part played as designed: poll /events, then /token and one detail
//    fetch per new or edited activity; every request to Strava counts, refreshes included;
// 4. refreshRaces: bursts of concurrent /token calls per athlete across two broker instances on
//    one database, counting athletes refreshed more than once.
// 5. eventToPlanMedianS: through the real hosted extension in Chromium, for a few runners
//    (scripts/bench-event-to-plan.ts at the root, run after the rest so it loads nothing else).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { type Broker, createBroker } from '../src/broker.ts';
import { loadConfig } from '../src/config.ts';
import type { StravaEndpoint } from '../src/strava-client.ts';
import { createFakeStrava } from '../test/support/fake-strava.ts';
import { CHROMIUM_REDIRECT, testEnv } from '../test/support/test-broker.ts';
import { openTestDatabase } from '../test/support/test-database.ts';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    athletes: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const athleteCount = Number(args.athletes);
const say = (line: string) => {
  if (!args.json) console.log(line);
  else console.error(line);
};

// One clock for Strava and the broker's token checks, run ahead to simulate hours.
let offsetS = 0;
const simNowS = () => Math.floor(Date.now() / 1000 + offsetS);

// A deterministic day: the same runs every time the bench runs.
let seed = 22;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

function listen(fetchHandler: (request: Request, env: unknown) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve(
      { fetch: fetchHandler, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) =>
        resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const fake = createFakeStrava({
  clientId: '4242',
  clientSecret: 'fake-client-secret',
  callbackFetch: fetch,
});
fake.settings.nowS = simNowS;
const stravaServer = await listen((request) => fake.app.fetch(request));

let handlers: Broker[] = [];
const brokerA = await listen((request, env) => handlers[0]!.app.fetch(request, env));
const brokerB = await listen((request, env) => handlers[1]!.app.fetch(request, env));

const config = loadConfig(
  testEnv({
    PUBLIC_URL: brokerA.url,
    STRAVA_BASE_URL: stravaServer.url,
    RATE_LIMIT_EXEMPT_LOOPBACK: 'on',
    // The poll measurement sends each session far more than an extension would.
    RATE_LIMIT_PER_SESSION: '1000000',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
  }),
);
const database = await openTestDatabase();
const stravaRequests = new Map<number, number>();
const onStravaRequest = (_endpoint: StravaEndpoint, athleteId: number | null) => {
  if (athleteId !== null) stravaRequests.set(athleteId, (stravaRequests.get(athleteId) ?? 0) + 1);
};
const makeBroker = () =>
  createBroker({
    config,
    db: database.db,
    onStravaRequest,
    log: () => {},
    tokenVault: { nowS: simNowS },
  });
handlers = [makeBroker(), makeBroker()];
const subscription = await handlers[0]!.ensureSubscription();
await handlers[1]!.ensureSubscription();

// 1. Connect.
type Runner = { session: string; athleteId: number; cursor: number };
async function connectOne(): Promise<Runner> {
  const query = new URLSearchParams({ redirect_uri: CHROMIUM_REDIRECT, state: 'bench' });
  const start = await fetch(`${brokerA.url}/connect?${query}`, { redirect: 'manual' });
  const approved = await fetch(start.headers.get('Location')!, { redirect: 'manual' });
  const done = await fetch(approved.headers.get('Location')!, { redirect: 'manual' });
  const fragment = new URLSearchParams(done.headers.get('Location')?.split('#')[1] ?? '');
  const session = fragment.get('session');
  if (!session) throw new Error(`connect failed: ${fragment.get('error')}`);
  return { session, athleteId: Number(fragment.get('athlete_id')), cursor: 0 };
}
const connectStarted = performance.now();
const runners: Runner[] = [];
for (let i = 0; i < athleteCount; i += 10) {
  runners.push(
    ...(await Promise.all(Array.from({ length: Math.min(10, athleteCount - i) }, connectOne))),
  );
}
say(
  `connect: ${runners.length} athletes in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s`,
);

// 2. Webhook intake under load, and the cost of the extension's minute poll, from another process.
const loadScript = fileURLToPath(new URL('./broker-load.ts', import.meta.url));
const planDir = mkdtempSync(join(tmpdir(), 'bench-broker-'));
function runLoad(plan: Record<string, unknown>): Promise<Record<string, number>> {
  const planFile = join(planDir, `${String(plan.mode)}.json`);
  writeFileSync(
    planFile,
    JSON.stringify({
      url: brokerA.url,
      subscriptionId: subscription.id,
      athleteIds: runners.map((r) => r.athleteId),
      sessions: runners.map((r) => r.session),
      ...plan,
    }),
  );
  return lastJsonLine(loadScript, [planFile]);
}

/** Runs a TypeScript script in its own process; resolves the JSON of its last output line. */
function lastJsonLine<T>(script: string, scriptArgs: string[], cwd?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...scriptArgs], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`${script} exited ${code}`)),
    );
  });
}
const load = await runLoad({
  mode: 'webhook',
  rate: Number(args.rate),
  seconds: Number(args.seconds),
  connections: Number(args.connections),
});
say(`webhook: ${JSON.stringify(load)}`);
const polls = await runLoad({ mode: 'events', seconds: 5, connections: 10 });
say(`events polls (closed loop, 10 connections): ${JSON.stringify(polls)}`);
rmSync(planDir, { recursive: true });

// 3. The day after the connect day: every token from that day has expired.
const bearer = (session: string) => ({ Authorization: `Bearer ${session}` });
async function extensionPoll(runner: Runner): Promise<void> {
  const response = await fetch(`${brokerA.url}/events?after=${runner.cursor}`, {
    headers: bearer(runner.session),
  });
  if (!response.ok)
    throw new Error(`/events answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as {
    events: { object_id: number; aspect_type: string }[];
    cursor: number;
  };
  runner.cursor = body.cursor;
  const named = body.events.filter((e) => e.aspect_type !== 'delete');
  if (named.length === 0) return;
  const token = await fetch(`${brokerA.url}/token`, {
    method: 'POST',
    headers: bearer(runner.session),
  });
  if (!token.ok) throw new Error(`/token answered ${token.status}: ${await token.text()}`);
  const { access_token } = (await token.json()) as { access_token: string };
  for (const event of named) {
    await fetch(`${stravaServer.url}/api/v3/activities/${event.object_id}`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
  }
}
for (const runner of runners) await extensionPoll(runner); // catch up on the load's events
stravaRequests.clear();
const detailsBefore = new Map(runners.map((r) => [r.athleteId, fake.detailFetchesOf(r.athleteId)]));
const dayStartS = 24 * 3600;
const day: { atS: number; runner: Runner; aspect: 'create' | 'update'; objectId: number }[] = [];
runners.forEach((runner, i) => {
  const runAt = (6 + random() * 14) * 3600;
  const objectId = 7_000_000_000 + i;
  day.push({ atS: runAt, runner, aspect: 'create', objectId });
  if (random() < 0.3)
    day.push({ atS: runAt + (0.2 + random() * 3) * 3600, runner, aspect: 'update', objectId });
});
day.sort((a, b) => a.atS - b.atS);
for (const item of day) {
  offsetS = dayStartS + item.atS;
  await fake.deliver({
    object_type: 'activity',
    aspect_type: item.aspect,
    object_id: item.objectId,
    owner_id: item.runner.athleteId,
    event_time: simNowS(),
    ...(item.aspect === 'update' ? { updates: { title: 'Renamed' } } : {}),
  });
  await extensionPoll(item.runner);
}
let brokerToStrava = 0;
let extensionToStrava = 0;
for (const runner of runners) {
  brokerToStrava += stravaRequests.get(runner.athleteId) ?? 0;
  extensionToStrava +=
    fake.detailFetchesOf(runner.athleteId) - (detailsBefore.get(runner.athleteId) ?? 0);
}
const perAthlete = (n: number) => Math.round((n / runners.length) * 100) / 100;
say(
  `day: ${day.length} events; Strava requests per athlete: broker ${perAthlete(brokerToStrava)} (refreshes), ` +
    `extension ${perAthlete(extensionToStrava)} (detail fetches)`,
);

// 4. Refresh races: 7 h later every token needs a refresh; 10 concurrent /token per athlete,
// half to each broker instance.
offsetS += 7 * 3600;
const raced = runners.slice(0, Math.min(200, runners.length));
let refreshRaces = 0;
let tokenErrors = 0;
for (let i = 0; i < raced.length; i += 20) {
  const batch = raced.slice(i, i + 20);
  const before = batch.map((r) => fake.refreshesOf(r.athleteId));
  const statuses = await Promise.all(
    batch.flatMap((runner) =>
      Array.from({ length: 10 }, (_, k) =>
        fetch(`${k % 2 ? brokerB.url : brokerA.url}/token`, {
          method: 'POST',
          headers: bearer(runner.session),
        }).then((r) => r.status),
      ),
    ),
  );
  tokenErrors += statuses.filter((s) => s !== 200).length;
  batch.forEach((runner, k) => {
    if (fake.refreshesOf(runner.athleteId) - before[k]! > 1) refreshRaces += 1;
  });
}
say(
  `races: ${raced.length} athletes x 10 concurrent /token over 2 instances, ${tokenErrors} errors`,
);

brokerA.close();
brokerB.close();
stravaServer.close();
await database.close();

// 5. Webhook delivered → the extension has the stored plan, in Chromium.
const eventToPlan = await lastJsonLine<{ eventToPlanMedianS: number; samples: number[] }>(
  fileURLToPath(new URL('../../scripts/bench-event-to-plan.ts', import.meta.url)),
  [],
  fileURLToPath(new URL('../..', import.meta.url)),
);
say(`event to plan (Chromium): samples ${eventToPlan.samples.join(', ')} s`);

console.log(
  JSON.stringify({
    athletes: runners.length,
    webhookP99Ms: load.p99Ms,
    eventToPlanMedianS: eventToPlan.eventToPlanMedianS,
    stravaRequestsPerAthleteDay: perAthlete(brokerToStrava + extensionToStrava),
    refreshRaces,
  }),
);
process.exit(tokenErrors === 0 && load.non2xx === 0 && polls.non2xx === 0 ? 0 : 1);
