// The simulator's clock. Token expiry, rate-limit windows and "the run that just ended" all read
// it, so tests can jump hours or cross a 15-minute boundary without waiting.

export interface SimClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock that follows `base` (default Date.now) shifted by whatever set/advance asked for. */
export function createClock(base: () => number = Date.now): SimClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    set(ms) {
      offset = ms - base();
    },
    advance(ms) {
      offset += ms;
    },
  };
}
