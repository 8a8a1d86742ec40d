// Every message of the protocol, sent by someone who must not send it, is refused with a clear
// error and changes nothing: not storage, not the collections, not a single Strava request.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppService } from '../../lib/background/app-service';
import type { ProtocolMap } from '../../lib/messaging/protocol';
import type { SenderInfo } from '../../lib/messaging/senders';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { syncOnce } from '../../lib/sync/sync-once';
import { handlerCalls } from '../lib/background/handler-calls';
import { perTestApp } from '../lib/sync/per-test-app';
import type { Harness } from '../lib/sync/sync-harness';
import type { Simulator } from '../strava-sim/server';

let sim: Simulator;
let h: Harness;
let app: AppService;
let ownRun: number;
let otherRun: number;

perTestApp(5, (x) => ({ sim, h, app } = x), { weeks: 2 });
beforeEach(async () => {
  otherRun = sim.finishRun({ kind: 'easy', startedAgoS: 20 * 3600 }).id;
  ownRun = sim.finishRun({ kind: 'intervals' }).id;
  await syncOnce(h.deps(), { urgent: true });
});

type Handler = (data: unknown, sender: SenderInfo) => Promise<unknown>;

/** Every message, with a payload that is valid, so only the sender can be the reason to refuse. */
function everyMessage(): Record<keyof ProtocolMap, { handler: Handler; data: unknown }> {
  const via = (name: keyof ProtocolMap): Handler => handlerCalls(app, h.service)[name];
  const a = {
    getPanel: via('getPanel'),
    syncNow: via('syncNow'),
    markStepDone: via('markStepDone'),
    setRunKind: via('setRunKind'),
    setRunnerSays: via('setRunnerSays'),
    getPopup: via('getPopup'),
    checkIn: via('checkIn'),
    saveWeighIn: via('saveWeighIn'),
    openPage: via('openPage'),
    exportData: via('exportData'),
    importData: via('importData'),
    deleteEverything: via('deleteEverything'),
    getSettings: via('getSettings'),
    saveSettings: via('saveSettings'),
  };
  const s = {
    getConnection: via('getConnection'),
    getRedirectUrl: via('getRedirectUrl'),
    connect: via('connect'),
    connectHosted: via('connectHosted'),
    disconnect: via('disconnect'),
    setTagOnStrava: via('setTagOnStrava'),
  };
  return {
    getConnection: { handler: s.getConnection, data: undefined },
    getRedirectUrl: { handler: s.getRedirectUrl, data: undefined },
    connect: {
      handler: s.connect,
      data: { clientId: '12345', clientSecret: '0123456789abcdef0123456789abcdef01234567' },
    },
    connectHosted: { handler: s.connectHosted, data: undefined },
    disconnect: { handler: s.disconnect, data: undefined },
    setTagOnStrava: { handler: s.setTagOnStrava, data: { on: false } },
    getPanel: { handler: a.getPanel, data: { activityId: ownRun, own: true } },
    syncNow: { handler: a.syncNow, data: undefined },
    markStepDone: {
      handler: a.markStepDone,
      data: { activityId: ownRun, stepId: 'refuel-snack', done: true },
    },
    setRunKind: { handler: a.setRunKind, data: { activityId: ownRun, kind: 'easy' } },
    setRunnerSays: { handler: a.setRunnerSays, data: { activityId: ownRun, hot: true } },
    getPopup: { handler: a.getPopup, data: undefined },
    checkIn: { handler: a.checkIn, data: { date: '2026-03-02', sleepHours: 7, updatedAt: 1 } },
    saveWeighIn: {
      handler: a.saveWeighIn,
      data: { activityId: ownRun, beforeKg: 60, afterKg: 59 },
    },
    openPage: { handler: a.openPage, data: { page: 'options' } },
    exportData: { handler: a.exportData, data: undefined },
    importData: { handler: a.importData, data: { text: '{"app":"bounceback","format":1}' } },
    deleteEverything: { handler: a.deleteEverything, data: undefined },
    getSettings: { handler: a.getSettings, data: undefined },
    saveSettings: { handler: a.saveSettings, data: { ...DEFAULT_SETTINGS, pollMinutes: 30 } },
  };
}

/** The panel's page in its frame on a Strava tab showing `tabActivity`, its hash naming `asks`. */
const framedPanel = (tabActivity: number, asks: number): SenderInfo => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL(`/panel.html#activity=${asks}&own=1&fallback=0`),
  tab: { id: 3, url: `https://www.strava.com/activities/${tabActivity}` },
});

/** Our own contexts that are not the panel on a Strava tab: the browser vouches only for the id. */
const notThePanel = (): Record<string, SenderInfo> => ({
  'a content script (ours sends none: the panel is a framed page)': {
    id: browser.runtime.id,
    url: `https://www.strava.com/activities/${ownRun}`,
    tab: { id: 6 },
  },
  'the panel page opened as a tab of its own': {
    id: browser.runtime.id,
    url: browser.runtime.getURL(`/panel.html#activity=${ownRun}&own=1&fallback=0`),
    tab: { id: 5, url: browser.runtime.getURL(`/panel.html#activity=${ownRun}`) },
  },
});

const strangers = (): Record<string, SenderInfo> => ({
  'another extension': {
    id: 'evil-extension-id',
    url: 'chrome-extension://evil-extension-id/x.html',
  },
  'another extension’s content script on Strava': {
    id: 'evil-extension-id',
    url: `https://www.strava.com/activities/${ownRun}`,
    tab: { id: 7 },
  },
  'a web page (no extension id)': { url: 'https://evil.example/', tab: { id: 8 } },
  'a web page posing as Strava (no extension id)': {
    url: `https://www.strava.com/activities/${ownRun}`,
    tab: { id: 9 },
  },
});

/** Everything a refused message must leave alone. */
async function snapshot() {
  const [local, runs, progress, checkIns, weighIns] = await Promise.all([
    browser.storage.local.get(null),
    h.collections.runs.all(),
    h.collections.progress.all(),
    h.collections.checkIns.all(),
    h.collections.weighIns.all(),
  ]);
  return { local, runs, progress, checkIns, weighIns, requests: sim.requests().log.length };
}

/** Refused = a Result with ok:false and a forbidden/invalid-input error, or a thrown error. */
async function refusal(handler: Handler, data: unknown, sender: SenderInfo) {
  try {
    const out = (await handler(data, sender)) as {
      ok?: boolean;
      error?: { kind: string; message: string };
    };
    if (out && out.ok === false && out.error?.message) return out.error.kind;
    return `answered: ${JSON.stringify(out).slice(0, 80)}`;
  } catch (error) {
    return (error as Error).message ? 'thrown' : 'thrown without a message';
  }
}

describe('messages from unexpected senders', () => {
  it('refuses every message from every stranger, and nothing changes', async () => {
    const before = await snapshot();
    const outcomes: Record<string, string> = {};
    for (const [who, sender] of Object.entries(strangers())) {
      for (const [name, { handler, data }] of Object.entries(everyMessage())) {
        outcomes[`${name} from ${who}`] = await refusal(handler, data, sender);
      }
    }
    const answered = Object.entries(outcomes).filter(
      ([, o]) => !['forbidden', 'thrown'].includes(o),
    );
    expect(answered).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the framed panel when it asks about another activity than its tab’s', async () => {
    // Strava's page chose the frame's hash; the tab's URL is the browser's word.
    const sender = framedPanel(otherRun, ownRun);
    const before = await snapshot();
    const m = everyMessage();
    expect(await refusal(m.getPanel.handler, m.getPanel.data, sender)).not.toMatch(/^answered/);
    expect(await refusal(m.markStepDone.handler, m.markStepDone.data, sender)).not.toMatch(
      /^answered/,
    );
    expect(await refusal(m.setRunKind.handler, m.setRunKind.data, sender)).not.toMatch(/^answered/);
    expect(await refusal(m.setRunnerSays.handler, m.setRunnerSays.data, sender)).not.toMatch(
      /^answered/,
    );
    // Pages-only messages stay refused for the framed panel whatever it asks.
    for (const name of [
      'getPopup',
      'checkIn',
      'saveWeighIn',
      'getSettings',
      'saveSettings',
      'connect',
      'disconnect',
      'getRedirectUrl',
      'setTagOnStrava',
      'syncNow',
      'exportData',
      'importData',
      'deleteEverything',
    ] as const) {
      expect(await refusal(m[name].handler, m[name].data, sender), name).toMatch(
        /forbidden|thrown/,
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses our own contexts that are not the panel on a Strava tab, except for the connection', async () => {
    const before = await snapshot();
    const m = everyMessage();
    for (const [who, sender] of Object.entries(notThePanel())) {
      for (const [name, { handler, data }] of Object.entries(m)) {
        if (name === 'getConnection') continue; // any context of ours may see who is connected
        expect(await refusal(handler, data, sender), `${who}: ${name}`).not.toMatch(/^answered/);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still answers the framed panel about its tab’s activity (the checks are not blanket)', async () => {
    const sender = framedPanel(ownRun, ownRun);
    const m = everyMessage();
    expect(await m.getPanel.handler(m.getPanel.data, sender)).toMatchObject({
      ok: true,
      value: { state: 'ready' },
    });
    expect(await m.getConnection.handler(undefined, sender)).toMatchObject({
      ok: true,
      value: { state: 'connected' },
    });
  });
});
