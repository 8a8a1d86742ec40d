import { describe, expect, it } from 'vitest';
import { createStravaClient, type FetchLike } from '../src/strava-client.ts';

function clientAnswering(answers: Record<string, number>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const path = new URL(url).pathname;
    return new Response('{}', { status: answers[path] ?? 200 });
  };
  const client = createStravaClient({
    clientId: '1',
    clientSecret: 'the-secret',
    baseUrl: 'https://www.api-v3.strava.test',
    apiBaseUrl: 'https://www.api-v3.strava.test/api/v3',
    fetch,
  });
  return { client, calls };
}

describe('createStravaClient', () => {
  it('sends the token only in the Authorization header and the secret only in bodies', async () => {
    const { client, calls } = clientAnswering({});
    await client.revokeAccess(5, 'the-access-token');
    await client.refresh(5, 'the-refresh-token').catch(() => {});
    for (const call of calls) {
      expect(call.url).not.toContain('the-access-token');
      expect(call.url).not.toContain('the-secret');
      expect(call.url).not.toContain('the-refresh-token');
    }
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(
      'Bearer the-access-token',
    );
    expect(String(calls[1]!.init?.body)).toContain('client_secret=the-secret');
  });

  it('falls back to oauth/revoke where oauth/deauthorize is gone (2027 host)', async () => {
    const { client, calls } = clientAnswering({ '/oauth/deauthorize': 404 });
    await client.revokeAccess(5, 'token');
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/oauth/deauthorize',
      '/oauth/revoke',
    ]);
  });

  it('takes an already withdrawn token as withdrawn, and reports other failures', async () => {
    await expect(
      clientAnswering({ '/oauth/deauthorize': 401 }).client.revokeAccess(5, 't'),
    ).resolves.toBeUndefined();
    await expect(
      clientAnswering({ '/oauth/deauthorize': 503 }).client.revokeAccess(5, 't'),
    ).rejects.toThrow('Strava oauth/deauthorize answered 503');
  });
});
