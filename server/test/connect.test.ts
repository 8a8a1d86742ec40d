import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ID, CHROMIUM_REDIRECT, FIREFOX_ID, rawRows } from './support/test-broker.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

const connectUrl = (redirectUri: string, state = 's') =>
  `/connect?${new URLSearchParams({ redirect_uri: redirectUri, state })}`;

describe('GET /connect', () => {
  it('sends the runner to Strava with the shared application and the broker callback', async () => {
    const response = await t.request(connectUrl(CHROMIUM_REDIRECT));
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('Location')!);
    expect(target.origin + target.pathname).toBe('https://strava.fake/oauth/authorize');
    expect(target.searchParams.get('client_id')).toBe('4242');
    expect(target.searchParams.get('redirect_uri')).toBe('https://broker.bounceback.test/callback');
    expect(target.searchParams.get('scope')).toBe('read,activity:read_all,profile:read_all');
    // The broker's own state, not the extension's.
    expect(target.searchParams.get('state')).not.toBe('s');
  });

  it.each([
    ['another Chromium extension', `https://${'p'.repeat(32)}.chromiumapp.org/`],
    ['a look-alike host', `https://${CHROMIUM_ID}.chromiumapp.org.evil.test/`],
    ['plain http', `http://${CHROMIUM_ID}.chromiumapp.org/`],
    ['another port', `https://${CHROMIUM_ID}.chromiumapp.org:8443/`],
    ['a fragment of its own', `${CHROMIUM_REDIRECT}#x`],
    ['a web site', 'https://example.com/'],
    ['no URL', 'not a url'],
  ])('refuses %s', async (_name, redirectUri) => {
    const response = await t.request(connectUrl(redirectUri));
    expect(response.status).toBe(403);
  });

  it("accepts Firefox's identity redirect host for an allowed add-on id", async () => {
    const hash = createHash('sha1').update(FIREFOX_ID).digest('hex');
    const response = await t.request(connectUrl(`https://${hash}.extensions.allizom.org/`));
    expect(response.status).toBe(302);
  });
});

describe('GET /callback', () => {
  it('returns a session and the extension state in the fragment, never in the query', async () => {
    const connection = await t.connect(CHROMIUM_REDIRECT, 'my-state');
    expect(connection.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(connection.fragment.get('state')).toBe('my-state');
    expect(connection.athleteId).toBeGreaterThan(0);
    const token = await t.call('/token', connection.session, { method: 'POST' });
    expect(token.status).toBe(200);
  });

  it('keeps the newest five sessions of a runner who connects again and again', async () => {
    const first = await t.connect();
    t.fake.settings.athleteId = first.athleteId;
    const later = [];
    for (let i = 0; i < 6; i++) later.push(await t.connect());
    t.fake.settings.athleteId = null;
    expect(later.every((c) => c.athleteId === first.athleteId)).toBe(true);
    const status = async (session: string) => (await t.call('/events', session)).status;
    expect(await status(first.session)).toBe(401);
    expect(await status(later[0]!.session)).toBe(401);
    for (const connection of later.slice(1)) expect(await status(connection.session)).toBe(200);
  });

  it('takes each state once', async () => {
    const start = await t.request(connectUrl(CHROMIUM_REDIRECT));
    const approved = await t.fake.fetch(start.headers.get('Location')!);
    const callback = new URL(approved.headers.get('Location')!);
    const first = await t.request(callback.pathname + callback.search);
    expect(first.status).toBe(302);
    const replay = await t.request(callback.pathname + callback.search);
    expect(replay.status).toBe(400);
  });

  it('refuses a state it never issued', async () => {
    const response = await t.request(
      '/callback?state=made-up&code=abc&scope=read,activity:read_all',
    );
    expect(response.status).toBe(400);
  });

  it('tells the extension when the runner declines or grants too little', async () => {
    t.fake.settings.deny = true;
    const denied = await t.connect();
    t.fake.settings.deny = false;
    expect(denied.fragment.get('error')).toBe('access_denied');
    expect(denied.session).toBe('');

    t.fake.settings.grantedScope = 'read';
    const narrow = await t.connect();
    t.fake.settings.grantedScope = null;
    expect(narrow.fragment.get('error')).toBe('insufficient_scope');
  });

  it('keeps the tokens encrypted and the session hashed at rest', async () => {
    const connection = await t.connect();
    const token = (await (
      await t.call('/token', connection.session, { method: 'POST' })
    ).json()) as {
      access_token: string;
    };
    const rows = await rawRows(
      t.db,
      sql`
      select t.*, s.* from strava_tokens t join sessions s using (athlete_id)
      where athlete_id = ${connection.athleteId}`,
    );
    const raw = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(raw).not.toContain(token.access_token);
    expect(raw).not.toContain(connection.session);
    const refreshToken = t.fake.refreshTokenOf(connection.athleteId);
    expect(refreshToken).toMatch(/^[0-9a-f]{40}$/);
    expect(raw).not.toContain(refreshToken);
    expect(raw).toMatch(/"refresh_token_sealed":"v1\./);
  });
});

describe('CORS', () => {
  it('answers allowed extension origins only', async () => {
    const allowed = await t.request('/health', {
      headers: { Origin: `chrome-extension://${CHROMIUM_ID}` },
    });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(
      `chrome-extension://${CHROMIUM_ID}`,
    );
    const other = await t.request('/health', { headers: { Origin: 'https://evil.test' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const stranger = await t.request('/health', {
      headers: { Origin: `chrome-extension://${'b'.repeat(32)}` },
    });
    expect(stranger.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
