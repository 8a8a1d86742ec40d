import type { Activity } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { Classification } from '../../../lib/model/classification';
import type { Profile } from '../../../lib/model/profile';
import type { RunKind } from '../../../lib/model/run-kind';
import type { CheckIns } from '../../../lib/recovery/plan';
// Plain-data builders for recovery tests.

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;

export function run(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 1,
    name: 'Morning Run',
    sport_type: 'Run',
    distance: 10_000,
    moving_time: 3000,
    elapsed_time: 3600,
    start_date: '2026-06-10T06:00:00Z',
    ...overrides,
  };
}

export function classification(kind: RunKind, race = false): Classification {
  return { kind, race, confidence: 1, source: 'strava-tag', reasons: [] };
}

export function profile(overrides: Partial<Profile> = {}): Profile {
  return { units: 'metric', trainingPhase: 'building', timeZone: 'UTC', ...overrides };
}

export const noCheckIns: CheckIns = { daily: [], weighIns: [] };

/** `count` runs of `movingSeconds`, one every other day before `before` (ISO). */
export function history(count: number, movingSeconds: number, before: string, idFrom = 100) {
  return Array.from({ length: count }, (_, i) =>
    run({
      id: idFrom + i,
      moving_time: movingSeconds,
      elapsed_time: movingSeconds + 60,
      start_date: new Date(Date.parse(before) - (i + 1) * 2 * DAY).toISOString(),
    }),
  );
}

export function checkIn(date: string, fields: Partial<CheckIn> = {}): CheckIn {
  return { date, updatedAt: Date.parse(`${date}T07:00:00Z`), ...fields };
}
