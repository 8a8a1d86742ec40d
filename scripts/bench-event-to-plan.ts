// eventToPlanMedianS for `npm run bench:broker` (issue 22): through the real hosted extension in
// Chromium, for a few runners at once, each with its own broker (server/src, in-memory PGlite)
// and simulated Strava. Each runner connects in one click, then uploads runs at random moments;
// a sample is the time from the webhook's delivery (the broker answered Strava's POST) until
// the extension's IndexedDB holds that run's plan. The extension's event poll runs on its own
// minute alarm, as shipped. Last line: one JSON object.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrokerOnSim } from '../test/e2e/broker-on-sim.ts';
import { type ExtensionBrowser, launchBrowser } from '../test/e2e/browser.ts';
import { connectThroughOptions } from '../test/e2e/connect.ts';
import { extensionIdOf, HOSTED_BUILD_DIR, HOSTED_MANIFEST_KEY } from '../test/e2e/hosted-build.ts';
import { readExtensionRecord } from '../test/e2e/read-extension-db.ts';

const { values: args } = parseArgs({
  options: {
    runners: { type: 'string', default: '3' },
    uploads: { type: 'string', default: '2' },
  },
});
const say = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, read: () => Promise<T | null>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const build = spawnSync(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./build-hosted.ts', import.meta.url))],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (build.status !== 0) throw new Error('the hosted build failed');

// Deterministic moments: the same upload schedule every time.
let seed = 2211;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

async function runner(index: number, uploads: number): Promise<number[]> {
  const env = await startBrokerOnSim({
    serve: true,
    extensionIds: [extensionIdOf(HOSTED_MANIFEST_KEY)],
    sim: { seed: 40 + index, weeks: 2 },
  });
  let browser: ExtensionBrowser | undefined;
  const samples: number[] = [];
  try {
    browser = await launchBrowser({
      simPort: env.sim.port,
      brokerPort: env.port ?? 0,
      buildDir: HOSTED_BUILD_DIR,
    });
    const b = browser;
    const options = await connectThroughOptions(b, { hosted: true });
    await until(
      'the connection',
      async () => (/Connected as/.test(await options.locator('main').innerText()) ? true : null),
      30_000,
    );
    const delays = Array.from({ length: uploads }, () => 5_000 + random() * 60_000);
    for (const delay of delays) {
      await sleep(delay);
      const { id } = env.sim.finishRun({ kind: 'easy' });
      await env.sim.push.settled();
      const delivered = performance.now();
      if (env.sim.push.deliveries.at(-1)?.status !== 200) throw new Error('webhook not accepted');
      await until(
        `run ${id}'s plan`,
        async () =>
          (await readExtensionRecord<{ plan: unknown }>(b.worker, 'bounceback-runs', id))?.plan ??
          null,
        150_000,
      );
      const s = (performance.now() - delivered) / 1000;
      samples.push(s);
      say(`runner ${index + 1}: run ${id} planned ${s.toFixed(1)} s after its webhook`);
    }
  } finally {
    await browser?.close();
    await env.stop();
  }
  return samples;
}

const runners = Number(args.runners);
const all = (
  await Promise.all(Array.from({ length: runners }, (_, i) => runner(i, Number(args.uploads))))
).flat();
const sorted = [...all].sort((a, b) => a - b);
const mid = sorted.length / 2;
const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
console.log(
  JSON.stringify({
    runners,
    samples: all.map((s) => Math.round(s * 10) / 10),
    eventToPlanMedianS: Math.round(median * 10) / 10,
  }),
);
process.exit(0);
