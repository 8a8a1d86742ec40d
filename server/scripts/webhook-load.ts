// The bench's load generator, in its own process so that its work does not sit on the broker's
// event loop: POSTs Strava-shaped webhook events at a fixed rate with autocannon and prints one
// JSON line with the latency percentiles.
// Arguments: url subscriptionId athleteIds(csv) rate seconds connections.
import autocannon from 'autocannon';

const [url, subscriptionArg, athletesArg, rateArg, secondsArg, connectionsArg] =
  process.argv.slice(2);
if (!url || !subscriptionArg || !athletesArg) {
  console.error(
    'usage: webhook-load URL SUBSCRIPTION_ID ATHLETE_IDS [RATE] [SECONDS] [CONNECTIONS]',
  );
  process.exit(2);
}
const athleteIds = athletesArg.split(',').map(Number);
const subscriptionId = Number(subscriptionArg);
let sent = 0;

const result = await autocannon({
  url,
  // autocannon paces by sending one request per connection at each tick: the connection count
  // is the size of each burst of simultaneous deliveries.
  connections: Number(connectionsArg ?? 10),
  overallRate: Number(rateArg ?? 500),
  duration: Number(secondsArg ?? 10),
  requests: [
    {
      method: 'POST',
      path: '/webhook',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        sent += 1;
        // Every tenth delivery repeats the one before it, as Strava's retries do.
        const n = sent % 10 === 0 ? sent - 1 : sent;
        const event = {
          object_type: 'activity',
          aspect_type: n % 7 === 0 ? 'update' : 'create',
          object_id: 5_000_000_000 + n,
          owner_id: athleteIds[n % athleteIds.length],
          subscription_id: subscriptionId,
          event_time: 1_780_000_000 + n,
          updates: n % 7 === 0 ? { title: 'renamed' } : {},
        };
        return { ...request, body: JSON.stringify(event) };
      },
    },
  ],
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
