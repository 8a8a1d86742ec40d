import { describe, expect, it } from 'vitest';
import { generateAthlete } from './athlete-generator.ts';
import { SIM_RUN_KINDS, type SimActivity } from './types.ts';

const NOW = Date.parse('2026-11-23T12:07:00Z');
const gen = (seed: number) => generateAthlete({ seed, now: NOW, origin: 'https://127.0.0.1:1' });
const a1 = gen(7);

const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
const withStreams = (a: SimActivity) => a.streams !== null;

describe('athlete generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = gen(7);
    expect(JSON.stringify(again.activities.map((a) => a.detail))).toBe(
      JSON.stringify(a1.activities.map((a) => a.detail)),
    );
    expect(again.athlete).toEqual(a1.athlete);
    const other = gen(8);
    expect(other.activities.map((a) => a.detail.distance)).not.toEqual(
      a1.activities.map((a) => a.detail.distance),
    );
  });

  it('has about 12 weeks of 4–6 activities a week, with every kind present', () => {
    const kinds = new Set(a1.activities.map((a) => a.kind));
    for (const k of SIM_RUN_KINDS) {
      expect(kinds, k).toContain(k);
    }
    const first = Date.parse(a1.activities[0]!.detail.start_date);
    expect(NOW - first).toBeGreaterThan(11 * 7 * 86_400_000);
    const perWeek = a1.activities.length / 12;
    expect(perWeek).toBeGreaterThanOrEqual(4);
    expect(perWeek).toBeLessThanOrEqual(6.5);
  });

  it('ends with a long run that finished a few minutes before now', () => {
    const newest = [...a1.activities].sort((a, b) =>
      b.detail.start_date.localeCompare(a.detail.start_date),
    )[0]!;
    expect(newest.kind).toBe('long');
    const end = Date.parse(newest.detail.start_date) + newest.detail.elapsed_time * 1000;
    expect(NOW - end).toBeGreaterThan(60_000);
    expect(NOW - end).toBeLessThan(15 * 60_000);
    expect(newest.detail.distance).toBeGreaterThan(15_000);
  });

  it('tags some long runs, workouts and races but leaves others 0/null', () => {
    const tags = (kind: string) =>
      a1.activities.filter((a) => a.kind === kind).map((a) => a.detail.workout_type);
    const all = [...gen(1).activities, ...gen(2).activities, ...a1.activities];
    const long = all.filter((a) => a.kind === 'long').map((a) => a.detail.workout_type);
    expect(long).toContain(2);
    expect(long.some((t) => t === 0 || t === null)).toBe(true);
    const workouts = all
      .filter((a) => a.kind === 'intervals' || a.kind === 'tempo')
      .map((a) => a.detail.workout_type);
    expect(workouts).toContain(3);
    expect(workouts.some((t) => t === 0 || t === null)).toBe(true);
    expect(all.filter((a) => a.kind === 'race').map((a) => a.detail.workout_type)).toContain(1);
    expect(tags('easy').every((t) => t === 0 || t === null)).toBe(true);
  });

  it('derives laps, splits and streams consistently from each run', () => {
    for (const a of a1.activities.filter(withStreams)) {
      const d = a.detail;
      const s = a.streams!;
      expect(sum(d.laps.map((l) => l.distance))).toBeCloseTo(d.distance, 1);
      expect(sum(d.laps.map((l) => l.elapsed_time))).toBe(d.elapsed_time);
      expect(sum(d.laps.map((l) => l.moving_time))).toBe(d.moving_time);
      if (d.splits_metric) {
        expect(sum(d.splits_metric.map((x) => x.distance))).toBeCloseTo(d.distance, 1);
        expect(sum(d.splits_metric.map((x) => x.moving_time))).toBe(d.moving_time);
        expect(sum(d.splits_standard!.map((x) => x.distance))).toBeCloseTo(d.distance, 1);
      }
      const n = s.time.length;
      for (const k of [
        'distance',
        'velocity_smooth',
        'altitude',
        'grade_smooth',
        'moving',
        'cadence',
      ] as const) {
        expect(s[k]!.length, k).toBe(n);
      }
      expect(s.time[n - 1]).toBe(d.elapsed_time);
      expect(s.distance[n - 1]).toBeCloseTo(d.distance, 1);
      expect(s.moving.filter(Boolean).length).toBe(d.moving_time);
      // Each lap's indices point into the streams at its own distance.
      for (const l of d.laps) {
        expect(s.distance[l.end_index]! - s.distance[l.start_index]!).toBeCloseTo(l.distance, 1);
      }
      if (d.has_heartrate) {
        expect(s.heartrate!.length).toBe(n);
        expect(Math.max(...s.heartrate!)).toBe(d.max_heartrate);
      }
    }
  });

  it('gives intervals warm-up, fast reps, slow recoveries and a cool-down', () => {
    const iv = a1.activities.find((a) => a.kind === 'intervals')!.detail;
    const names = iv.laps.map((l) => l.name);
    expect(names[0]).toBe('Warm Up');
    expect(names.at(-1)).toBe('Cool Down');
    const reps = iv.laps.filter((l) => l.name.startsWith('Rep'));
    const rests = iv.laps.filter((l) => l.name.startsWith('Recovery'));
    expect(reps.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...reps.map((l) => l.average_speed))).toBeGreaterThan(
      Math.max(...rests.map((l) => l.average_speed)),
    );
  });

  it('has a trail run with big climbs, a treadmill run and a manual entry without HR', () => {
    const trail = a1.activities.find((a) => a.kind === 'trail')!.detail;
    expect(trail.sport_type).toBe('TrailRun');
    expect(trail.type).toBe('Run');
    expect(trail.total_elevation_gain).toBeGreaterThan(500);
    const tm = a1.activities.find((a) => a.kind === 'treadmill')!.detail;
    expect(tm.sport_type).toBe('VirtualRun');
    expect(tm.trainer).toBe(true);
    const manual = a1.activities.find((a) => a.kind === 'manual')!;
    expect(manual.detail.manual).toBe(true);
    expect(manual.detail.has_heartrate).toBe(false);
    expect(manual.detail.average_heartrate).toBeUndefined();
    expect(manual.streams).toBeNull();
  });

  it('builds a plausible athlete profile', () => {
    const a = a1.athlete;
    expect(a.weight).toBeGreaterThan(40);
    expect(['meters', 'feet']).toContain(a.measurement_preference);
    expect(a.profile.startsWith('https://127.0.0.1:1/')).toBe(true);
  });
});
