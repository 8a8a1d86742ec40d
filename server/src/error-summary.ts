// What the broker logs about a failure: Strava's endpoint and status, or the error's class.
// Never an error's free text from elsewhere, which may quote a request (and with it a token).
import { StravaRequestError } from './strava-client.ts';

export function errorSummary(error: unknown): string {
  if (error instanceof StravaRequestError) return error.message;
  if (error instanceof Error)
    return error.name === 'TimeoutError' ? 'Strava timed out' : error.name;
  return 'unknown error';
}
