import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AppService } from '../../../lib/background/app-service';
import type { StravaService } from '../../../lib/background/strava-service';
import { isExtensionPage } from '../../../lib/messaging/senders';
import { DISCONNECTED } from '../../../lib/model/connection';
import { StravaError } from '../../../lib/strava/errors';
import { handlerCalls } from './handler-calls';

/** The connection's rows never reach the app service. */
const NO_APP = {} as AppService;
const createStravaHandlers = (service: StravaService) => handlerCalls(NO_APP, service);

const OPTIONS_PAGE = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/options.html',
  tab: { id: 3 },
};
const CONTENT_SCRIPT = {
  id: 'test-extension-id',
  url: 'https://www.strava.com/activities/42',
  tab: { id: 4 },
};
const FRAMED_PANEL = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/panel.html#activity=42&own=1&fallback=0',
  tab: { id: 4, url: 'https://www.strava.com/activities/42' },
};
const OTHER_EXTENSION = { id: 'evil', url: 'chrome-extension://evil/page.html' };
const GOOD = { clientId: '12345', clientSecret: '0123456789abcdef0123456789abcdef01234567' };

function fakeService() {
  const connect = vi.fn(async () => ({ ...DISCONNECTED, state: 'connected' as const }));
  const disconnect = vi.fn(async () => ({ connection: DISCONNECTED, notice: null }));
  const service = {
    connect,
    disconnect,
    ready: Promise.resolve(),
    redirectUrl: () => 'https://abc.chromiumapp.org/',
    getConnection: async () => DISCONNECTED,
  } as unknown as StravaService;
  return { service, connect, disconnect };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('senders', () => {
  it("recognises the extension's own pages only", () => {
    expect(isExtensionPage(OPTIONS_PAGE)).toBe(true);
    expect(isExtensionPage(CONTENT_SCRIPT)).toBe(false);
    // The panel is our page, but Strava's page framed it: not one of "our own pages".
    expect(isExtensionPage(FRAMED_PANEL)).toBe(false);
    // An allow-list: the panel's page outside a tab, or a page of ours not named, is not one.
    expect(isExtensionPage({ ...FRAMED_PANEL, tab: undefined })).toBe(false);
    const page = (path: string) => ({
      ...OPTIONS_PAGE,
      url: browser.runtime.getURL('/') + path.slice(1),
    });
    expect(isExtensionPage(page('/popup.html#check-in'))).toBe(true);
    expect(isExtensionPage(page('/options.html?x=1'))).toBe(true);
    expect(isExtensionPage(page('/debug.html'))).toBe(false);
    expect(isExtensionPage(page('/popup.html.evil'))).toBe(false);
    expect(isExtensionPage(OTHER_EXTENSION)).toBe(false);
    expect(isExtensionPage({ id: 'test-extension-id' })).toBe(false);
  });

  it('a content script cannot connect, disconnect or read the redirect URL', async () => {
    const { service, connect, disconnect } = fakeService();
    const h = createStravaHandlers(service);
    expect(await h.connect(GOOD, CONTENT_SCRIPT)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await h.disconnect(undefined, CONTENT_SCRIPT)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await h.getRedirectUrl(undefined, CONTENT_SCRIPT)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(connect).not.toHaveBeenCalled();
    expect(disconnect).not.toHaveBeenCalled();
  });

  it('another extension cannot connect', async () => {
    const { service, connect } = fakeService();
    expect(await createStravaHandlers(service).connect(GOOD, OTHER_EXTENSION)).toMatchObject({
      ok: false,
    });
    expect(connect).not.toHaveBeenCalled();
  });

  it('a content script may read the (secret-free) connection status', async () => {
    const { service } = fakeService();
    expect(await createStravaHandlers(service).getConnection(undefined, CONTENT_SCRIPT)).toEqual({
      ok: true,
      value: DISCONNECTED,
    });
  });

  it('another extension or a web page cannot read the connection status (it names the athlete)', async () => {
    const { service } = fakeService();
    const h = createStravaHandlers(service);
    const refused = { ok: false, error: { message: expect.stringMatching(/own pages/) } };
    expect(await h.getConnection(undefined, OTHER_EXTENSION)).toMatchObject(refused);
    const page = { url: 'https://www.strava.com/activities/42', tab: { id: 5 } };
    expect(await h.getConnection(undefined, page)).toMatchObject(refused);
  });
});

describe('payloads', () => {
  const cases: [string, unknown, string][] = [
    ['client id with letters', { ...GOOD, clientId: '12a45' }, 'clientId'],
    ['empty client id', { ...GOOD, clientId: '' }, 'clientId'],
    ['short secret', { ...GOOD, clientSecret: 'abc123' }, 'clientSecret'],
    ['secret with non-hex characters', { ...GOOD, clientSecret: 'z'.repeat(40) }, 'clientSecret'],
    ['client id as a number', { ...GOOD, clientId: 12345 }, 'clientId'],
    ['extra field', { ...GOOD, accessToken: 'x' }, ''],
  ];
  for (const [name, payload, field] of cases) {
    it(`rejects ${name}`, async () => {
      const { service, connect } = fakeService();
      const result = await createStravaHandlers(service).connect(payload, OPTIONS_PAGE);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('invalid-input');
        if (field) expect(result.error).toMatchObject({ field });
      }
      expect(connect).not.toHaveBeenCalled();
    });
  }

  it('rejects a non-object payload and a payload on disconnect', async () => {
    const { service } = fakeService();
    const h = createStravaHandlers(service);
    expect((await h.connect('12345', OPTIONS_PAGE)).ok).toBe(false);
    expect((await h.disconnect({ all: true }, OPTIONS_PAGE)).ok).toBe(false);
  });

  it('passes trimmed, lower-cased credentials to the service', async () => {
    const { service, connect } = fakeService();
    const result = await createStravaHandlers(service).connect(
      { clientId: ' 12345 ', clientSecret: GOOD.clientSecret.toUpperCase() },
      OPTIONS_PAGE,
    );
    expect(result.ok).toBe(true);
    expect(connect).toHaveBeenCalledWith(GOOD);
  });

  it("returns Strava failures as typed errors with the runner's message", async () => {
    const { service, connect } = fakeService();
    connect.mockRejectedValueOnce(new StravaError({ kind: 'oauth', reason: 'bad-client' }));
    const result = await createStravaHandlers(service).connect(GOOD, OPTIONS_PAGE);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'oauth', reason: 'bad-client', message: expect.stringContaining('Client ID') },
    });
  });
});

describe('reconnecting with the saved secret', () => {
  function withSaved(saved: { clientId: string; clientSecret: string } | null) {
    const f = fakeService();
    (f.service as { savedCredentials: () => Promise<unknown> }).savedCredentials = async () =>
      saved;
    return f;
  }

  it('an empty secret reuses the one saved for the same client id', async () => {
    const { service, connect } = withSaved(GOOD);
    const result = await createStravaHandlers(service).connect({ clientId: '12345' }, OPTIONS_PAGE);
    expect(result.ok).toBe(true);
    expect(connect).toHaveBeenCalledWith(GOOD);
  });

  it('an empty secret for another app, or with nothing saved, asks for the secret', async () => {
    for (const saved of [{ ...GOOD, clientId: '999' }, null]) {
      const { service, connect } = withSaved(saved);
      const result = await createStravaHandlers(service).connect(
        { clientId: '12345' },
        OPTIONS_PAGE,
      );
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input', field: 'clientSecret' },
      });
      expect(connect).not.toHaveBeenCalled();
    }
  });
});
