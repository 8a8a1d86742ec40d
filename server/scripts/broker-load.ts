// The bench's load generator, in its own process so that its work does not sit on the broker's
// event loop. Reads a plan (JSON file named by the one argument) and prints one JSON line with
// autocannon's figures.
// - "webhook": Strava-shaped events at a fixed rate; autocannon paces by sending one request per
//   connection at each tick, so `connections` is the size of each burst of simultaneous
//   deliveries. Every tenth delivery repeats the one before it, as Strava's retries do.
// - "events": GET /events as fast as the broker answers, spread over the runners' sessions.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { z } from 'zod';

const Plan = z.object({
  mode: z.enum(['webhook', 'events']),
  url: z.url(),
  subscriptionId: z.number().int(),
  athleteIds: z.array(z.number().int()).min(1),
  sessions: z.array(z.string()).min(1),
  rate: z.number().positive().optional(),
  seconds: z.number().positive(),
  connections: z.number().int().positive(),
});

const planFile = process.argv[2];
if (!planFile) {
  console.error('usage: broker-load PLAN.json');
  process.exit(2);
}
const plan = Plan.parse(JSON.parse(readFileSync(planFile, 'utf8')));
let sent = 0;

function webhookBody(): string {
  sent += 1;
  const n = sent % 10 === 0 ? sent - 1 : sent;
  const edit = n % 7 === 0;
  return JSON.stringify({
    object_type: 'activity',
    aspect_type: edit ? 'update' : 'create',
    object_id: 5_000_000_000 + n,
    owner_id: plan.athleteIds[n % plan.athleteIds.length],
    subscription_id: plan.subscriptionId,
    event_time: 1_780_000_000 + n,
    updates: edit ? { title: 'renamed' } : {},
  });
}

const request: autocannon.Request =
  plan.mode === 'webhook'
    ? {
        method: 'POST',
        path: '/webhook',
        headers: { 'content-type': 'application/json' },
        setupRequest: (r) => ({ ...r, body: webhookBody() }),
      }
    : {
        method: 'GET',
        path: '/events?after=0',
        setupRequest: (r) => {
          sent += 1;
          const session = plan.sessions[sent % plan.sessions.length];
          return { ...r, headers: { authorization: `Bearer ${session}` } };
        },
      };

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  ...(plan.rate ? { overallRate: plan.rate } : {}),
  duration: plan.seconds,
  requests: [request],
});

console.log(
  JSON.stringify({
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ratePerS: result.requests.average,
  }),
);
