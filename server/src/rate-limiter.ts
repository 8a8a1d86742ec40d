// Fixed-window request counts per key (a session, an address). In memory and per process: with
// N broker processes behind a balancer the effective limit is up to N times the setting.

export type RateLimiter = { take(key: string): boolean };

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  nowMs?: () => number;
}): RateLimiter {
  const now = options.nowMs ?? Date.now;
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = now() + options.windowMs;

  return {
    take(key) {
      const t = now();
      if (t >= nextSweep) {
        // Forget finished windows so the map holds only keys seen in the current window.
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        nextSweep = t + options.windowMs;
      }
      const current = windows.get(key);
      if (!current || current.resetAt <= t) {
        windows.set(key, { count: 1, resetAt: t + options.windowMs });
        return true;
      }
      current.count += 1;
      return current.count <= options.limit;
    },
  };
}

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 form. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
