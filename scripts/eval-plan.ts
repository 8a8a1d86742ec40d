// npm run -s eval:plan -- <files or folders> [--json]
// Runs the product's classifier, planner and verdict over scenario files (the contract is in
// scripts/eval/plan-scenario.ts and the README). Bad scenarios are reported on stderr as
// `eval:plan: <name>: <field>: <problem>`, left out, and make the command exit 1.
import { readFileSync } from 'node:fs';
import { loadContext } from '../lib/recovery/load';
import { filesOf } from './eval/files-of';
import {
  runScenario,
  type Scenario,
  type ScenarioResult,
  ScenarioSchema,
} from './eval/plan-scenario';

/** The pace-to-heart-rate calibration a file's runners get (the median runner's). */
function calibrationLine(file: string, scenarios: readonly Scenario[]): string {
  const ratios = scenarios
    .map((s) => loadContext(s.history, Date.parse(s.run.start_date), s.profile, s.checkIns))
    .filter((c) => c.calibration.iqr !== null)
    .map((c) => c.calibration);
  if (!ratios.length)
    return `eval:plan: ${file}: calibration: no runner with enough runs that have heart rate and pace (literature default 1)`;
  const med = ratios.map((c) => c.ratio).sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  const lo = Math.min(...ratios.map((c) => c.iqr![0]));
  const hi = Math.max(...ratios.map((c) => c.iqr![1]));
  return `eval:plan: ${file}: calibration: median ratio ${med.toFixed(2)}, IQR ${lo.toFixed(2)}–${hi.toFixed(2)} (${ratios.length} runners)`;
}

function table(results: readonly ScenarioResult[]): void {
  const head = ['scenario', 'kind', 'race', 'ready in', 'ready at', 'up front', 'verdicts'];
  const rows = results.map((r) => [
    r.name,
    r.kind,
    r.race ? 'yes' : '',
    `${r.readyInHours} h`,
    r.readyAt.slice(0, 16).replace('T', ' '),
    r.upFront.join(', '),
    r.verdicts.map((v) => `${v.at.slice(5, 16).replace('T', ' ')} ${v.verdict}`).join('; '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const r of results) for (const w of r.warnings) console.log(`  ${r.name}: warning: ${w}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  if (paths.length === 0) {
    console.error('usage: npm run -s eval:plan -- <files or folders> [--json]');
    process.exit(2);
  }
  let failed = false;
  const results: ScenarioResult[] = [];
  const started = performance.now();
  for (const file of filesOf(paths)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`eval:plan: ${file}: file: ${(e as Error).message}`);
      failed = true;
      continue;
    }
    if (!Array.isArray(raw)) {
      console.error(`eval:plan: ${file}: file: not an array of scenarios`);
      failed = true;
      continue;
    }
    const valid: Scenario[] = [];
    raw.forEach((item, i) => {
      const name =
        item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string'
          ? (item as { name: string }).name
          : `#${i + 1}`;
      const parsed = ScenarioSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        console.error(
          `eval:plan: ${name}: ${issue?.path.join('.') || '(scenario)'}: ${issue?.message}`,
        );
        failed = true;
        return;
      }
      try {
        results.push(runScenario(parsed.data));
        valid.push(parsed.data);
      } catch (e) {
        console.error(`eval:plan: ${name}: run: ${(e as Error).message}`);
        failed = true;
      }
    });
    console.error(calibrationLine(file, valid));
  }
  const seconds = (performance.now() - started) / 1000;
  console.error(
    `eval:plan: ${results.length} scenarios, ${(results.length / seconds).toFixed(0)} scenarios per second`,
  );
  if (json) console.log(JSON.stringify({ scenarios: results }));
  else table(results);
  if (failed) process.exitCode = 1;
}

main();
