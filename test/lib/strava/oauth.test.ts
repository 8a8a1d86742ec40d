import { describe, expect, it } from 'vitest';
import { StravaError } from '../../../lib/strava/errors';
import {
  authorizeUrl,
  exchangeCode,
  parseRedirect,
  refreshTokens,
  revokeAccess,
} from '../../../lib/strava/oauth';
import { BODIES, fakeFetch, type Handler, json } from './fake-fetch';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const creds = { clientId: '12345', clientSecret: 'c'.repeat(40) };

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StravaError && e.detail.kind === 'oauth') return e.detail.reason;
    throw e;
  }
  return undefined;
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StravaError)
      return e.detail.kind === 'oauth' ? `oauth:${e.detail.reason}` : e.kind;
    throw e;
  }
  return 'ok';
}

const http = (handler: Handler) => {
  const fake = fakeFetch(handler);
  return { http: { fetch: fake.fetch, timeoutMs: 1000, now: () => 0 }, calls: fake.calls };
};

describe('authorizeUrl', () => {
  it('asks for the three scopes with a code response and our state', () => {
    const url = new URL(authorizeUrl({ clientId: '12345', redirectUri: REDIRECT, state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://www.strava.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '12345',
      redirect_uri: REDIRECT,
      response_type: 'code',
      approval_prompt: 'auto',
      scope: 'read,activity:read_all,profile:read_all',
      state: 's1',
    });
  });
});

describe('parseRedirect', () => {
  it('reads the code and the granted scopes', () => {
    expect(
      parseRedirect(
        `${REDIRECT}?state=s1&code=abc&scope=read,activity:read_all,profile:read_all`,
        's1',
      ),
    ).toEqual({ code: 'abc', scopes: ['read', 'activity:read_all', 'profile:read_all'] });
  });

  it('reports a partial grant as it is (the caller decides what it means)', () => {
    expect(parseRedirect(`${REDIRECT}?state=s1&code=abc&scope=read`, 's1').scopes).toEqual([
      'read',
    ]);
  });

  it('Cancel on Strava (error=access_denied) is "cancelled"', () => {
    expect(reason(() => parseRedirect(`${REDIRECT}?state=s1&error=access_denied`, 's1'))).toBe(
      'cancelled',
    );
  });

  it('a redirect for another attempt is refused', () => {
    expect(reason(() => parseRedirect(`${REDIRECT}?state=other&code=abc&scope=read`, 's1'))).toBe(
      'state-mismatch',
    );
  });

  it('a redirect without a code fails', () => {
    expect(reason(() => parseRedirect(`${REDIRECT}?state=s1`, 's1'))).toBe('failed');
  });
});

describe('token endpoint', () => {
  it('a wrong client id or secret is bad-client', async () => {
    const { http: h } = http(() => json(400, BODIES.clientInvalid));
    expect(await kindOf(exchangeCode(h, creds, 'code'))).toBe('oauth:bad-client');
  });

  it('an expired or reused code is bad-code', async () => {
    const { http: h } = http(() => json(400, BODIES.codeInvalid));
    expect(await kindOf(exchangeCode(h, creds, 'code'))).toBe('oauth:bad-code');
  });

  it('a rejected refresh token is reconnect-needed', async () => {
    const { http: h } = http(() => json(400, BODIES.refreshInvalid));
    expect(await kindOf(refreshTokens(h, creds, 'r'))).toBe('reconnect-needed');
  });

  it('a token response without refresh_token is bad-response', async () => {
    const { http: h } = http(() => json(200, { access_token: 'a', expires_at: 1 }));
    expect(await kindOf(exchangeCode(h, creds, 'code'))).toBe('bad-response');
  });
});

describe('revokeAccess', () => {
  it('uses oauth/deauthorize with the token in the header', async () => {
    const { http: h, calls } = http(() => json(200, { access_token: 'tok' }));
    expect(await revokeAccess(h, 'tok')).toBe('deauthorize');
    expect(calls[0]!.url.href).toBe('https://www.strava.com/oauth/deauthorize');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(calls[0]!.body).toBe('');
  });

  it('falls back to oauth/revoke where deauthorize is gone', async () => {
    const { http: h, calls } = http((c) =>
      c.url.pathname === '/oauth/deauthorize'
        ? json(404, '{"message":"Not Found"}')
        : json(200, {}),
    );
    expect(await revokeAccess(h, 'tok')).toBe('revoke');
    expect(calls.map((c) => c.url.pathname)).toEqual(['/oauth/deauthorize', '/oauth/revoke']);
  });

  it('an already revoked token counts as done', async () => {
    const { http: h } = http(() => json(401, BODIES.tokenInvalid));
    expect(await revokeAccess(h, 'tok')).toBe('deauthorize');
  });
});
