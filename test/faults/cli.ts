// `npm run test:faults [-- --schedules N] [--seed S] [--path P]`: N random fault schedules
// (default 1000) against the real background app over in-process simulators (two weeks of
// history; a five-year one for a share of schedules). Every schedule runs and is counted; the
// first failures are printed with the seed and path that replay each alone. The last line is
// always `faults: N schedules, L lost, D duplicated, U unannounced, R reconnects, B over budget
// (K fault kinds)`; the exit code is 1 when L + D + U + R + B > 0.
import { type Simulator, startSimulator } from '../strava-sim/server';
import { checkSchedules, failuresOf } from './property';
import { closeAgent, LONG_START } from './run-schedule';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

export async function main(argv: string[]): Promise<number> {
  const path = flag(argv, 'path');
  // A path replays one schedule (fast-check would otherwise go on from it).
  const numRuns = Number(flag(argv, 'schedules') ?? (path ? 1 : 1000));
  const seed = Number(flag(argv, 'seed') ?? Date.now() % 2_147_483_647);
  if (!Number.isInteger(numRuns) || numRuns < 1 || !Number.isInteger(seed)) {
    console.log('usage: npm run test:faults -- [--schedules N] [--seed S] [--path P]');
    return 2;
  }
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  // Two weeks of history: a reset then costs tens of ms, and the whole history sits inside the
  // six-week backfill. The five-year history is generated once (seconds) and copied per reset.
  const short = await startSimulator({ port: 0, seed: 11, weeks: 2 });
  let long: Simulator | undefined;
  try {
    long = await startSimulator({
      port: 0,
      seed: 11,
      weeks: 260,
      reuseHistory: true,
      now: () => LONG_START,
    });
    console.log(
      `fault schedules: ${numRuns}, seed ${seed}${path ? `, path ${path}` : ''} (simulators ready in ${secs()} s)`,
    );
    const step = Math.max(1, Math.round(numRuns / 10));
    const out = await checkSchedules(
      { short, long },
      {
        numRuns,
        seed,
        path,
        onProgress(done, t) {
          if (done % step === 0) {
            console.log(
              `  ${done}/${numRuns} schedules, ${t.lost} lost, ${t.duplicated} duplicated, ${t.unannounced} unannounced, ${t.reconnects} reconnects, ${t.overBudget} over budget; ${t.passes} passes (${t.died} killed), ${t.requests} API requests (${secs()} s)`,
            );
          }
        },
      },
    );
    const ends = Object.entries(out.outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`);
    console.log(`passes ended: ${ends.join(', ')}`);
    for (const f of out.failures) {
      console.log(
        `FAILED schedule, replay: npm run test:faults -- --seed ${out.seed} --path ${f.path}`,
      );
      console.log(`  schedule: ${JSON.stringify(f.schedule)}`);
      for (const v of f.result.violations.slice(0, 12)) console.log(`  - ${v}`);
    }
    const shapes = Object.entries(out.shapes).sort((a, b) => b[1] - a[1]);
    if (shapes.length) console.log('failures by shape:');
    for (const [shape, n] of shapes.slice(0, 15)) console.log(`  ${n} × ${shape}`);
    console.log(`stale records and plans: ${out.stale} (counted in lost)`);
    console.log(
      `excused reconnects: ${out.excusedReconnects} (after the schedule revoked access or stopped the worker before a rotated token was stored)`,
    );
    const kinds = Object.entries(out.kinds).sort((a, b) => a[0].localeCompare(b[0]));
    console.log(`fault kinds that occurred (schedules):`);
    for (const [k, n] of kinds) console.log(`  ${k} (${n})`);
    console.log(`wall time: ${secs()} s`);
    console.log(
      `faults: ${out.schedules} schedules, ${out.lost} lost, ${out.duplicated} duplicated, ${out.unannounced} unannounced, ${out.reconnects} reconnects, ${out.overBudget} over budget (${kinds.length} fault kinds)`,
    );
    return failuresOf(out) > 0 ? 1 : 0;
  } finally {
    closeAgent(short);
    await short.stop();
    if (long) {
      closeAgent(long);
      await long.stop();
    }
  }
}
