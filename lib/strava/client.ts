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
  type Fetch,
  type Http,
  missingPermission,
  parseBody,
  readFault,
  readJson,
  send,
} from './request';
import {
  type DetailedActivity,
  DetailedActivitySchema,
  type DetailedAthlete,
  DetailedAthleteSchema,
  type StreamKey,
  type StreamSet,
  StreamSetSchema,
  type SummaryActivity,
  SummaryActivityListSchema,
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

export interface StravaClient {
  athlete(opts?: CallOptions): Promise<DetailedAthlete>;
  listActivities(query?: ListActivitiesQuery, opts?: CallOptions): Promise<SummaryActivity[]>;
  activity(id: number, opts?: CallOptions): Promise<DetailedActivity>;
  streams(id: number, keys: readonly StreamKey[], opts?: CallOptions): Promise<StreamSet>;
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
      const response = await send(
        http,
        url,
        { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
        endpoint,
      );
      budget.set(updateFromHeaders(budget.get(), response.headers, now()));

      if (response.ok) return parseBody(schema, readJson(response, endpoint), endpoint);
      if (response.status === 401 || response.status === 403) {
        const missing = missingPermission(readFault(response));
        // A missing permission is not cured by a new token; an expired/revoked token may be.
        if (missing || attempt > 0) {
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
    listActivities: (query = {}, opts = {}) =>
      get(
        '/athlete/activities',
        { after: query.after, before: query.before, page: query.page, per_page: query.perPage },
        SummaryActivityListSchema,
        'GET /athlete/activities',
        opts,
      ),
    activity: async (id, opts = {}) =>
      get(
        `/activities/${activityId(id)}`,
        {},
        DetailedActivitySchema,
        'GET /activities/{id}',
        opts,
      ),
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
