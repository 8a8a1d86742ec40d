// The list cursor as stored in browser.storage.local: anything that is not a plausible time (a
// garbage or hostile value, a clock that was far ahead) reads as no cursor, so the pass backfills
// six weeks instead of listing the whole history with after=NaN.
import { DAY_MS } from '../time';

export interface Cursor {
  /** Newest start_date seen, epoch ms. */
  newestStartMs: number | null;
  /** When the six-week history was first read; null until then. */
  backfilledAt: number | null;
}

export const EMPTY_CURSOR: Cursor = { newestStartMs: null, backfilledAt: null };

/** Strava was founded in 2009; nothing we list starts before. */
const EARLIEST = Date.UTC(2008, 0, 1);

const plausible = (v: unknown, now: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= now + DAY_MS;

export function validCursor(raw: unknown, now: number): Cursor {
  const c = (raw ?? {}) as Partial<Record<keyof Cursor, unknown>>;
  const newest = plausible(c.newestStartMs, now) ? c.newestStartMs : null;
  const backfilled = plausible(c.backfilledAt, now) ? c.backfilledAt : null;
  return newest === null || backfilled === null
    ? EMPTY_CURSOR
    : { newestStartMs: newest, backfilledAt: backfilled };
}
