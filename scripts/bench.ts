// npm run bench [-- --json] [-- --only node]: every speed and size figure the project claims,
// from one command. With --json the last line printed is one JSON object with fixed keys (null
// until measured). --only node skips the build (bundles is then null) and runs the Node figures.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSizes } from './bench/bundle-sizes';

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface BenchResult {
  bundles: ReturnType<typeof bundleSizes> | null;
  pageLoadRatio: number | null;
  panelVisibleMs: number | null;
  popupFirstPaintMs: number | null;
  apiRequestsPerDay: number | null;
  detectionLatencyS: number | null;
  oldActivityViewRequests: number | null;
  hostilePageRequests: number | null;
  swWakeToBadgeMs: { cold: number | null; warm: number | null };
  classifier: {
    runsPerSecond: number | null;
    macroF1: number | null;
    baselineMacroF1: number | null;
  };
}

function bundles(): BenchResult['bundles'] {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: json ? 'ignore' : 'inherit' });
  const sizes = bundleSizes(resolve(root, '.output/chrome-mv3'));
  console.log('bundle        raw bytes   gzip bytes');
  for (const [name, s] of Object.entries(sizes)) {
    console.log(`${name.padEnd(12)}${String(s.raw).padStart(10)}${String(s.gzip).padStart(13)}`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (only !== undefined && only !== 'node')
    throw new Error(`--only ${only}: only "node" is known`);
  const result: BenchResult = {
    bundles: only === 'node' ? null : bundles(),
    pageLoadRatio: null,
    panelVisibleMs: null,
    popupFirstPaintMs: null,
    apiRequestsPerDay: null,
    detectionLatencyS: null,
    oldActivityViewRequests: null,
    hostilePageRequests: null,
    swWakeToBadgeMs: { cold: null, warm: null },
    classifier: { runsPerSecond: null, macroF1: null, baselineMacroF1: null },
  };
  if (only !== 'node') {
    // Real Chromium first, before the Node figures put a fake browser on the globals.
    const { measureBrowserFigures } = await import('./bench/browser-figures');
    const b = await measureBrowserFigures(20);
    console.log('');
    for (const line of b.lines) console.log(line);
    result.pageLoadRatio = b.pageLoadRatio;
    result.panelVisibleMs = b.panelVisibleMs;
    result.popupFirstPaintMs = b.popupFirstPaintMs;
    result.swWakeToBadgeMs = b.swWakeToBadgeMs;
  }
  // The background's code under Node needs the fake browser in place before it loads.
  await import('./bench/node-extension-env');
  const { apiDay, printDay } = await import('./bench/api-day');
  const { detectionLatency, printLatency } = await import('./bench/detection-latency');
  const { classifierFigures, printClassifier } = await import('./bench/classifier-figures');
  const { panelViews, printPanelViews } = await import('./bench/panel-views');

  const day = await apiDay();
  printDay(day);
  result.apiRequestsPerDay = day.total;
  const latency = await detectionLatency();
  printLatency(latency);
  result.detectionLatencyS = Number(latency.maxS.toFixed(1));
  const views = await panelViews();
  printPanelViews(views);
  result.oldActivityViewRequests = views.oldActivityViewRequests;
  result.hostilePageRequests = views.hostilePageRequests;
  const classifier = classifierFigures(resolve(root, '../shared/labeled-runs'));
  if (classifier) {
    printClassifier(classifier);
    const f = classifier.figures;
    result.classifier = {
      runsPerSecond: Math.round(f.runsPerSecond),
      macroF1: Number(f.macroF1.toFixed(4)),
      baselineMacroF1: Number(f.baselineMacroF1.toFixed(4)),
    };
  }
  console.log(`\nbench wall time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (json) console.log(JSON.stringify(result));
}

await main();
