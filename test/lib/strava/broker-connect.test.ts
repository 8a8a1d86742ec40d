// The broker's redirect back to the extension is untrusted input: only a grant with our own
// state is accepted; errors become the same oauth errors as the own-app flow.
import { describe, expect, it } from 'vitest';
import { createBrokerClient } from '../../../lib/strava/broker-client';
import { authorizeThroughBroker, readGrant } from '../../../lib/strava/broker-connect';
import { StravaError } from '../../../lib/strava/errors';

const BACK = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const SESSION = 's'.repeat(43);

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof StravaError && e.detail.kind === 'oauth') return e.detail.reason;
    throw e;
  }
  return 'accepted';
}

describe('readGrant', () => {
  it('takes the session, athlete and scopes of a grant with our state', () => {
    const grant = readGrant(
      `${BACK}#session=${SESSION}&state=ours&athlete_id=1234&scope=read%2Cactivity%3Aread_all`,
      'ours',
    );
    expect(grant).toMatchObject({
      session: SESSION,
      athleteId: 1234,
      scopes: ['read', 'activity:read_all'],
      eventCursor: 0,
      needsReconnect: false,
    });
  });

  it('refuses another state, errors and malformed fragments', () => {
    const grant = `session=${SESSION}&athlete_id=1&scope=read`;
    expect(reason(() => readGrant(`${BACK}#${grant}&state=theirs`, 'ours'))).toBe('state-mismatch');
    expect(reason(() => readGrant(`${BACK}#error=access_denied&state=ours`, 'ours'))).toBe(
      'cancelled',
    );
    expect(reason(() => readGrant(`${BACK}#error=insufficient_scope&state=ours`, 'ours'))).toBe(
      'scope-refused',
    );
    expect(reason(() => readGrant(`${BACK}#error=strava_unavailable&state=ours`, 'ours'))).toBe(
      'failed',
    );
    expect(
      reason(() => readGrant(`${BACK}#session=short&state=ours&athlete_id=1&scope=read`, 'ours')),
    ).toBe('failed');
    expect(
      reason(() =>
        readGrant(`${BACK}#session=${SESSION}&state=ours&athlete_id=x1&scope=read`, 'ours'),
      ),
    ).toBe('failed');
    expect(reason(() => readGrant('not a url', 'ours'))).toBe('failed');
  });

  it('opens the broker’s /connect with this browser’s redirect URL and a fresh state', async () => {
    const broker = createBrokerClient('https://broker.example', {
      fetch: () => Promise.reject(new Error('no network')),
      timeoutMs: 1000,
      now: () => 0,
    });
    let opened = '';
    const grant = await authorizeThroughBroker(
      broker,
      {
        getRedirectURL: () => BACK,
        launchWebAuthFlow: async ({ url }) => {
          opened = url;
          const state = new URL(url).searchParams.get('state');
          return `${BACK}#session=${SESSION}&state=${state}&athlete_id=9&scope=read`;
        },
      },
      () => 'fresh-state',
    );
    const url = new URL(opened);
    expect(url.origin + url.pathname).toBe('https://broker.example/connect');
    expect(url.searchParams.get('redirect_uri')).toBe(BACK);
    expect(url.searchParams.get('state')).toBe('fresh-state');
    expect(grant.athleteId).toBe(9);
  });
});
