// classifier: {runsPerSecond, macroF1, baselineMacroF1} on ../shared/labeled-runs/, with the
// classifier evaluation's own replay and scoring (scripts/eval). runs/s is over the whole replay
// of every athlete (classifier, history bookkeeping and the baseline), wall time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '../../lib/model/profile';
import { type LabeledRun, orderRuns } from '../eval/order-runs';
import { type Replay, replay } from '../eval/replay';
import { score } from '../eval/score';

interface ClassifierFigures {
  runsPerSecond: number;
  macroF1: number;
  baselineMacroF1: number;
}

export interface ClassifierReport {
  figures: ClassifierFigures;
  athletes: number;
  runs: number;
  scoredRuns: number;
  replayMs: number;
  /** Time inside the classifier alone (what eval:classify reports as runs/s). */
  classifyMs: number;
}

/** Null, with one printed line, when the folder is absent (no ../shared beside the clone). */
export function classifierFigures(
  folder: string,
  log: (line: string) => void = console.log,
): ClassifierReport | null {
  if (!existsSync(folder)) {
    log(`classifier: skipped, ${folder} is absent (measured where ../shared is beside the clone)`);
    return null;
  }
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const athletes = files.map((f) =>
    orderRuns(JSON.parse(readFileSync(join(folder, f), 'utf8')) as LabeledRun[]),
  );
  const t0 = performance.now();
  const replays: Replay[] = athletes.map((runs) => replay(runs, DEFAULT_PROFILE));
  const replayMs = performance.now() - t0;
  const runs = replays.reduce((n, r) => n + r.runs.length, 0);
  const ours = score(replays.map((r) => r.runs.map((x) => ({ ...x.run, predicted: x.predicted }))));
  const base = score(replays.map((r) => r.runs.map((x) => ({ ...x.run, predicted: x.baseline }))));
  return {
    figures: {
      runsPerSecond: replayMs > 0 ? (runs * 1000) / replayMs : 0,
      macroF1: ours.macroF1,
      baselineMacroF1: base.macroF1,
    },
    athletes: files.length,
    runs,
    scoredRuns: ours.runs,
    replayMs,
    classifyMs: replays.reduce((n, r) => n + r.classifyMs, 0),
  };
}

export function printClassifier(r: ClassifierReport): void {
  const f = r.figures;
  console.log(
    `\nClassifier on labeled runs (${r.athletes} athletes, ${r.runs} runs, ${r.scoredRuns} scored)`,
  );
  console.log(
    `  macro-F1 ${f.macroF1.toFixed(3)}, naive baseline ${f.baselineMacroF1.toFixed(3)}; ` +
      `${f.runsPerSecond.toFixed(0)} runs/s over the whole replay (${r.replayMs.toFixed(0)} ms; ` +
      `classifier alone ${((r.runs * 1000) / Math.max(r.classifyMs, 1e-9)).toFixed(0)} runs/s)`,
  );
}
