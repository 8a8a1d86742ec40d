// The background wiring end to end: entrypoint → messaging → handlers → service.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { removeAllListeners, sendMessage } from '../../lib/messaging/protocol';
import { DISCONNECTED } from '../../lib/model/connection';
import { idbSecretStore } from '../../lib/strava/own-app-tokens';

const OPTIONS_PAGE = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/options.html',
};

/** Delivers a message as if an options page sent it (the fake browser's sendMessage has no sender). */
async function fromOptionsPage(type: string, data?: unknown): Promise<unknown> {
  let response: unknown;
  const done = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type, data, timestamp: Date.now() },
      OPTIONS_PAGE,
      (r: unknown) => {
        response = r;
        resolve();
      },
    );
  });
  await done;
  return response;
}

beforeEach(async () => {
  fakeBrowser.reset();
  removeAllListeners();
  await idbSecretStore().clear();
  background.main();
});

describe('background', () => {
  it('answers getConnection to this extension’s contexts, not to a sender without our id', async () => {
    expect(await fromOptionsPage('getConnection')).toMatchObject({
      res: { ok: true, value: { state: DISCONNECTED.state } },
    });
    // The fake browser's sendMessage carries no sender at all: refused like a stranger.
    expect(await sendMessage('getConnection')).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/own pages/) },
    });
  });

  it('refuses connect from a sender that is not an extension page', async () => {
    const result = await sendMessage('connect', {
      clientId: '12345',
      clientSecret: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('validates connect payloads from the options page', async () => {
    expect(await fromOptionsPage('connect', { clientId: 'abc', clientSecret: 'x' })).toMatchObject({
      res: { ok: false, error: { kind: 'invalid-input', field: 'clientId' } },
    });
  });

  it('restores "!" after a restart from secrets that need reconnecting', async () => {
    removeAllListeners();
    fakeBrowser.reset();
    await idbSecretStore().set({
      clientId: '1',
      clientSecret: '0123456789abcdef0123456789abcdef01234567',
      accessToken: null,
      refreshToken: null,
      expiresAt: 0,
      scopes: ['read'],
      athlete: null,
      needsReconnect: true,
    });
    background.main();
    await until(async () => (await fakeBrowser.action.getBadgeText({})) === '!');
  });
});

/** Waits for the background's unawaited work (storage watchers, start-up refresh). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out waiting for the background');
}
