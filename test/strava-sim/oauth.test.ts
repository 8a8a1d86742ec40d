import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './app-config.ts';
import { approve, connect, TEST_REDIRECT, type TokenResponse } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, weeks: 3 });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.state.revokeAll();
  sim.setApp({
    client_id: DEFAULT_CLIENT_ID,
    client_secret: DEFAULT_CLIENT_SECRET,
    callback_domain: '*.chromiumapp.org',
  });
  sim.clock.set(NOW);
});

const authorizeUrl = (q: Record<string, string>) =>
  `/oauth/authorize?${new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: TEST_REDIRECT,
    response_type: 'code',
    approval_prompt: 'force',
    scope: 'read,activity:read_all,profile:read_all',
    state: 's1',
    ...q,
  })}`;

const token = (body: Record<string, string>) =>
  simRequest(sim, '/oauth/token', {
    body: { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, ...body },
  });

describe('GET /oauth/authorize', () => {
  it('shows an approval page with the athlete, one checkbox per scope and both buttons', async () => {
    const res = await simRequest(sim, authorizeUrl({}));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const a = sim.state.athlete;
    expect(res.text).toContain(`${a.firstname} ${a.lastname}`);
    expect(res.text.match(/type="checkbox"/g)).toHaveLength(3);
    expect(res.text).toContain('value="activity:read_all"');
    expect(res.text).toMatch(/<button type="submit" id="authorize"[^>]*>Authorize<\/button>/);
    expect(res.text).toMatch(/<button type="submit" id="cancel"[^>]*>Cancel<\/button>/);
    // Every checkbox has a label (keyboard and screen-reader usable).
    for (const id of res.text.matchAll(/type="checkbox" id="([^"]+)"/g))
      expect(res.text).toContain(`<label for="${id[1]}">`);
  });

  it('skips the page with approval_prompt=auto once the scopes were approved (until revoked)', async () => {
    const auto = authorizeUrl({ approval_prompt: 'auto', scope: 'read,activity:read_all' });
    expect((await simRequest(sim, auto)).status).toBe(200);
    await approve(sim);
    const again = await simRequest(sim, auto);
    expect(again.status).toBe(302);
    const back = new URL(String(again.headers.location));
    expect(back.searchParams.get('scope')).toBe('read,activity:read_all');
    expect(back.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    expect((await simRequest(sim, authorizeUrl({}))).status).toBe(200); // force
    sim.state.revokeAll();
    expect((await simRequest(sim, auto)).status).toBe(200);
  });

  it('rejects an unknown client id like Strava', async () => {
    const res = await simRequest(sim, authorizeUrl({ client_id: '1' }));
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'Application', field: 'client_id', code: 'invalid' }],
    });
  });

  it('rejects a redirect_uri outside the callback domain', async () => {
    const res = await simRequest(
      sim,
      authorizeUrl({ redirect_uri: 'https://evil.example.com/cb' }),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'Application', field: 'redirect_uri', code: 'invalid' }],
    });
    // A look-alike suffix is not a subdomain.
    const tricky = await simRequest(
      sim,
      authorizeUrl({ redirect_uri: 'https://xchromiumapp.org/' }),
    );
    expect(tricky.status).toBe(400);
    // The Firefox host is accepted once the app is set to it.
    sim.setApp({ callback_domain: 'extensions.allizom.org' });
    const ff = await simRequest(
      sim,
      authorizeUrl({ redirect_uri: 'https://abc.extensions.allizom.org/' }),
    );
    expect(ff.status).toBe(200);
    const chrome = await simRequest(sim, authorizeUrl({}));
    expect(chrome.status).toBe(400);
  });

  it('rejects a scope Strava does not know', async () => {
    const res = await simRequest(sim, authorizeUrl({ scope: 'view_private,write' }));
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'Authorize', field: 'scope', code: 'invalid' }],
    });
  });
});

describe('approval and token exchange', () => {
  it('redirects with state, code and the granted scopes, then exchanges the code once', async () => {
    const back = await approve(sim, { state: 'abc' });
    expect(back.origin + back.pathname).toBe(TEST_REDIRECT);
    expect(back.searchParams.get('state')).toBe('abc');
    expect(back.searchParams.get('scope')).toBe('read,activity:read_all,profile:read_all');
    // Written the way Strava writes it: commas and colons unescaped.
    expect(back.search).toContain('&scope=read,activity:read_all,profile:read_all');
    const code = back.searchParams.get('code')!;
    const res = await token({ code, grant_type: 'authorization_code' });
    expect(res.status).toBe(200);
    const t = res.json<TokenResponse>();
    expect(t.token_type).toBe('Bearer');
    expect(t.expires_in).toBe(21_600);
    expect(t.expires_at).toBe(Math.floor(NOW / 1000) + 21_600);
    expect(t.athlete?.id).toBe(sim.state.athlete.id);
    const again = await token({ code, grant_type: 'authorization_code' });
    expect(again.status).toBe(400);
    expect(again.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'AuthorizationCode', field: 'code', code: 'invalid' }],
    });
  });

  it('accepts the token request as JSON and in the query string too', async () => {
    const code = (await approve(sim)).searchParams.get('code')!;
    const res = await simRequest(sim, '/oauth/token', {
      body: JSON.stringify({
        client_id: Number(DEFAULT_CLIENT_ID),
        client_secret: DEFAULT_CLIENT_SECRET,
        code,
        grant_type: 'authorization_code',
      }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const code2 = (await approve(sim)).searchParams.get('code')!;
    const q = new URLSearchParams({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      code: code2,
      grant_type: 'authorization_code',
    });
    expect((await simRequest(sim, `/oauth/token?${q}`, { method: 'POST' })).status).toBe(200);
  });

  it('redirects a cancel with error=access_denied and no code', async () => {
    const back = await approve(sim, { decision: 'cancel', state: 'st' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('grants only the scopes the runner left ticked', async () => {
    const back = await approve(sim, { grant: ['read', 'profile:read_all'] });
    expect(back.searchParams.get('scope')).toBe('read,profile:read_all');
    const t = (
      await token({ code: back.searchParams.get('code')!, grant_type: 'authorization_code' })
    ).json<TokenResponse>();
    const list = await simRequest(sim, '/api/v3/athlete/activities', {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    expect(list.status).toBe(401);
    expect(list.json()).toEqual({
      message: 'Authorization Error',
      errors: [{ resource: 'AccessToken', field: 'activity:read_permission', code: 'missing' }],
    });
  });

  it('refuses a wrong client id or secret', async () => {
    const code = (await approve(sim)).searchParams.get('code')!;
    const badId = await token({ code, client_id: '12', grant_type: 'authorization_code' });
    expect(badId.status).toBe(400);
    expect(badId.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'Application', field: 'client_id', code: 'invalid' }],
    });
    const badSecret = await token({
      code,
      client_secret: 'nope',
      grant_type: 'authorization_code',
    });
    expect(badSecret.status).toBe(400);
    expect(JSON.stringify(badSecret.json())).toContain('client_secret');
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const t = await connect(sim);
    sim.clock.advance(5.5 * 3_600_000);
    const r1 = await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(r1.status).toBe(200);
    const n1 = r1.json<TokenResponse>();
    expect(n1.refresh_token).not.toBe(t.refresh_token);
    expect(n1.access_token).not.toBe(t.access_token);
    expect(n1.expires_in).toBe(21_600);
    const old = await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(old.status).toBe(400);
    expect(old.json()).toEqual({
      message: 'Bad Request',
      errors: [{ resource: 'RefreshToken', field: 'refresh_token', code: 'invalid' }],
    });
    const r2 = await token({ grant_type: 'refresh_token', refresh_token: n1.refresh_token });
    expect(r2.status).toBe(200);
    // Still plenty of time on the access token: Strava hands the same one back.
    expect(r2.json<TokenResponse>().access_token).toBe(n1.access_token);
    expect(r2.json<TokenResponse>().refresh_token).not.toBe(n1.refresh_token);
  });

  it('expires access tokens on the sim clock', async () => {
    const t = await connect(sim);
    const get = () =>
      simRequest(sim, '/api/v3/athlete', {
        headers: { authorization: `Bearer ${t.access_token}` },
      });
    expect((await get()).status).toBe(200);
    sim.clock.set(t.expires_at * 1000 + 1);
    const res = await get();
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({
      message: 'Authorization Error',
      errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }],
    });
  });

  for (const path of ['/oauth/deauthorize', '/oauth/revoke']) {
    it(`${path} revokes access and refresh tokens (header or body)`, async () => {
      const t = await connect(sim);
      const res = await simRequest(sim, path, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.access_token}` },
      });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ access_token: t.access_token });
      const api = await simRequest(sim, '/api/v3/athlete', {
        headers: { authorization: `Bearer ${t.access_token}` },
      });
      expect(api.status).toBe(401);
      expect(
        (await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })).status,
      ).toBe(400);
      const t2 = await connect(sim);
      const body = await simRequest(sim, path, { body: { access_token: t2.access_token } });
      expect(body.status).toBe(200);
      expect(
        (await simRequest(sim, path, { body: { access_token: t2.access_token } })).status,
      ).toBe(401);
    });
  }
});
