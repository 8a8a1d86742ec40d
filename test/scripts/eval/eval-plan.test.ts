// npm run eval:plan's contract, through the real command: keys, ISO instants, bad scenarios.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(import.meta.dirname, 'plan-scenarios.json');
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-plan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('eval:plan', () => {
  const out = run([SAMPLE, '--json']);
  const last = out.stdout.trim().split('\n').at(-1)!;
  const { scenarios } = JSON.parse(last);
  const input = JSON.parse(readFileSync(SAMPLE, 'utf8'));

  it('answers every valid scenario in input order, with the contract keys', () => {
    expect(out.status).toBe(0);
    expect(scenarios.map((s: { name: string }) => s.name)).toEqual(
      input.map((s: { name: string }) => s.name),
    );
    for (const s of scenarios) {
      expect(['easy', 'workout', 'long']).toContain(s.kind);
      expect(typeof s.race).toBe('boolean');
      expect(s.readyAt).toMatch(ISO);
      expect(s.readyInHours).toBeGreaterThanOrEqual(0);
      expect(s.readyInHours).toBeLessThanOrEqual(96);
      expect(Array.isArray(s.warnings)).toBe(true);
      const ids = s.steps.map((x: { id: string }) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of s.upFront) expect(ids).toContain(id);
      for (let i = 1; i < s.steps.length; i++)
        expect(Date.parse(s.steps[i].startsAt)).toBeGreaterThanOrEqual(
          Date.parse(s.steps[i - 1].startsAt),
        );
      for (const step of s.steps) {
        expect(step.startsAt).toMatch(ISO);
        for (const q of step.quantities)
          expect(Object.keys(q).sort()).toEqual(['kind', 'max', 'min', 'text', 'unit']);
      }
      for (const v of s.verdicts) {
        expect(v.at).toMatch(ISO);
        expect(['hard', 'easy', 'rest']).toContain(v.verdict);
      }
    }
    expect(out.stderr).toMatch(/scenarios per second/);
    expect(out.stderr).toMatch(/calibration: median ratio \d/);
  });

  it('races are races, and a marathon is never `hard` inside its easy days', () => {
    const marathon = scenarios.find(
      (s: { name: string }) => /marathon race/.test(s.name) && !/half/.test(s.name),
    );
    expect(marathon.race).toBe(true);
    expect(marathon.readyInHours).toBe(96);
    for (const v of marathon.verdicts) expect(v.verdict).not.toBe('hard');
  });

  it('a bad scenario is reported on stderr and left out; the others still run; exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-plan-'));
    const file = join(dir, 'bad.json');
    const bad = { ...input[0], name: 'broken', seenAt: 'yesterday' };
    writeFileSync(file, JSON.stringify([bad, input[1]]));
    const res = run([file, '--json']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^eval:plan: broken: seenAt: /m);
    const names = JSON.parse(res.stdout.trim().split('\n').at(-1)!).scenarios.map(
      (s: { name: string }) => s.name,
    );
    expect(names).toEqual([input[1].name]);
  });

  it('without --json prints a readable table', () => {
    const text = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/eval-plan.ts', SAMPLE],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(text.split('\n')[0]).toMatch(/^scenario\s+kind\s+race\s+ready in/);
  });
});
