// The extension's Strava API client: a small typed fetch wrapper (strava-v3 is Node-only).
// Every call checks the rate budget first, sends the token only in the Authorization header,
// records the rate-limit headers, refreshes and retries once on 401, and validates the body.
// It rejects only with StravaError.

import type { z } from 'zod/mini';
import { STRAVA_API_BASE } from './base-url';
import { StravaError } from './errors';
import {
  type BudgetStore,
  blockedUntil,
  recordRateLimited,
  updateFromHeaders,
} from './rate-budget';
import {
  DEFAULT_TIMEOUT_MS,
  describeIssues,
  type Fetch,
  type Http,
  missingPermission,
  parseBody,
  readFault,
  readJson,
  send,
} from './request';
import {
  ActivityListSchema,
  type DetailedActivity,
  DetailedActivitySchema,
  type DetailedAthlete,
  DetailedAthleteSchema,
  type StreamKey,
  type StreamSet,
  StreamSetSchema,
  type SummaryActivity,
  SummaryActivitySchema,
} from './schemas';
import type { TokenSource } from './token-source';

export interface StravaClientOptions {
  fetch: Fetch;
  tokens: TokenSource;
  budget: BudgetStore;
  now?: () => number;
  timeoutMs?: number;
  /** Defaults to STRAVA_API_BASE (base-url.ts). */
  baseUrl?: string;
}

interface CallOptions {
  /** The runner is waiting (a button press): spend up to the limit instead of holding back at 80%. */
  urgent?: boolean;
  /** A write (PUT with a JSON body) instead of a read. */
  put?: Record<string, unknown>;
}

interface ListActivitiesQuery {
  /** Epoch seconds: only activities that started after this. */
  after?: number;
  /** Epoch seconds: only activities that started before this. */
  before?: number;
  page?: number;
  /** Strava allows up to 200; default 30. */
  perPage?: number;
}

/** An item of a list that failed its schema: set aside, so the rest of the page still counts. */
export interface RejectedItem {
  /** Its id, when it has a usable one. */
  id: number | null;
  /** Where and what, e.g. `name: expected string`. */
  issue: string;
  raw: unknown;
}

interface ActivityPage {
  activities: SummaryActivity[];
  rejected: RejectedItem[];
  /** Items Strava sent (good and bad): a full page means there may be another. */
  count: number;
}

export interface StravaClient {
  athlete(opts?: CallOptions): Promise<DetailedAthlete>;
  listActivities(query?: ListActivitiesQuery, opts?: CallOptions): Promise<ActivityPage>;
  activity(id: number, opts?: CallOptions): Promise<DetailedActivity>;
  streams(id: number, keys: readonly StreamKey[], opts?: CallOptions): Promise<StreamSet>;
  /** Strava's own tag (`workout_type`: 0 default, 1 race, 2 long run, 3 workout); needs
   *  activity:write. Not in Strava's published UpdatableActivity, but accepted. */
  setWorkoutType(id: number, workoutType: 0 | 1 | 2 | 3): Promise<DetailedActivity>;
}

/** Each item on its own: one activity Strava sends malformed must not hold back the others. */
function splitPage(items: unknown[]): ActivityPage {
  const page: ActivityPage = { activities: [], rejected: [], count: items.length };
  for (const raw of items) {
    const parsed = SummaryActivitySchema.safeParse(raw);
    if (parsed.success) {
      page.activities.push(parsed.data);
      continue;
    }
    const id = (raw as { id?: unknown } | null)?.id;
    page.rejected.push({
      id: typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null,
      issue: describeIssues(parsed.error.issues),
      raw,
    });
  }
  return page;
}

function activityId(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`not an activity id: ${id}`);
  return String(id);
}

export function createStravaClient(options: StravaClientOptions): StravaClient {
  const now = options.now ?? Date.now;
  const http: Http = {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now,
  };
  const base = options.baseUrl ?? STRAVA_API_BASE;
  const { tokens, budget } = options;

  async function get<S extends z.ZodMiniType>(
    path: string,
    query: Record<string, string | number | undefined>,
    schema: S,
    endpoint: string,
    opts: CallOptions,
  ): Promise<z.output<S>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const url = `${base}${path}${params.size ? `?${params}` : ''}`;

    for (let attempt = 0; ; attempt++) {
      const at = now();
      const until = blockedUntil(budget.get(), opts.urgent ?? false, at);
      if (until !== null) {
        const paused = (budget.get().pausedUntil ?? 0) > at;
        throw new StravaError({ kind: 'rate-limited', until, selfImposed: !paused });
      }
      const token = await tokens.getAccessToken();
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      };
      const response = await send(
        http,
        url,
        opts.put
          ? {
              method: 'PUT',
              headers: { ...headers, 'Content-Type': 'application/json' },
              body: JSON.stringify(opts.put),
            }
          : { headers },
        endpoint,
      );
      budget.set(updateFromHeaders(budget.get(), response.headers, now()));

      if (response.ok) return parseBody(schema, readJson(response, endpoint), endpoint);
      if (response.status === 401 || response.status === 403) {
        const missing = missingPermission(readFault(response));
        // A missing permission is not cured by a new token, nor is a 403 (forbidden with a valid
        // token: another athlete's private activity); an expired or revoked token may be.
        if (missing || attempt > 0 || response.status === 403) {
          throw new StravaError({ kind: 'unauthorized', endpoint, missingPermission: missing });
        }
        tokens.invalidate(token);
        continue;
      }
      if (response.status === 404) throw new StravaError({ kind: 'not-found', endpoint });
      if (response.status === 429) {
        const next = recordRateLimited(budget.get(), now());
        budget.set(next);
        throw new StravaError({
          kind: 'rate-limited',
          until: next.pausedUntil ?? now(),
          selfImposed: false,
        });
      }
      throw new StravaError({ kind: 'server', endpoint, status: response.status });
    }
  }

  return {
    athlete: (opts = {}) => get('/athlete', {}, DetailedAthleteSchema, 'GET /athlete', opts),
    listActivities: async (query = {}, opts = {}) =>
      splitPage(
        await get(
          '/athlete/activities',
          { after: query.after, before: query.before, page: query.page, per_page: query.perPage },
          ActivityListSchema,
          'GET /athlete/activities',
          opts,
        ),
      ),
    activity: async (id, opts = {}) =>
      get(
        `/activities/${activityId(id)}`,
        {},
        DetailedActivitySchema,
        'GET /activities/{id}',
        opts,
      ),
    setWorkoutType: (id, workoutType) =>
      get(`/activities/${activityId(id)}`, {}, DetailedActivitySchema, 'PUT /activities/{id}', {
        urgent: true,
        put: { workout_type: workoutType },
      }),
    streams: async (id, keys, opts = {}) =>
      get(
        `/activities/${activityId(id)}/streams`,
        // Without `keys` Strava returns only distance; key_by_type gives an object by type.
        { keys: keys.join(','), key_by_type: 'true' },
        StreamSetSchema,
        'GET /activities/{id}/streams',
        opts,
      ),
  };
}
