// Everything the simulator knows at one moment: the athlete and their activities, the registered
// API app, grants and tokens, pending faults, rate-limit counters and the request log. One object,
// so `reset` can rebuild it and in-process tests can look inside.
import { randomBytes } from 'node:crypto';
import { defaultApp, type SimApp } from './app-config.ts';
import type { Planner } from './athlete-generator.ts';
import type { SimClock } from './clock.ts';
import { FaultQueue } from './faults.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { AthleteContext } from './run-builder.ts';
import type { SimActivity, SimAthlete } from './types.ts';

export interface RequestLogEntry {
  /** Sim-clock time, epoch ms. */
  at: number;
  method: string;
  path: string;
  /** The route pattern, e.g. `GET /api/v3/activities/{id}`: what the benchmarks count by. */
  route: string;
  area: 'api' | 'oauth' | 'page';
  status: number;
}

const ACCESS_TOKEN_TTL_S = 21_600;
/** Codes are single use and short-lived on Strava too. */
const CODE_TTL_MS = 10 * 60_000;

export interface AuthCode {
  scopes: string[];
  redirectUri: string;
  expiresAt: number;
}

export interface AccessGrant {
  scopes: string[];
  /** Epoch ms on the sim clock. */
  expiresAt: number;
}

export interface SimData {
  athlete: SimAthlete;
  activities: SimActivity[];
  context?: AthleteContext;
  planner?: Planner;
}

export class SimState {
  readonly activities = new Map<number, SimActivity>();
  /** Deleted ids: their page is a 404 (not a stranger's run), as on Strava. */
  readonly deletedIds = new Set<number>();
  readonly requestLog: RequestLogEntry[] = [];
  app: SimApp = defaultApp();
  readonly faults = new FaultQueue();
  readonly rateLimiter: RateLimiter;
  readonly codes = new Map<string, AuthCode>();
  readonly accessTokens = new Map<string, AccessGrant>();
  /** refresh token → the scopes it carries and the access token it last issued. */
  readonly refreshTokens = new Map<string, { scopes: string[]; accessToken: string }>();
  /** Scopes the athlete has approved for the app (approval_prompt=auto skips the page for them). */
  approvedScopes: Set<string> | undefined;
  athlete: SimAthlete;
  context: AthleteContext | undefined;
  planner: Planner | undefined;

  constructor(
    readonly clock: SimClock,
    data: SimData,
  ) {
    this.rateLimiter = new RateLimiter(() => clock.now());
    this.athlete = data.athlete;
    this.context = data.context;
    this.planner = data.planner;
    for (const a of data.activities) this.activities.set(a.detail.id, a);
  }

  /** The athlete's activities, newest first by start_date (Strava's list order). */
  sortedActivities(): SimActivity[] {
    return [...this.activities.values()].sort(
      (a, b) => Date.parse(b.detail.start_date) - Date.parse(a.detail.start_date),
    );
  }

  issueCode(scopes: string[], redirectUri: string): string {
    const code = token();
    this.codes.set(code, { scopes, redirectUri, expiresAt: this.clock.now() + CODE_TTL_MS });
    return code;
  }

  /** Single use: a code is gone after the first exchange, good or bad. */
  redeemCode(code: string): AuthCode | undefined {
    const c = this.codes.get(code);
    this.codes.delete(code);
    return c && c.expiresAt > this.clock.now() ? c : undefined;
  }

  issueTokens(scopes: string[]): { access: string; refresh: string; expiresAt: number } {
    const access = token();
    const refresh = token();
    const expiresAt = this.clock.now() + ACCESS_TOKEN_TTL_S * 1000;
    this.accessTokens.set(access, { scopes, expiresAt });
    this.refreshTokens.set(refresh, { scopes, accessToken: access });
    return { access, refresh, expiresAt };
  }

  /**
   * Refresh with rotation: the old refresh token dies, a new one is issued. Like Strava, the
   * current access token is handed back while it has more than an hour left.
   */
  refresh(
    refreshToken: string,
  ): { access: string; refresh: string; expiresAt: number } | undefined {
    const r = this.refreshTokens.get(refreshToken);
    if (!r) return undefined;
    this.refreshTokens.delete(refreshToken);
    const current = this.accessTokens.get(r.accessToken);
    const now = this.clock.now();
    if (current && current.expiresAt - now > 3_600_000) {
      const refresh = token();
      this.refreshTokens.set(refresh, { scopes: r.scopes, accessToken: r.accessToken });
      return { access: r.accessToken, refresh, expiresAt: current.expiresAt };
    }
    if (current) this.accessTokens.delete(r.accessToken);
    return this.issueTokens(r.scopes);
  }

  /** A valid (known, unexpired on the sim clock) access grant. */
  grantFor(accessToken: string): AccessGrant | undefined {
    const g = this.accessTokens.get(accessToken);
    return g && g.expiresAt > this.clock.now() ? g : undefined;
  }

  /** Deauthorize/revoke: the athlete's whole authorization for the app goes. */
  revokeAll(): void {
    this.approvedScopes = undefined;
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  log(entry: Omit<RequestLogEntry, 'at'>): void {
    this.requestLog.push({ at: this.clock.now(), ...entry });
  }
}

const token = (): string => randomBytes(20).toString('hex');
