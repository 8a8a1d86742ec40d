// Token isolation: after a real connect, syncs, a rotation and a check-in against the simulator,
// neither browser.storage (which content scripts can read) nor any message answer holds the
// access token, the refresh token or the client secret. Tokens are collected off the wire, so
// rotated ones count too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProtocolMap } from '../../lib/messaging/protocol';
import type { SenderInfo } from '../../lib/messaging/senders';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { localDateKey } from '../../lib/recovery/local-date';
import { handlerCalls } from '../lib/background/handler-calls';
import { appOver, connectedHarness, type Harness } from '../lib/sync/sync-harness';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../strava-sim/app-config';
import { type Simulator, startSimulator } from '../strava-sim/server';

let sim: Simulator;
let h: Harness;
let runId: number;
/** Every token Strava handed out in this test, read from the token endpoint's answers. */
const secrets = new Set<string>([DEFAULT_CLIENT_SECRET]);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 9, weeks: 2 });
  sim.reset();
  h = await connectedHarness(sim, {
    wrapFetch: (f) => async (url, init) => {
      const res = await f(url, init);
      if (url.includes('/oauth/token') && res.ok) {
        const body = (await res.clone().json()) as {
          access_token?: string;
          refresh_token?: string;
        };
        for (const t of [body.access_token, body.refresh_token]) if (t) secrets.add(t);
      }
      return res;
    },
  });
  const app = appOver(h, sim);
  runId = sim.finishRun({ kind: 'tempo' }).id;
  await app.syncNow(true);
  // Past the access token's six hours: the next sync refreshes and the refresh token rotates.
  sim.clock.advance(7 * 3600_000);
  sim.finishRun({ kind: 'easy' });
  expect((await app.syncNow(true)).lastError).toBeNull();
  await app.checkIn({
    date: localDateKey(sim.clock.now(), 'Europe/London'),
    sleepHours: 7,
    updatedAt: sim.clock.now(),
  });
  handlers = handlerCalls(app, h.service);
});
afterAll(async () => {
  await sim?.stop();
});

let handlers: Record<keyof ProtocolMap, (data: unknown, sender: SenderInfo) => Promise<unknown>>;

/** The places a value can hide: every string, key and number in it, as one text. */
const flat = (value: unknown) => JSON.stringify(value) ?? '';

function leaks(text: string): string[] {
  return [...secrets].filter((s) => text.includes(s)).map((s) => `${s.slice(0, 6)}…`);
}

describe('token isolation', () => {
  it('saw a connect and a rotation (otherwise the checks below prove little)', () => {
    // client secret + two access tokens + two refresh tokens at least
    expect(secrets.size).toBeGreaterThanOrEqual(5);
  });

  it('browser.storage (local, sync, session) holds no token or secret', async () => {
    for (const area of ['local', 'sync', 'session'] as const) {
      const all = await fakeBrowser.storage[area].get(null);
      expect(leaks(flat(all)), `storage.${area}`).toEqual([]);
    }
    // Sanity: storage does hold the connection, so the search looked at real data.
    expect(flat(await browser.storage.local.get(null))).toContain('connected');
  });

  it('no message answer to the framed panel holds a token or the secret', async () => {
    const contentScript = {
      id: browser.runtime.id,
      url: browser.runtime.getURL(`/panel.html#activity=${runId}&own=1&fallback=0`),
      tab: { id: 2, url: `https://www.strava.com/activities/${runId}` },
    };
    const payloads: Partial<Record<keyof ProtocolMap, unknown>> = {
      getPanel: { activityId: runId, own: true },
      markStepDone: { activityId: runId, stepId: 'refuel-snack', done: true },
      checkIn: { date: '2026-03-02', sleepHours: 7, updatedAt: 1 },
      saveWeighIn: { activityId: runId, beforeKg: 60, afterKg: 59 },
      saveSettings: DEFAULT_SETTINGS,
      connect: { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
    };
    const answers: Record<string, string> = {};
    for (const [name, handler] of Object.entries(handlers)) {
      if (name === 'disconnect') continue;
      answers[name] = await handler(payloads[name as keyof ProtocolMap], contentScript).then(
        flat,
        (e: Error) => e.message,
      );
    }
    for (const [name, text] of Object.entries(answers)) expect(leaks(text), name).toEqual([]);
    // Sanity: the panel did answer with the run.
    expect(answers.getPanel).toContain(String(runId));
  });

  it('nor do the answers to our own pages (popup, options), connect and disconnect included', async () => {
    const page = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
    const payloads: Partial<Record<keyof ProtocolMap, unknown>> = {
      getPanel: { activityId: runId, own: true },
      markStepDone: { activityId: runId, stepId: 'refuel-snack', done: false },
      checkIn: { date: '2026-03-02', sleepHours: 8, updatedAt: 2 },
      saveWeighIn: { activityId: runId, beforeKg: 60, afterKg: 59.5 },
      saveSettings: DEFAULT_SETTINGS,
      connect: { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
    };
    // disconnect last: it wipes the connection.
    const names = Object.keys(handlers)
      .filter((n) => n !== 'disconnect')
      .concat('disconnect');
    for (const name of names) {
      const handler = handlers[name as keyof ProtocolMap];
      const text = await handler(payloads[name as keyof ProtocolMap], page).then(
        flat,
        (e: Error) => e.message,
      );
      expect(leaks(text), name).toEqual([]);
    }
    for (const area of ['local', 'sync', 'session'] as const) {
      expect(leaks(flat(await fakeBrowser.storage[area].get(null))), `storage.${area}`).toEqual([]);
    }
  });
});
