// The admin surface: the same operations as typed methods (for in-process tests and the bench)
// and as JSON routes under /admin/ (for the browser tests, the demo and curl).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimApp } from './app-config.ts';
import type { FaultRequest } from './faults.ts';
import { readBody, sendJson } from './http.ts';
import type { PushEvent } from './push.ts';
import type { RateLimits } from './rate-limiter.ts';
import { buildActivity } from './run-builder.ts';
import type { RequestLogEntry, SimState } from './state.ts';
import { type RunKind, SIM_RUN_KINDS } from './types.ts';

type SimEvent = Omit<PushEvent, 'subscription_id' | 'event_time'>;

export interface FinishRunRequest {
  /** Default 'easy'. Any generator kind: easy, intervals, tempo, long, race, trail, treadmill, manual, ride. */
  kind?: RunKind;
  /** A late-synced older run: it started this many seconds before now (default: it ends now). */
  startedAgoS?: number;
  name?: string;
  workout_type?: number | null;
  private?: boolean;
}

export interface EditActivityRequest {
  id: number;
  name?: string;
  workout_type?: number | null;
  private?: boolean;
}

export interface SetAppRequest {
  client_id?: string;
  client_secret?: string;
  /** One domain, as on strava.com/settings/api, or a list. */
  callback_domain?: string | string[];
}

export interface RequestsReport {
  /** API requests only (what counts against Strava's limits). */
  count: number;
  byRoute: Record<string, number>;
  log: RequestLogEntry[];
}

export class SimAdmin {
  constructor(
    private readonly getState: () => SimState,
    private readonly doReset: () => void,
    /** Tells the push subscription's callback (push.ts); `force`: even with no tokens left. */
    private readonly emit: (event: SimEvent, force?: boolean) => void = () => {},
  ) {}

  private tell(
    aspect_type: SimEvent['aspect_type'],
    object_id: number,
    updates: Record<string, string> = {},
  ): void {
    this.emit({
      object_type: 'activity',
      aspect_type,
      object_id,
      owner_id: this.state.athlete.id,
      updates,
    });
  }

  /** The athlete revokes the app on strava.com: every token dies and the callback is told. */
  deauthorize(): { ok: true } {
    this.state.revokeAll();
    const id = this.state.athlete.id;
    this.emit(
      {
        object_type: 'athlete',
        aspect_type: 'update',
        object_id: id,
        owner_id: id,
        updates: { authorized: 'false' },
      },
      true,
    );
    return { ok: true };
  }

  private get state(): SimState {
    return this.getState();
  }

  /** Queue a fault; 'revoked' acts at once (every token invalid until the athlete re-authorizes). */
  fault(req: FaultRequest): { ok: true; pending: number } {
    if (req.kind === 'revoked') this.state.revokeAll();
    else this.state.faults.add(req);
    return { ok: true, pending: this.state.faults.pending().length };
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  finishRun(req: FinishRunRequest = {}): { id: number; start_date: string; elapsed_time: number } {
    const s = this.state;
    const kind = req.kind ?? 'easy';
    if (!(SIM_RUN_KINDS as readonly string[]).includes(kind))
      throw new AdminError(`unknown kind ${kind}`);
    if (!s.planner || !s.context) throw new AdminError('finish-run needs the generated athlete');
    const now = s.clock.now();
    const at =
      req.startedAgoS !== undefined ? { start: now - req.startedAgoS * 1000 } : { end: now };
    const spec = s.planner.spec(kind, at, { week: 0, back: 0 });
    // Strava never reuses an id: a deleted activity's id stays taken.
    const maxId = Math.max(16_000_000_000, ...s.activities.keys(), ...s.deletedIds);
    const id = maxId + 123_450;
    const activity = buildActivity(
      {
        ...spec,
        id,
        ...(req.name !== undefined ? { name: req.name } : {}),
        ...(req.workout_type !== undefined ? { workoutType: req.workout_type } : {}),
        ...(req.private !== undefined ? { private: req.private } : {}),
      },
      s.context,
      s.planner.prng,
    );
    s.activities.set(id, activity);
    this.tell('create', id);
    return {
      id,
      start_date: activity.detail.start_date,
      elapsed_time: activity.detail.elapsed_time,
    };
  }

  editActivity(req: EditActivityRequest): { ok: true } {
    const a = this.state.activities.get(req.id);
    if (!a) throw new AdminError(`no activity ${req.id}`, 404);
    if (req.name !== undefined) a.detail.name = req.name;
    if (req.workout_type !== undefined) a.detail.workout_type = req.workout_type;
    if (req.private !== undefined) {
      a.detail.private = req.private;
      a.detail.visibility = req.private ? 'only_me' : 'everyone';
    }
    // Strava's update events name what changed: title, type, private.
    const updates: Record<string, string> = {};
    if (req.name !== undefined) updates.title = req.name;
    if (req.workout_type !== undefined) updates.type = a.detail.sport_type;
    if (req.private !== undefined) updates.private = String(req.private);
    this.tell('update', req.id, updates);
    return { ok: true };
  }

  deleteActivity(id: number): { ok: true } {
    if (!this.state.activities.delete(id)) throw new AdminError(`no activity ${id}`, 404);
    this.state.deletedIds.add(id);
    this.tell('delete', id);
    return { ok: true };
  }

  setApp(req: SetAppRequest): SimApp {
    const app = this.state.app;
    if (req.client_id !== undefined) app.clientId = String(req.client_id);
    if (req.client_secret !== undefined) app.clientSecret = String(req.client_secret);
    if (req.callback_domain !== undefined) {
      app.callbackDomains = Array.isArray(req.callback_domain)
        ? req.callback_domain
        : [req.callback_domain];
    }
    return { ...app, callbackDomains: [...app.callbackDomains] };
  }

  setRateLimits(limits: Partial<RateLimits>): RateLimits {
    Object.assign(this.state.rateLimiter.limits, limits);
    return { ...this.state.rateLimiter.limits };
  }

  clock(req: { set?: number; advance?: number } = {}): { now: number; iso: string } {
    const c = this.state.clock;
    if (req.set !== undefined) c.set(req.set);
    if (req.advance !== undefined) c.advance(req.advance);
    return { now: c.now(), iso: new Date(c.now()).toISOString() };
  }

  requests(): RequestsReport {
    const api = this.state.requestLog.filter((e) => e.area === 'api');
    const byRoute: Record<string, number> = {};
    for (const e of api) byRoute[e.route] = (byRoute[e.route] ?? 0) + 1;
    return { count: api.length, byRoute, log: [...this.state.requestLog] };
  }

  clearRequests(): void {
    this.state.requestLog.length = 0;
  }

  /** Back to a fresh athlete (same seed, regenerated against the current sim clock), no tokens, no faults. */
  reset(): { ok: true } {
    this.doReset();
    return { ok: true };
  }

  summary() {
    const s = this.state;
    return {
      now: s.clock.now(),
      athlete: { id: s.athlete.id, name: `${s.athlete.firstname} ${s.athlete.lastname}` },
      activities: s.activities.size,
      newest: s.sortedActivities()[0]?.detail.id ?? null,
      newestRun:
        s.sortedActivities().find((a) => a.detail.sport_type.endsWith('Run'))?.detail.id ?? null,
      app: s.app,
      tokens: s.accessTokens.size,
      faults: s.faults.pending(),
      rateLimits: { limits: s.rateLimiter.limits, usage: s.rateLimiter.current() },
    };
  }
}

class AdminError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** /admin/* over HTTP: JSON in, JSON out. Returns false for other paths. */
export async function handleAdmin(
  admin: SimAdmin,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<boolean> {
  if (!url.pathname.startsWith('/admin/')) return false;
  const name = url.pathname.slice('/admin/'.length).replace(/\/$/, '');
  const method = req.method ?? 'GET';
  let body: Record<string, unknown> = {};
  if (method === 'POST' || method === 'DELETE') {
    const raw = await readBody(req);
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      sendJson(res, 400, { error: 'body must be JSON' });
      return true;
    }
  }
  const num = (v: unknown) => (v === undefined ? undefined : Number(v));
  try {
    const out = ((): unknown => {
      switch (`${method} ${name}`) {
        case 'GET state':
          return admin.summary();
        case 'POST fault':
          return admin.fault(body as unknown as FaultRequest);
        case 'DELETE faults':
          admin.clearFaults();
          return { ok: true };
        case 'POST finish-run':
          return admin.finishRun(body as FinishRunRequest);
        case 'POST edit-activity':
          return admin.editActivity({
            ...(body as object),
            id: Number(body.id),
          } as EditActivityRequest);
        case 'POST delete-activity':
          return admin.deleteActivity(Number(body.id));
        case 'POST set-app':
          return admin.setApp(body as SetAppRequest);
        case 'POST rate-limits':
          return admin.setRateLimits(body as Partial<RateLimits>);
        case 'GET clock':
          return admin.clock();
        case 'POST clock':
          return admin.clock({ set: num(body.set), advance: num(body.advance) });
        case 'GET requests':
          return admin.requests();
        case 'DELETE requests':
          admin.clearRequests();
          return { ok: true };
        case 'POST deauthorize':
          return admin.deauthorize();
        case 'POST reset':
          return admin.reset();
        default:
          throw new AdminError(`no admin route ${method} /admin/${name}`, 404);
      }
    })();
    sendJson(res, 200, out);
  } catch (err) {
    sendJson(res, err instanceof AdminError ? err.status : 400, {
      error: err instanceof Error ? err.message : String(err),
    });
  }
  return true;
}
