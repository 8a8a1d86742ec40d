// Realistic panel inputs built with the real classifier and planner, not hand-made plans.
import { classify } from '../../../lib/classify/classify';
import type { PanelState } from '../../../lib/messaging/views';
import type { Activity } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { Profile } from '../../../lib/model/profile';
import type { RunView } from '../../../lib/model/run-view';
import type { SyncStatus } from '../../../lib/model/sync-status';
import type { PanelTarget } from '../../../lib/panel-frame/panel-target';
import { plan } from '../../../lib/recovery/plan';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Six weeks of easy runs (8–10 km at 6:00/km) before `before`: the runner's history. */
function history(before: number): Activity[] {
  const runs: Activity[] = [];
  for (let i = 1; i <= 18; i++) {
    const km = i % 3 === 0 ? 10 : 8;
    const moving = km * 360;
    const start = new Date(before - i * 2 * DAY).toISOString().replace('.000', '');
    runs.push({
      id: 9000 + i,
      name: 'Easy Run',
      sport_type: 'Run',
      distance: km * 1000,
      moving_time: moving,
      elapsed_time: moving + 40,
      total_elevation_gain: 35,
      start_date: start,
      start_date_local: start,
      timezone: '(GMT-05:00) America/New_York',
      average_speed: (km * 1000) / moving,
      average_heartrate: 138,
      max_heartrate: 156,
      has_heartrate: true,
    });
  }
  return runs;
}

/** A Sunday long run: 24 km in 2 h 20 min, ending 2026-06-14 13:25 UTC (09:25 in New York). */
export function longRun(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 14_552_001,
    name: 'Sunday Long Run',
    sport_type: 'Run',
    workout_type: null,
    distance: 24_000,
    moving_time: 8_400,
    elapsed_time: 8_700,
    total_elevation_gain: 140,
    start_date: '2026-06-14T11:00:00Z',
    start_date_local: '2026-06-14T07:00:00Z',
    timezone: '(GMT-05:00) America/New_York',
    average_speed: 24_000 / 8_400,
    average_heartrate: 148,
    max_heartrate: 168,
    has_heartrate: true,
    ...overrides,
  };
}

export const RUN_END = Date.parse('2026-06-14T11:00:00Z') + 8_700_000;

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    units: 'metric',
    trainingPhase: 'building',
    weightKg: 68,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/** The RunView the background would hand over, as of `now`. */
export function runView(
  options: {
    activity?: Activity;
    profile?: Profile;
    now?: number;
    done?: string[];
    checkIns?: CheckIn[];
    /** When the plan was first seen; by default two minutes after the run (a prompt sync). */
    seenAt?: number;
  } = {},
): RunView {
  const activity = options.activity ?? longRun();
  const now = options.now ?? RUN_END + 15 * MINUTE;
  const prof = options.profile ?? profile();
  const earlier = history(Date.parse(activity.start_date));
  const classification = classify(activity, earlier, prof);
  const checkIns = options.checkIns ?? [];
  return {
    activity: {
      id: activity.id,
      name: activity.name,
      sport_type: activity.sport_type,
      start_date: activity.start_date,
      start_date_local: activity.start_date_local,
      distance: activity.distance,
      moving_time: activity.moving_time,
      elapsed_time: activity.elapsed_time,
      total_elevation_gain: activity.total_elevation_gain,
    },
    classification,
    plan: plan(
      activity,
      classification,
      earlier,
      prof,
      { daily: checkIns, weighIns: [] },
      [],
      now,
      { firstSeenAt: options.seenAt ?? RUN_END + 2 * MINUTE },
    ),
    done: options.done ?? [],
    checkIns,
  };
}

export function ready(run: RunView = runView()): PanelState {
  return { state: 'ready', run };
}

export function sync(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { phase: 'idle', lastSyncAt: null, lastError: null, pausedUntil: null, ...overrides };
}

export const OWN: PanelTarget = { activityId: 14_552_001, own: true, fallback: false };
