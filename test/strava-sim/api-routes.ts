// API v3: the pipeline every API request goes through (faults → rate limit → bearer auth →
// scope → handler) and the handlers the extension uses. Order matters: Strava counts a request
// against the limit before it looks at the token, so a 401 still costs a request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, sendJson } from './http.ts';
import { AUTH_INVALID } from './oauth-routes.ts';
import type { AccessGrant, SimState } from './state.ts';
import type { SimActivity, SimDetail, SimStreams, StreamKey } from './types.ts';

const NOT_FOUND = (resource: string, field = 'id') => ({
  message: 'Record Not Found',
  errors: [{ resource, field, code: 'invalid' }],
});
const RATE_LIMITED = {
  message: 'Rate Limit Exceeded',
  errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }],
};
const ACTIVITY_WRITE_MISSING = {
  message: 'Authorization Error',
  errors: [{ resource: 'AccessToken', field: 'activity:write_permission', code: 'missing' }],
};
/** What PUT /activities/{id} changes: Strava's UpdatableActivity, plus workout_type, which Strava
 *  accepts beyond its published description. */
const UPDATABLE = ['name', 'sport_type', 'description', 'trainer', 'commute', 'hide_from_home'];
const WORKOUT_TYPES = [0, 1, 2, 3, 10, 11, 12];

const ACTIVITY_READ_MISSING = {
  message: 'Authorization Error',
  errors: [{ resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' }],
};

/** Fields only DetailedActivity carries; the list endpoint leaves them out. */
const DETAIL_ONLY = [
  'description',
  'calories',
  'perceived_exertion',
  'prefer_perceived_exertion',
  'segment_efforts',
  'splits_metric',
  'splits_standard',
  'laps',
  'best_efforts',
  'photos',
  'stats_visibility',
  'hide_from_home',
  'device_name',
  'embed_token',
  'available_zones',
] as const;

/** Detail-only athlete fields that need profile:read_all. */
const PROFILE_ALL_ONLY = [
  'weight',
  'ftp',
  'measurement_preference',
  'clubs',
  'bikes',
  'shoes',
  'follower_count',
  'friend_count',
] as const;

const STREAM_KEYS: StreamKey[] = [
  'time',
  'distance',
  'latlng',
  'altitude',
  'velocity_smooth',
  'heartrate',
  'cadence',
  'moving',
  'grade_smooth',
];

interface Routed {
  route: string;
  status: number;
  body: unknown;
}

export async function handleApi(
  state: SimState,
  req: IncomingMessage,
  apiPath: string,
  url: URL,
  res: ServerResponse,
): Promise<{ route: string }> {
  const method = req.method ?? 'GET';
  const route = `${method} /api/v3${routePattern(apiPath)}`;
  const faults = state.faults.take(url.pathname, true);
  const has = (k: string) => faults.find((f) => f.kind === k);
  const slow = has('slow');
  if (slow) await new Promise((r) => setTimeout(r, slow.delayMs));

  const limits = () => state.rateLimiter.headers();
  if (has('503')) {
    send(res, 503, '<html><body><h1>503 Service Unavailable</h1></body></html>', 'text/html');
    return { route };
  }
  if (has('500')) {
    sendJson(res, 500, { message: 'Error', errors: [] });
    return { route };
  }
  if (has('429')) {
    sendJson(res, 429, RATE_LIMITED, limits());
    return { route };
  }
  if (!state.rateLimiter.take(method === 'GET')) {
    sendJson(res, 429, RATE_LIMITED, limits());
    return { route };
  }
  // Tokens only in the header (Strava's announced change): a query-string token is refused.
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  const grant =
    url.searchParams.has('access_token') || !bearer || has('expired')
      ? undefined
      : state.grantFor(bearer);
  if (!grant) {
    sendJson(res, 401, AUTH_INVALID, limits());
    return { route };
  }

  const body = method === 'PUT' ? await readBody(req) : undefined;
  const out = dispatch(state, method, apiPath, url, grant, body);
  let status = out.status;
  let text = JSON.stringify(out.body);
  const missing = has('missing-field');
  if (missing && status === 200) {
    const strip = (o: unknown) => {
      if (o && typeof o === 'object') delete (o as Record<string, unknown>)[missing.field];
    };
    const copy: unknown = JSON.parse(text);
    if (Array.isArray(copy)) copy.forEach(strip);
    else strip(copy);
    text = JSON.stringify(copy);
  }
  if (has('malformed')) {
    // Cut mid-value: what a dropped proxy connection or a bad deploy hands a client.
    text = `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<html>`;
    status = 200;
  }
  send(res, status, text, 'application/json; charset=utf-8', limits());
  return { route: out.route || route };
}

function routePattern(apiPath: string): string {
  return apiPath.replace(/\/\d+(?=\/|$)/g, '/{id}');
}

/** A JSON or form body, as Strava takes either; anything else reads as empty. */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return {};
}

function update(a: SimActivity, body: Record<string, unknown>): Routed | null {
  const d = a.detail as unknown as Record<string, unknown>;
  if ('workout_type' in body) {
    const t = body.workout_type === null ? 0 : Number(body.workout_type);
    if (!WORKOUT_TYPES.includes(t))
      return {
        route: '',
        status: 400,
        body: {
          message: 'Bad Request',
          errors: [{ resource: 'Activity', field: 'workout_type', code: 'invalid' }],
        },
      };
    d.workout_type = t;
  }
  for (const k of UPDATABLE) if (k in body) d[k] = body[k];
  return null;
}

function dispatch(
  state: SimState,
  method: string,
  path: string,
  url: URL,
  grant: AccessGrant,
  body?: Record<string, unknown>,
): Routed {
  const route = '';
  const p = path.replace(/\/$/, '');
  if (method === 'GET' && p === '/athlete')
    return { route, status: 200, body: athlete(state, grant) };
  const canRead =
    grant.scopes.includes('activity:read') || grant.scopes.includes('activity:read_all');
  const readAll = grant.scopes.includes('activity:read_all');
  const visible = (a: SimActivity | undefined) =>
    a && (readAll || !a.detail.private) ? a : undefined;

  if (method === 'GET' && p === '/athlete/activities') {
    if (!canRead) return { route, status: 401, body: ACTIVITY_READ_MISSING };
    return { route, status: 200, body: list(state, url, readAll) };
  }
  const m = /^\/activities\/(\d+)(?:\/(streams|laps))?$/.exec(p);
  if (method === 'GET' && m) {
    if (!canRead) return { route, status: 401, body: ACTIVITY_READ_MISSING };
    const a = visible(state.activities.get(Number(m[1])));
    if (!a) return { route, status: 404, body: NOT_FOUND('Activity') };
    if (m[2] === 'laps') return { route, status: 200, body: a.detail.laps };
    if (m[2] === 'streams') return { route, status: 200, body: streams(a.streams, url) };
    return { route, status: 200, body: a.detail };
  }
  const put = /^\/activities\/(\d+)$/.exec(p);
  if (method === 'PUT' && put) {
    if (!grant.scopes.includes('activity:write'))
      return { route, status: 401, body: ACTIVITY_WRITE_MISSING };
    const a = visible(state.activities.get(Number(put[1])));
    if (!a) return { route, status: 404, body: NOT_FOUND('Activity') };
    return update(a, body ?? {}) ?? { route, status: 200, body: a.detail };
  }
  return { route, status: 404, body: NOT_FOUND('resource', 'path') };
}

function athlete(state: SimState, grant: AccessGrant) {
  const a: Record<string, unknown> = { ...state.athlete };
  if (!grant.scopes.includes('profile:read_all')) {
    for (const k of PROFILE_ALL_ONLY) delete a[k];
    a.resource_state = 2;
  }
  return a;
}

function toSummary(d: SimDetail): Record<string, unknown> {
  const s: Record<string, unknown> = { ...d, resource_state: 2 };
  for (const k of DETAIL_ONLY) delete s[k];
  s.map = { id: d.map.id, summary_polyline: d.map.summary_polyline, resource_state: 2 };
  return s;
}

function intParam(url: URL, name: string): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.floor(n) : undefined;
}

function list(state: SimState, url: URL, readAll: boolean) {
  const after = intParam(url, 'after');
  const before = intParam(url, 'before');
  const page = Math.max(1, intParam(url, 'page') ?? 1);
  const perPage = Math.min(200, Math.max(1, intParam(url, 'per_page') ?? 30));
  const items = state.sortedActivities().filter((a) => {
    if (a.detail.private && !readAll) return false;
    const startS = Date.parse(a.detail.start_date) / 1000;
    if (after !== undefined && !(startS > after)) return false;
    if (before !== undefined && !(startS < before)) return false;
    return true;
  });
  return items.slice((page - 1) * perPage, page * perPage).map((a) => toSummary(a.detail));
}

/**
 * Streams: without `keys` only distance comes back (as recorded from Strava); with keys, the
 * requested ones plus distance, the series type. key_by_type=true gives an object, else an array.
 */
function streams(s: SimStreams | null, url: URL) {
  const requested = (url.searchParams.get('keys') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k): k is StreamKey => (STREAM_KEYS as string[]).includes(k));
  const keys = [...new Set<StreamKey>(['distance', ...requested])];
  const byType = url.searchParams.get('key_by_type') === 'true';
  const entries: [StreamKey, unknown[]][] = [];
  if (s) {
    for (const k of keys) {
      const data = s[k];
      if (data) entries.push([k, data]);
    }
  }
  const stream = (data: unknown[]) => ({
    data,
    series_type: 'distance',
    original_size: data.length,
    resolution: 'high',
  });
  if (byType) return Object.fromEntries(entries.map(([k, d]) => [k, stream(d)]));
  return entries.map(([k, d]) => ({ type: k, ...stream(d) }));
}
