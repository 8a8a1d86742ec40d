// The small field builders every record schema uses, so "an id", "a finite number" and "an
// instant" mean the same thing in storage, messages, exports and the popup's snapshot.
import { z } from 'zod/mini';

export const finite = () => z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
/** A positive integer id (Strava's activity and athlete ids). */
export const id = () => z.number().check(z.int(), z.positive());
/** UTC epoch milliseconds. */
export const epochMs = () => z.number().check(z.int(), z.gte(0));
/** A local date, YYYY-MM-DD. */
export const localDate = () =>
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));

/** An inclusive range, as the forms, the schemas and the messages all state it. */
export interface Range {
  min: number;
  max: number;
}
export const inRange = (range: Range) => finite().check(z.gte(range.min), z.lte(range.max));
export const intInRange = (range: Range) =>
  z.number().check(z.int(), z.gte(range.min), z.lte(range.max));

/** Whether `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
/** An IANA zone this runtime knows: a bad one (an import, corrupt storage) breaks every clock. */
export const timeZone = () =>
  z.string().check(z.maxLength(64), z.refine(isTimeZone, 'not a time zone this browser knows'));
