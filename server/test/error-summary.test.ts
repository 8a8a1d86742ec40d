import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorSummary } from '../src/error-summary.ts';
import { StravaRequestError } from '../src/strava-client.ts';

describe('errorSummary', () => {
  it("says Strava's endpoint and status, or why Strava was not reached, and nothing else", async () => {
    expect(errorSummary(new StravaRequestError('oauth/token:refresh', 503))).toBe(
      'Strava oauth/token:refresh answered 503',
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    expect(errorSummary(refused)).toBe('Strava unreachable (ECONNREFUSED)');
    expect(errorSummary(new Error('refresh_token=abc was refused'))).toBe('Error');
    expect(errorSummary('a string')).toBe('unknown error');
  });
});
