// A fault schedule: what happens to one runner's Strava account and to the extension, in order.
// Plain data (JSON), so a failing schedule can be printed, shrunk by fast-check and replayed.
import fc from 'fast-check';
import { type RunKind, SIM_RUN_KINDS } from '../strava-sim/types';

/** Faults the simulator injects (revoked is its own step: it is not a queued fault). */
const INJECTED = ['expired', '429', '500', '503', 'slow', 'malformed', 'missing-field'] as const;
type Injected = (typeof INJECTED)[number];

/** Where an injected fault lands: any API call, or one endpoint (token = the OAuth refresh). */
const TARGETS = ['any', 'list', 'detail', 'streams', 'token'] as const;
export type Target = (typeof TARGETS)[number];

export type Step =
  /** A run uploaded now: it just ended (agoS 0) or a watch synced late (started agoS ago). */
  | { do: 'finish'; kind: RunKind; agoS: number }
  /** Edit an activity of the last ~46 h (pick modulo how many there are). */
  | { do: 'edit'; pick: number; name: boolean; workoutType: 0 | 1 | 2 | 3 | null }
  | { do: 'delete'; pick: number }
  | { do: 'fault'; kind: Injected; count: number; on: Target }
  /** The runner withdrew access on strava.com (every token dies at once). */
  | { do: 'revoke' }
  /** The next `calls` fetches fail as a dropped network does (TypeError). */
  | { do: 'offline'; calls: number }
  /** The next pass's worker is stopped at its k-th Strava call, store write, or just after it. */
  | { do: 'kill'; at: 'call' | 'write' | 'after-write'; k: number }
  /** The idle worker is stopped and started again (fresh service, same storage). */
  | { do: 'restart' }
  | { do: 'advance'; ms: number }
  /** A morning check-in, through the app service (replaces that date's entry). */
  | { do: 'checkIn'; daysAgo: number; sleepHours: number; soreness: number }
  | { do: 'sync'; urgent: boolean };

export interface Schedule {
  /** Where in the UTC day the schedule starts (rate windows, midnight). */
  startOffsetMs: number;
  /** 'tight' shrinks the simulator's limits so the budget's hold-back is exercised. */
  limits: 'default' | 'tight';
  steps: Step[];
}

export const TIGHT_LIMITS = { overall15: 40, overallDay: 400, read15: 25, readDay: 250 };

const MIN = 60_000;
const HOUR = 60 * MIN;

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('finish' as const),
      kind: fc.constantFrom(...SIM_RUN_KINDS),
      // Mostly just ended; some late uploads up to 40 h old (inside the 48 h overlap).
      agoS: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        fc.integer({ min: 2 * 3600, max: 40 * 3600 }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('edit' as const),
      pick: fc.nat(20),
      name: fc.boolean(),
      workoutType: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, null),
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('delete' as const), pick: fc.nat(20) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('fault' as const),
      kind: fc.constantFrom(...INJECTED),
      count: fc.integer({ min: 1, max: 3 }),
      on: fc.constantFrom(...TARGETS),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ do: 'revoke' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('offline' as const),
      calls: fc.integer({ min: 1, max: 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      do: fc.constant('kill' as const),
      at: fc.constantFrom('call' as const, 'write' as const, 'after-write' as const),
      k: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ do: 'restart' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.integer({ min: MIN, max: 20 * MIN }),
        fc.integer({ min: HOUR, max: 7 * HOUR }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('checkIn' as const),
      daysAgo: fc.integer({ min: 0, max: 2 }),
      sleepHours: fc.integer({ min: 3, max: 10 }),
      soreness: fc.integer({ min: 0, max: 10 }),
    }),
  },
  { weight: 8, arbitrary: fc.record({ do: fc.constant('sync' as const), urgent: fc.boolean() }) },
);

export const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  startOffsetMs: fc.integer({ min: 0, max: 86_400_000 - 1 }),
  limits: fc.constantFrom('default' as const, 'default' as const, 'tight' as const),
  steps: fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }),
});
