// npm run bench [-- --json]: every speed and size figure the project claims, from one command.
// With --json the last line printed is one JSON object with fixed keys (null until measured).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleSizes } from './bench/bundle-sizes';

const json = process.argv.includes('--json');

interface BenchResult {
  bundles: ReturnType<typeof bundleSizes>;
  pageLoadRatio: number | null;
  panelVisibleMs: number | null;
  popupFirstPaintMs: number | null;
  apiRequestsPerDay: number | null;
  detectionLatencyS: number | null;
  swWakeToBadgeMs: { cold: number | null; warm: number | null };
  classifier: {
    runsPerSecond: number | null;
    macroF1: number | null;
    baselineMacroF1: number | null;
  };
}

function main(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: json ? 'ignore' : 'inherit' });
  const bundles = bundleSizes(resolve('.output/chrome-mv3'));
  const result: BenchResult = {
    bundles,
    pageLoadRatio: null,
    panelVisibleMs: null,
    popupFirstPaintMs: null,
    apiRequestsPerDay: null,
    detectionLatencyS: null,
    swWakeToBadgeMs: { cold: null, warm: null },
    classifier: { runsPerSecond: null, macroF1: null, baselineMacroF1: null },
  };
  console.log('bundle        raw bytes   gzip bytes');
  for (const [name, s] of Object.entries(bundles)) {
    console.log(`${name.padEnd(12)}${String(s.raw).padStart(10)}${String(s.gzip).padStart(13)}`);
  }
  if (json) console.log(JSON.stringify(result));
}

main();
