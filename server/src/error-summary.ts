// What the broker logs about a failure: Strava's endpoint and status, or the error's class.
// Never an error's free text from elsewhere, which may quote a request (and with it a token).
import { StravaRequestError } from './strava-client.ts';

export function errorSummary(error: unknown): string {
  if (error instanceof StravaRequestError) return error.message;
  if (!(error instanceof Error)) return 'unknown error';
  if (error.name === 'TimeoutError') return 'Strava timed out';
  // fetch's own failure: the cause's code (ECONNREFUSED, ENOTFOUND) says why.
  const cause = error.cause as { code?: unknown } | undefined;
  if (error.name === 'TypeError' && error.message === 'fetch failed') {
    return `Strava unreachable (${typeof cause?.code === 'string' ? cause.code : 'network error'})`;
  }
  return error.name;
}
