// Strava's per-application rate limits with real accounting on the sim clock: 15-minute windows
// that reset at :00/:15/:30/:45 UTC and a daily window that resets at midnight UTC, counted
// separately for all requests and for reads (GET). Rejected requests are not counted.

export interface RateLimits {
  overall15: number;
  overallDay: number;
  read15: number;
  readDay: number;
}

export const DEFAULT_LIMITS: RateLimits = {
  overall15: 200,
  overallDay: 2000,
  read15: 100,
  readDay: 1000,
};

const QUARTER = 15 * 60_000;
const DAY = 86_400_000;

export interface RateUsage {
  overall15: number;
  overallDay: number;
  read15: number;
  readDay: number;
}

export class RateLimiter {
  limits: RateLimits = { ...DEFAULT_LIMITS };
  private quarter = -1;
  private day = -1;
  private usage: RateUsage = { overall15: 0, overallDay: 0, read15: 0, readDay: 0 };

  constructor(private readonly now: () => number) {}

  /** Usage in the current windows (rolling them over first if the clock moved on). */
  current(): RateUsage {
    const t = this.now();
    const q = Math.floor(t / QUARTER);
    const d = Math.floor(t / DAY);
    if (d !== this.day) {
      this.day = d;
      this.usage.overallDay = 0;
      this.usage.readDay = 0;
    }
    if (q !== this.quarter) {
      this.quarter = q;
      this.usage.overall15 = 0;
      this.usage.read15 = 0;
    }
    return { ...this.usage };
  }

  /** Counts one request, or returns false (and counts nothing) when a limit is reached. */
  take(isRead: boolean): boolean {
    const u = this.current();
    const l = this.limits;
    if (u.overall15 >= l.overall15 || u.overallDay >= l.overallDay) return false;
    if (isRead && (u.read15 >= l.read15 || u.readDay >= l.readDay)) return false;
    this.usage.overall15++;
    this.usage.overallDay++;
    if (isRead) {
      this.usage.read15++;
      this.usage.readDay++;
    }
    return true;
  }

  /** Headers in the format Strava sends (see response-headers.examples.json). */
  headers(): Record<string, string> {
    const u = this.current();
    const l = this.limits;
    return {
      'X-RateLimit-Limit': `${l.overall15},${l.overallDay}`,
      'X-RateLimit-Usage': `${u.overall15},${u.overallDay}`,
      'X-ReadRateLimit-Limit': `${l.read15},${l.readDay}`,
      'X-ReadRateLimit-Usage': `${u.read15},${u.readDay}`,
    };
  }

  reset(): void {
    this.quarter = -1;
    this.day = -1;
  }
}
