// `npm run test:faults [-- --schedules N] [--seed S] [--path P]`: N random fault schedules
// (default 1000) against one in-process simulator. The last line is always
// `faults: N schedules, L lost, D duplicated`; the exit code is 1 when any invariant failed,
// after printing the seed (and fast-check path) that replays it and the shrunk schedule.
import { startSimulator } from '../strava-sim/server';
import { checkSchedules } from './property';
import { closeAgent } from './run-schedule';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

export async function main(argv: string[]): Promise<number> {
  const numRuns = Number(flag(argv, 'schedules') ?? 1000);
  const seed = Number(flag(argv, 'seed') ?? Date.now() % 2_147_483_647);
  const path = flag(argv, 'path');
  if (!Number.isInteger(numRuns) || numRuns < 1 || !Number.isInteger(seed)) {
    console.log('usage: npm run test:faults -- [--schedules N] [--seed S] [--path P]');
    return 2;
  }
  // Two weeks of history: a reset then costs tens of ms instead of hundreds, and the whole
  // history still sits inside the six-week backfill.
  const sim = await startSimulator({ port: 0, seed: 11, weeks: 2 });
  const started = performance.now();
  console.log(`fault schedules: ${numRuns}, seed ${seed}${path ? `, path ${path}` : ''}`);
  const step = Math.max(1, Math.round(numRuns / 10));
  try {
    const out = await checkSchedules(sim, {
      numRuns,
      seed,
      path,
      onProgress(done, t) {
        if (done % step === 0) {
          const s = ((performance.now() - started) / 1000).toFixed(0);
          console.log(
            `  ${done}/${numRuns} schedules, ${t.lost} lost, ${t.duplicated} duplicated; ${t.passes} passes (${t.died} killed), ${t.requests} API requests (${s} s)`,
          );
        }
      },
    });
    const ends = Object.entries(out.outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`);
    console.log(`passes ended: ${ends.join(', ')}`);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`wall time: ${secs} s`);
    if (out.failed) {
      console.log('FAILED: an invariant does not hold.');
      console.log(
        `replay: npm run test:faults -- --seed ${out.seed}${out.path ? ` --path ${out.path}` : ''}`,
      );
      console.log(`shrunk schedule: ${JSON.stringify(out.counterexample)}`);
      const seen = out.result?.violations.length ? out.result.violations : [out.error ?? 'unknown'];
      for (const v of seen) console.log(`  - ${v}`);
    }
    console.log(
      `faults: ${out.schedules} schedules, ${out.lost} lost, ${out.duplicated} duplicated`,
    );
    return out.failed ? 1 : 0;
  } finally {
    closeAgent(sim);
    await sim.stop();
  }
}
