// A fault schedule: what happens to one runner's Strava account, to their computer and to the
// extension, in order. Plain data (JSON), so a failing schedule can be printed, shrunk by
// fast-check and replayed.
import fc from 'fast-check';
import { type RunKind, SIM_RUN_KINDS } from '../strava-sim/types';

/** Faults the simulator injects (revoked is its own step: it is not a queued fault). */
const INJECTED = ['expired', '429', '500', '503', 'slow', 'malformed', 'missing-field'] as const;
type Injected = (typeof INJECTED)[number];

/** Where an injected fault lands: any API call, or one endpoint (token = the OAuth refresh). */
const TARGETS = ['any', 'list', 'detail', 'streams', 'token'] as const;
export type Target = (typeof TARGETS)[number];

/** Where the next pass's worker is stopped: its k-th Strava call, run write (or just after),
 *  the cursor write (before or after it lands), the token write (Strava has rotated by then). */
const KILL_POINTS = [
  'call',
  'write',
  'after-write',
  'cursor-before',
  'cursor-after',
  'token-before',
  'token-after',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

/** The runner's own writes, started while a pass is at its k-th Strava call. */
const WRITERS = ['checkIn', 'weighIn', 'import', 'delete', 'connect'] as const;
export type Writer = (typeof WRITERS)[number];

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Pacific/Chatham',
  'America/St_Johns',
] as const;

const SPORTS = ['Run', 'TrailRun', 'VirtualRun', 'Ride', 'Walk'] as const;

/** Values a corrupted or hostile `syncCursor` item may hold. */
const GARBAGE_CURSORS = ['string', 'null', 'nan-fields', 'far-future', 'negative', 'half'] as const;

export type Step =
  /** A run uploaded now: it just ended (agoS 0) or a watch synced late (up to ten days). */
  | { do: 'finish'; kind: RunKind; agoS: number }
  /** Edit an activity of the last ~46 h (pick modulo how many there are). */
  | { do: 'edit'; pick: number; name: boolean; workoutType: 0 | 1 | 2 | 3 | null }
  | { do: 'sport'; pick: number; to: (typeof SPORTS)[number] }
  | { do: 'private'; pick: number; private: boolean }
  | { do: 'delete'; pick: number }
  | { do: 'fault'; kind: Injected; count: number; on: Target }
  /** One recent activity comes malformed in every list for the next `passes` passes. */
  | { do: 'stays-bad'; pick: number; passes: number }
  /** The runner withdrew access on strava.com (every token dies at once). */
  | { do: 'revoke' }
  /** The next `calls` fetches fail as a dropped network does (TypeError). */
  | { do: 'offline'; calls: number }
  /** The next token refresh is answered only after the client's timeout (Strava has rotated). */
  | { do: 'lose-refresh' }
  | { do: 'kill'; at: KillPoint; k: number }
  /** The idle worker is stopped and started again (fresh service, same storage). */
  | { do: 'restart' }
  | { do: 'advance'; ms: number }
  /** The computer's clock jumps (against Strava's), either way. */
  | { do: 'clock'; skewMs: number }
  | { do: 'zone'; tz: (typeof ZONES)[number] }
  /** The runner's zone crosses a DST change (New York, spring or autumn). */
  | { do: 'dst' }
  | { do: 'garbage-cursor'; value: (typeof GARBAGE_CURSORS)[number] }
  /** The next `writes` IndexedDB writes throw QuotaExceededError. */
  | { do: 'quota'; writes: number }
  /** A file of fake recent runs (ids Strava never had, far-future times) is imported. */
  | { do: 'hostile-import'; runs: number }
  /** Many older activities uploaded at once (a backlog), enough for several list pages: the
   *  five-year schedules start with one. */
  | { do: 'backlog'; count: number }
  /** A morning check-in, through the app service (replaces that date's entry). */
  | { do: 'checkIn'; daysAgo: number; sleepHours: number; soreness: number }
  | { do: 'weighIn'; pick: number; beforeKg: number; afterKg: number }
  /** The next pass meets one of the runner's writes at its k-th Strava call. */
  | { do: 'during'; what: Writer; k: number }
  /** The framed panel on Strava's page of an activity (own), in tab `tab`. */
  | { do: 'panel'; pick: number; tab: number; old: boolean }
  | { do: 'alarm'; name: 'sync' | 'badge' | 'morning' }
  | { do: 'sync'; urgent: boolean };

export interface Schedule {
  /** Where in the UTC day the schedule starts (rate windows, midnight). */
  startOffsetMs: number;
  /** 'tight' shrinks the simulator's limits so the budget's hold-back is exercised. */
  limits: 'default' | 'tight';
  /** 'long': a five-year history (the shared long simulator), with backlog pagination. */
  history: 'short' | 'long';
  /** 'public': the runner unticked "View data about your private activities". */
  scopes: 'all' | 'public';
  steps: Step[];
}

export const TIGHT_LIMITS = { overall15: 40, overallDay: 400, read15: 25, readDay: 250 };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const rec = fc.record;
const k = <T extends string>(v: T) => fc.constant(v);

const step: fc.Arbitrary<Step> = fc.oneof(
  w(
    4,
    rec({
      do: k('finish'),
      kind: fc.constantFrom(...SIM_RUN_KINDS),
      // Mostly just ended; some late uploads, up to ten days old (inside the list overlap).
      agoS: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        fc.integer({ min: 2 * 3600, max: 10 * 86_400 - 3 * 3600 }),
      ),
    }),
  ),
  w(
    2,
    rec({
      do: k('edit'),
      pick: fc.nat(20),
      name: fc.boolean(),
      workoutType: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, null),
    }),
  ),
  w(1, rec({ do: k('sport'), pick: fc.nat(20), to: fc.constantFrom(...SPORTS) })),
  w(1, rec({ do: k('private'), pick: fc.nat(20), private: fc.boolean() })),
  w(1, rec({ do: k('delete'), pick: fc.nat(20) })),
  w(
    4,
    rec({
      do: k('fault'),
      kind: fc.constantFrom(...INJECTED),
      count: fc.integer({ min: 1, max: 3 }),
      on: fc.constantFrom(...TARGETS),
    }),
  ),
  w(1, rec({ do: k('stays-bad'), pick: fc.nat(20), passes: fc.integer({ min: 3, max: 12 }) })),
  w(1, fc.constant({ do: 'revoke' as const })),
  w(1, rec({ do: k('offline'), calls: fc.integer({ min: 1, max: 6 }) })),
  w(1, fc.constant({ do: 'lose-refresh' as const })),
  w(
    3,
    rec({ do: k('kill'), at: fc.constantFrom(...KILL_POINTS), k: fc.integer({ min: 1, max: 4 }) }),
  ),
  w(1, fc.constant({ do: 'restart' as const })),
  w(
    2,
    rec({
      do: k('advance'),
      ms: fc.oneof(
        fc.integer({ min: MIN, max: 20 * MIN }),
        fc.integer({ min: HOUR, max: 7 * HOUR }),
      ),
    }),
  ),
  w(
    1,
    rec({
      do: k('clock'),
      skewMs: fc.oneof(
        fc.integer({ min: -3 * DAY, max: 3 * DAY }),
        fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
        fc.constant(0),
      ),
    }),
  ),
  w(1, rec({ do: k('zone'), tz: fc.constantFrom(...ZONES) })),
  w(1, fc.constant({ do: 'dst' as const })),
  w(1, rec({ do: k('garbage-cursor'), value: fc.constantFrom(...GARBAGE_CURSORS) })),
  w(1, rec({ do: k('quota'), writes: fc.integer({ min: 1, max: 4 }) })),
  w(1, rec({ do: k('hostile-import'), runs: fc.integer({ min: 10, max: 60 }) })),
  w(
    2,
    rec({
      do: k('checkIn'),
      daysAgo: fc.integer({ min: 0, max: 2 }),
      sleepHours: fc.integer({ min: 3, max: 10 }),
      soreness: fc.integer({ min: 0, max: 10 }),
    }),
  ),
  w(
    1,
    rec({
      do: k('weighIn'),
      pick: fc.nat(20),
      beforeKg: fc.integer({ min: 55, max: 80 }),
      afterKg: fc.integer({ min: 54, max: 80 }),
    }),
  ),
  w(
    3,
    rec({ do: k('during'), what: fc.constantFrom(...WRITERS), k: fc.integer({ min: 1, max: 4 }) }),
  ),
  w(
    1,
    rec({
      do: k('panel'),
      pick: fc.nat(2000),
      tab: fc.integer({ min: 1, max: 3 }),
      old: fc.boolean(),
    }),
  ),
  w(
    1,
    rec({
      do: k('alarm'),
      name: fc.constantFrom('sync' as const, 'badge' as const, 'morning' as const),
    }),
  ),
  w(7, rec({ do: k('sync'), urgent: fc.boolean() })),
);

export const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  startOffsetMs: fc.integer({ min: 0, max: 86_400_000 - 1 }),
  limits: fc.constantFrom('default' as const, 'default' as const, 'tight' as const),
  // About one schedule in a hundred: a five-year history and its backlog of list pages cost
  // seconds per schedule (a copy of ~1,500 activities, a few hundred more to classify).
  history: fc.oneof(
    { weight: 99, arbitrary: fc.constant('short' as const) },
    { weight: 1, arbitrary: fc.constant('long' as const) },
  ),
  scopes: fc.oneof(
    { weight: 4, arbitrary: fc.constant('all' as const) },
    { weight: 1, arbitrary: fc.constant('public' as const) },
  ),
  steps: fc.array(step, { minLength: 1, maxLength: 24, size: 'max' }),
});
