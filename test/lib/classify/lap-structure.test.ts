import { describe, expect, it } from 'vitest';
import { lapStructure, type Segment } from '../../../lib/classify/lap-structure';
import { streamSegments } from '../../../lib/classify/stream-segments';
import { intervalLaps } from './make-run';

const seg = (metres: number, paceMinPerKm: number): Segment => ({
  distance: metres,
  moving_time: Math.round((metres / 1000) * paceMinPerKm * 60),
});

describe('lapStructure', () => {
  it.each([
    { name: '6 × 800 m with jogs', segs: intervalLaps(6, 800, 4.3, 6.2), kind: 'intervals' },
    { name: '10 × 400 m with jogs', segs: intervalLaps(10, 400, 4.0, 6.5), kind: 'intervals' },
    {
      name: '12 × 600 m with standing rests after a warm-up',
      segs: [
        seg(2400, 6.2),
        ...Array.from({ length: 12 }, () => [seg(600, 4.4), seg(50, 40)]).flat(),
        seg(1500, 6.4),
      ],
      kind: 'intervals',
    },
    {
      name: 'a 5 km tempo block between warm-up and cool-down',
      segs: [
        seg(2000, 6.2),
        seg(1000, 4.8),
        seg(1000, 4.8),
        seg(1000, 4.7),
        seg(1000, 4.8),
        seg(1000, 4.8),
        seg(1500, 6.3),
      ],
      kind: 'tempo',
    },
    {
      name: 'a steady run on mile auto-laps',
      segs: [
        seg(1609, 6.0),
        seg(1609, 6.2),
        seg(1609, 5.9),
        seg(1609, 6.1),
        seg(1609, 6.0),
        seg(400, 5.8),
      ],
      kind: 'steady',
    },
    {
      name: 'run/walk without a reference speed cannot be called intervals',
      segs: Array.from({ length: 6 }, () => [seg(800, 6.5), seg(200, 12)]).flat(),
      kind: 'steady',
    },
    { name: 'two laps', segs: [seg(5000, 6), seg(5000, 5)], kind: 'steady' },
    { name: 'no laps', segs: [], kind: 'unknown' },
  ])('$name → $kind', ({ segs, kind }) => {
    expect(lapStructure(segs).kind).toBe(kind);
  });

  it('run/walk at the athlete’s usual speed is not intervals', () => {
    const runWalk = Array.from({ length: 6 }, () => [seg(800, 6.5), seg(200, 12)]).flat();
    expect(lapStructure(runWalk, { referenceSpeed: 1000 / (6.4 * 60) }).kind).toBe('steady');
    // …but the same shape much faster than usual is.
    expect(lapStructure(runWalk, { referenceSpeed: 1000 / (7.5 * 60) }).kind).toBe('intervals');
  });

  it('counts reps and alternations', () => {
    const s = lapStructure(intervalLaps(5, 1000, 4.2, 6.0));
    expect(s.reps).toBe(5);
    expect(s.alternations).toBe(10);
    expect(s.contrast).toBeGreaterThan(1.3);
  });
});

describe('streamSegments', () => {
  it('slices time/distance streams into ~30 s pieces and finds the same intervals', () => {
    const time: number[] = [];
    const distance: number[] = [];
    let t = 0;
    let d = 0;
    const push = (seconds: number, speed: number) => {
      for (let k = 0; k < seconds; k++) {
        t += 1;
        d += speed;
        time.push(t);
        distance.push(d);
      }
    };
    time.push(0);
    distance.push(0);
    push(600, 2.7);
    for (let i = 0; i < 6; i++) {
      push(180, 3.9);
      push(120, 2.5);
    }
    push(480, 2.7);
    const segs = streamSegments({ time, distance });
    expect(segs.length).toBeGreaterThan(60);
    expect(lapStructure(segs, { uniform: true }).kind).toBe('intervals');
  });

  it('returns nothing without time and distance', () => {
    expect(streamSegments(undefined)).toEqual([]);
    expect(streamSegments({ heartrate: [120, 130] })).toEqual([]);
  });
});
