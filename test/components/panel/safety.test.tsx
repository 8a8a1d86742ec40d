// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../../lib/model/check-in';
import { HOUR, longRun, RUN_END, ready, runView, sync } from './fixtures';
import { mountPanel } from './render';

const EVIL = '<img src=x onerror=alert(1)>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('text from Strava is never HTML', () => {
  it('an activity name, a reason and a check-in effect carrying markup stay text', () => {
    const checkIns: CheckIn[] = [
      { date: '2026-06-15', sleepHours: 5, soreness: 6, updatedAt: RUN_END + 20 * HOUR },
    ];
    const now = RUN_END + 22 * HOUR;
    const run = runView({ activity: longRun({ name: `Long ${EVIL}` }), checkIns, now });
    run.classification.reasons.push(`the name says ${EVIL}`);
    const { container } = mountPanel({ state: ready(run), now });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain(`Long ${EVIL}`);
    expect(container.querySelector('.bb-reasons')!.textContent).toContain(`the name says ${EVIL}`);
    expect(container.querySelector('.bb-checkin-list .bb-effect')?.textContent).toMatch(
      /^Night before 2026-06-15: slept 5 h, under 7 h: \+/,
    );
  });

  it('a sync error message and a sport type carrying markup stay text', () => {
    const error = mountPanel({
      state: { state: 'unknown', sync: sync({ lastError: { kind: 'x', message: EVIL } }) },
    });
    expect(error.container.querySelector('img')).toBeNull();
    expect(error.container.textContent).toContain(EVIL);
    const sport = mountPanel({ state: { state: 'not-a-run', sportType: EVIL } });
    expect(sport.container.querySelector('img')).toBeNull();
    expect(sport.container.textContent).toContain('<img src=x onerror=alert(1)>'.toLowerCase());
  });

  it('no component sets innerHTML', () => {
    const dir = resolve(__dirname, '../../../components');
    // Every component, panel, popup and options alike.
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(resolve(dir, file), 'utf8');
      expect(source, file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  });
});
