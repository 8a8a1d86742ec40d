// npm run eval:classify -- <files or folders> [--json] [--summary-only]
// Replays each athlete's labeled runs through the classifier and the naive baseline and scores
// both with the rules (scripts/eval/score.ts). --summary-only strips laps, splits and
// streams first, as athletes never seen are measured (list fields only).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_PROFILE } from '../lib/model/profile';
import { filesOf } from './eval/files-of';
import { type LapAgreement, lapAgreement } from './eval/lap-agreement';
import { type LabeledRun, orderRuns } from './eval/order-runs';
import { type Replay, replay } from './eval/replay';
import { KINDS, type Score, score } from './eval/score';
import { summaryOnly } from './eval/summary-only';

const fmt = (x: number) => x.toFixed(3);

function printScore(label: string, ours: Score, base: Score): void {
  console.log(`\n${label}: ${ours.runs} scored runs`);
  console.log('  class     precision recall  F1     | baseline P  R      F1');
  for (const k of KINDS) {
    const c = ours.perClass[k];
    const b = base.perClass[k];
    if (!c || !b) continue;
    console.log(
      `  ${k.padEnd(9)} ${fmt(c.precision)}     ${fmt(c.recall)}  ${fmt(c.f1)}  |          ${fmt(b.precision)} ${fmt(b.recall)}  ${fmt(b.f1)}   (${c.scored} runs scored)`,
    );
  }
  console.log(`  macro-F1  ${fmt(ours.macroF1)}   baseline ${fmt(base.macroF1)}`);
}

function printConfusion(s: Score): void {
  console.log('\nConfusion (rows: tag, columns: predicted), runs scored for at least one class');
  console.log(`  ${''.padEnd(9)}${KINDS.map((k) => k.padStart(9)).join('')}`);
  for (const t of KINDS) {
    console.log(
      `  ${t.padEnd(9)}${KINDS.map((p) => String(s.confusion[t][p]).padStart(9)).join('')}`,
    );
  }
}

function printLaps(name: string, a: LapAgreement): void {
  console.log(
    `\nLap structure (${name}): ${a.runs} runs with laps; laps and workout-like name agree on ${(100 * a.agreement).toFixed(1)} %` +
      ` (both ${a.both}, laps only ${a.lapsOnly}, name only ${a.nameOnly}, neither ${a.neither})`,
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const summary = args.includes('--summary-only');
  const paths = args.filter((a) => a !== '--json' && a !== '--summary-only');
  if (paths.length === 0) {
    console.error('usage: npm run eval:classify -- <files or folders> [--json] [--summary-only]');
    process.exit(2);
  }
  const athletes: { name: string; replay: Replay }[] = [];
  for (const file of filesOf(paths)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as LabeledRun[];
    const runs = summary ? orderRuns(raw).map(summaryOnly) : orderRuns(raw);
    athletes.push({ name: basename(file), replay: replay(runs, DEFAULT_PROFILE) });
  }
  const ours = (r: Replay) => r.runs.map((x) => ({ ...x.run, predicted: x.predicted }));
  const base = (r: Replay) => r.runs.map((x) => ({ ...x.run, predicted: x.baseline }));
  const total = score(athletes.map((a) => ours(a.replay)));
  const baseline = score(athletes.map((a) => base(a.replay)));
  printScore(summary ? 'All athletes, summary fields only' : 'All athletes', total, baseline);
  printConfusion(total);
  const perAthlete = athletes.map((a) => ({ name: a.name, score: score([ours(a.replay)]) }));
  athletes.forEach((a, i) => {
    const s = perAthlete[i]!.score;
    if (s.runs === 0) {
      console.log(`\n${a.name}: ${a.replay.runs.length} runs, no class scored (too few tags)`);
      return;
    }
    printScore(a.name, s, score([base(a.replay)]));
  });
  for (const a of athletes) {
    const laps = lapAgreement(a.replay.runs);
    if (laps.runs > 0) printLaps(a.name, laps);
  }
  const classified = athletes.reduce((n, a) => n + a.replay.runs.length, 0);
  const ms = athletes.reduce((n, a) => n + a.replay.classifyMs, 0);
  const runsPerSecond = ms > 0 ? (classified * 1000) / ms : 0;
  console.log(
    `\n${classified} runs classified in ${ms.toFixed(0)} ms: ${runsPerSecond.toFixed(0)} runs/s`,
  );
  if (json) {
    const perClass = (s: Score) =>
      Object.fromEntries(
        Object.entries(s.perClass).map(([k, c]) => [
          k,
          { precision: c.precision, recall: c.recall, f1: c.f1 },
        ]),
      );
    console.log(
      JSON.stringify({
        runs: total.runs,
        macroF1: total.macroF1,
        perClass: perClass(total),
        baseline: { macroF1: baseline.macroF1, perClass: perClass(baseline) },
        runsPerSecond,
        // Athletes with no class scored (too few tags) are listed with zero runs.
        perAthlete: Object.fromEntries(
          perAthlete.map(({ name, score: s }) => [
            name,
            { runs: s.runs, macroF1: s.macroF1, perClass: perClass(s) },
          ]),
        ),
      }),
    );
  }
}

main();
