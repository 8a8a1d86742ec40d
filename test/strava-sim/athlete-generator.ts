// A deterministic training history for one simulated runner: a weekly rhythm of easy runs,
// intervals, tempo and a long run, with an occasional race, rides, a hilly trail run, a
// treadmill session and a manual entry. Times are laid out backwards from the sim clock so the
// newest activity is a long run that ended a few minutes ago. Like real athletes, the runner
// tags only some of their long runs, workouts and races.
import { makeAthleteProfile } from './athlete-profile.ts';
import { createPrng, type Prng } from './prng.ts';
import {
  type ActivitySpec,
  type AthleteContext,
  type Block,
  buildActivity,
} from './run-builder.ts';
import type { RunKind, SimActivity, SimAthlete } from './types.ts';

export interface GeneratedAthlete {
  athlete: SimAthlete;
  context: AthleteContext;
  activities: SimActivity[];
  /** Keeps planning after start-up (admin finish-run), continuing the same seeded sequence. */
  planner: Planner;
}

export interface GenerateOptions {
  seed: number;
  /** Sim-clock time, epoch ms: the newest run ends a few minutes before it. */
  now: number;
  /** Origin the avatar URL points at. */
  origin: string;
  weeks?: number;
}

const DAY = 86_400_000;
const TIMEZONES: Record<string, [string, number, [number, number]]> = {
  Lyon: ['(GMT+01:00) Europe/Paris', 3600, [45.764, 4.8357]],
  Portland: ['(GMT-08:00) America/Los_Angeles', -28800, [45.5152, -122.6784]],
  Leeds: ['(GMT+00:00) Europe/London', 0, [53.8008, -1.5491]],
  Freiburg: ['(GMT+01:00) Europe/Berlin', 3600, [47.999, 7.8421]],
};

/** Easy speed of this athlete, m/s; every other pace is a ratio of it. */
interface Paces {
  easy: number;
  long: number;
  tempo: number;
  interval: number;
  race10k: number;
  raceHalf: number;
}

export function generateAthlete(opts: GenerateOptions): GeneratedAthlete {
  const prng = createPrng(opts.seed);
  const weeks = opts.weeks ?? 12;
  const firstDay = opts.now - weeks * 7 * DAY;
  const athlete = makeAthleteProfile(prng, opts.origin, new Date(firstDay - 400 * DAY));
  const [timezone, utcOffsetS, home] = TIMEZONES[athlete.city] ?? TIMEZONES.Lyon!;
  const easy = prng.range(2.75, 3.2);
  const paces: Paces = {
    easy,
    long: easy * 0.97,
    tempo: easy * 1.25,
    interval: easy * 1.38,
    race10k: easy * 1.3,
    raceHalf: easy * 1.2,
  };
  const context: AthleteContext = {
    athleteId: athlete.id,
    timezone,
    utcOffsetS,
    home,
    weightKg: athlete.weight,
    thresholdSpeed: paces.tempo,
    hrMax: prng.int(182, 194),
  };
  const hrMax = context.hrMax;
  const planner = new Planner(prng, paces, hrMax, utcOffsetS);

  // Walk the days oldest → newest so ids grow with time, as Strava's do.
  const specs: Omit<ActivitySpec, 'id'>[] = [];
  const newestDay = Math.floor((opts.now + utcOffsetS * 1000) / DAY);
  const days = weeks * 7;
  for (let back = days - 1; back >= 1; back--) {
    const localDay = newestDay - back;
    const week = Math.floor(back / 7);
    const weekday = (new Date(localDay * DAY).getUTCDay() + 6) % 7; // 0 = Monday
    const kind = planner.kindFor(weekday, week, back);
    if (!kind) continue;
    const hour = kind === 'race' ? 8 : weekday === 1 || weekday === 3 ? 18 : prng.range(6.5, 9);
    const startLocal = localDay * DAY + hour * 3_600_000 + prng.int(0, 40) * 60_000;
    specs.push(planner.spec(kind, { start: startLocal - utcOffsetS * 1000 }, { week, back }));
  }
  // The run the extension is waiting for: a long run that finished a few minutes ago.
  specs.push(
    planner.spec('long', { end: opts.now - prng.int(3, 9) * 60_000 }, { week: 0, back: 0 }),
  );

  let id = 16_000_000_000 + prng.int(0, 99_999) * 10;
  const activities = specs.map((spec) => {
    id += prng.int(20_000, 90_000) * 10;
    return buildActivity({ ...spec, id }, context, prng);
  });
  return { athlete, context, activities, planner };
}

/** Decides what the athlete does on a day and turns a kind into blocks, names and tags. */
export class Planner {
  constructor(
    readonly prng: Prng,
    private readonly paces: Paces,
    private readonly hrMax: number,
    private readonly utcOffsetS: number,
  ) {}

  kindFor(weekday: number, week: number, back: number): RunKind | null {
    const p = this.prng;
    if (back === 1) return p.chance(0.5) ? 'easy' : null; // the day before the long run stays light
    // Specials, at fixed places in the block so every history has them.
    if (week === 3 && weekday === 6) return 'race';
    if (week === 9 && weekday === 5) return 'race';
    if (week === 5 && weekday === 6) return 'trail';
    if (week === 2 && weekday === 2) return 'treadmill';
    if (week === 7 && weekday === 4) return 'manual';
    if (weekday === 2 && (week === 1 || week === 4 || week === 8 || week === 10)) return 'ride';
    if (week === 9 && weekday === 6) return 'easy'; // recovery after the race
    switch (weekday) {
      case 0:
        return p.chance(0.2) ? 'easy' : null;
      case 1:
        return 'intervals';
      case 2:
        return 'easy';
      case 3:
        return week % 2 === 0 ? 'tempo' : 'easy';
      case 4:
        return p.chance(0.4) ? 'easy' : null;
      case 5:
        return 'easy';
      default:
        return 'long';
    }
  }

  spec(
    kind: RunKind,
    at: ActivitySpec['at'],
    where: { week: number; back: number },
  ): Omit<ActivitySpec, 'id'> {
    const p = this.prng;
    const pc = this.paces;
    const hr = (f: number) => Math.round(this.hrMax * f);
    const tag = (kindTag: number, prob: number): number | null =>
      p.chance(prob) ? kindTag : p.chance(0.5) ? 0 : null;
    const base = {
      kind,
      at,
      hilliness: p.range(3, 9),
      heartrate: true,
      stops: 0,
      deviceName: 'Garmin Forerunner 255',
      laps: 'auto' as const,
    };
    const timeOfDay = (): string => {
      const startMs = 'start' in at ? at.start : at.end - 3_600_000;
      const h = new Date(startMs + this.utcOffsetS * 1000).getUTCHours();
      return h < 11 ? 'Morning' : h < 14 ? 'Lunch' : h < 18 ? 'Afternoon' : 'Evening';
    };
    switch (kind) {
      case 'easy': {
        const km = p.range(6, 11);
        return {
          ...base,
          name: `${timeOfDay()} Run`,
          sportType: 'Run',
          blocks: [
            {
              name: 'Lap 1',
              distance: km * 1000,
              speed: pc.easy * p.range(0.96, 1.04),
              hr: hr(0.74),
            },
          ],
          stops: p.int(0, 2),
          workoutType: p.chance(0.5) ? 0 : null,
          private: where.week === 6 && where.back % 7 === 3,
        };
      }
      case 'long': {
        const km = where.back === 0 ? p.range(18, 22) : p.range(16, 26);
        const finish = p.chance(0.4) ? 3000 : 0;
        const blocks: Block[] = [
          {
            name: 'Lap 1',
            distance: km * 1000 - finish,
            speed: pc.long * p.range(0.97, 1.03),
            hr: hr(0.77),
          },
        ];
        if (finish)
          blocks.push({ name: 'Lap 2', distance: finish, speed: pc.tempo * 0.95, hr: hr(0.86) });
        return {
          ...base,
          name: p.pick([
            'Sunday long run',
            `${timeOfDay()} Run`,
            'Long run',
            `${Math.round(km)}k easy long`,
          ]),
          sportType: 'Run',
          blocks,
          stops: p.int(0, 2),
          workoutType: tag(2, 0.5),
        };
      }
      case 'intervals': {
        const [reps, distance, rest] = p.pick([
          [6, 800, 90],
          [5, 1000, 120],
          [10, 400, 75],
          [4, 1200, 150],
        ] as const);
        const blocks: Block[] = [
          { name: 'Warm Up', distance: 2000, speed: pc.easy * 0.95, hr: hr(0.7) },
        ];
        for (let i = 1; i <= reps; i++) {
          blocks.push({
            name: `Rep ${i}`,
            distance,
            speed: pc.interval * p.range(0.98, 1.03),
            hr: hr(0.93),
          });
          if (i < reps)
            blocks.push({
              name: `Recovery ${i}`,
              duration: rest,
              speed: pc.easy * 0.75,
              hr: hr(0.78),
            });
        }
        blocks.push({ name: 'Cool Down', distance: 1500, speed: pc.easy * 0.93, hr: hr(0.72) });
        return {
          ...base,
          name: p.pick([`${reps}x${distance}m`, `${timeOfDay()} Run`, 'Track session']),
          sportType: 'Run',
          blocks,
          laps: 'blocks',
          workoutType: tag(3, 0.5),
        };
      }
      case 'tempo': {
        const km = p.range(5, 8);
        return {
          ...base,
          name: p.pick([`Tempo ${Math.round(km)}k`, `${timeOfDay()} Run`, 'Threshold']),
          sportType: 'Run',
          blocks: [
            { name: 'Warm Up', distance: 2000, speed: pc.easy * 0.95, hr: hr(0.72) },
            {
              name: 'Tempo',
              distance: km * 1000,
              speed: pc.tempo * p.range(0.98, 1.02),
              hr: hr(0.88),
            },
            { name: 'Cool Down', distance: 1500, speed: pc.easy * 0.92, hr: hr(0.74) },
          ],
          laps: p.chance(0.6) ? 'blocks' : 'auto',
          workoutType: tag(3, 0.5),
        };
      }
      case 'race': {
        const half = where.week === 3;
        return {
          ...base,
          name: half ? 'Riverside Half Marathon' : 'Parc 10K',
          sportType: 'Run',
          blocks: [
            {
              name: 'Lap 1',
              distance: half ? 21_097.5 : 10_000,
              speed: half ? pc.raceHalf : pc.race10k,
              hr: hr(half ? 0.9 : 0.93),
            },
          ],
          hilliness: p.range(2, 5),
          workoutType: tag(1, 0.75),
          description: 'Chip time in the results. Legs are done.',
        };
      }
      case 'trail':
        return {
          ...base,
          name: 'Ridge loop',
          sportType: 'TrailRun',
          blocks: [
            {
              name: 'Lap 1',
              distance: p.range(15_000, 19_000),
              speed: pc.long * 0.95,
              hr: hr(0.8),
            },
          ],
          hilliness: p.range(90, 130),
          stops: 2,
          workoutType: p.chance(0.3) ? 2 : 0,
        };
      case 'treadmill':
        return {
          ...base,
          name: 'Treadmill progression',
          sportType: 'VirtualRun',
          blocks: [
            { name: 'Lap 1', distance: 3000, speed: pc.easy, hr: hr(0.74) },
            { name: 'Lap 2', distance: 3000, speed: pc.easy * 1.12, hr: hr(0.8) },
            { name: 'Lap 3', distance: 2000, speed: pc.tempo, hr: hr(0.87) },
          ],
          laps: 'blocks',
          hilliness: 0,
          trainer: true,
          deviceName: 'Zwift Run',
          workoutType: 0,
        };
      case 'manual':
        return {
          ...base,
          name: 'Run (watch died)',
          sportType: 'Run',
          blocks: [{ name: 'Lap 1', distance: 8000, speed: pc.easy, hr: 0 }],
          heartrate: false,
          manual: true,
          private: true,
          deviceName: null,
          laps: 'single',
          workoutType: null,
        };
      case 'ride':
        return {
          ...base,
          name: `${timeOfDay()} Ride`,
          sportType: 'Ride',
          blocks: [
            {
              name: 'Lap 1',
              distance: p.range(28_000, 55_000),
              speed: p.range(7, 8.3),
              hr: hr(0.72),
            },
          ],
          hilliness: p.range(15, 40),
          deviceName: 'Garmin Edge 540',
          laps: 'single',
          workoutType: null,
        };
      case 'labeled':
        throw new Error('labeled runs come from a file, not the planner');
    }
  }
}
