import { describe, expect, it } from 'vitest';
import { startTestBroker } from './support/test-broker.ts';

describe('logs', () => {
  it('name requests by method and path only: no token, session, code or state', async () => {
    const lines: string[] = [];
    const t = await startTestBroker({
      env: { LOG_REQUESTS: 'on' },
      log: (line) => lines.push(line),
    });
    try {
      t.fake.settings.tokenLifetimeS = 0;
      const start = await t.request(
        `/connect?redirect_uri=https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/&state=ext-secret-state`,
      );
      const approved = await t.fake.fetch(start.headers.get('Location')!);
      const callback = new URL(approved.headers.get('Location')!);
      const done = await t.request(callback.pathname + callback.search);
      t.fake.settings.tokenLifetimeS = 6 * 3600;
      const session = new URLSearchParams(done.headers.get('Location')!.split('#')[1]).get(
        'session',
      )!;
      const athleteId = Number(
        new URLSearchParams(done.headers.get('Location')!.split('#')[1]).get('athlete_id'),
      );
      const refreshToken = t.fake.refreshTokenOf(athleteId);
      const token = (await (await t.call('/token', session, { method: 'POST' })).json()) as {
        access_token: string;
      };
      await t.call('/events?after=0', session);
      await t.call('/disconnect', session, { method: 'POST' });

      const log = lines.join('\n');
      expect(lines.some((line) => /^POST \/token 200 \d+ms$/.test(line))).toBe(true);
      for (const secret of [
        session,
        token.access_token,
        refreshToken,
        callback.searchParams.get('code')!,
        callback.searchParams.get('state')!,
        'ext-secret-state',
        'fake-client-secret',
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });
});
