import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountPanelFrame } from '../../../lib/panel-frame/mount-panel-frame';
import { PANEL_MATCHES } from '../../../lib/panel-frame/panel-frame-config';
import { loadedActivityPage, registerPanelInjector } from '../../../lib/panel-frame/panel-injector';

const ACTIVITY = 'https://www.strava.com/activities/123';

describe('loadedActivityPage', () => {
  const table: [string, object, object, boolean][] = [
    [
      'an activity page finished loading',
      { status: 'complete' },
      { status: 'complete', url: ACTIVITY },
      true,
    ],
    [
      'an activity page still loading',
      { status: 'loading' },
      { status: 'loading', url: ACTIVITY },
      false,
    ],
    [
      'an in-page move to an activity',
      { url: ACTIVITY },
      { status: 'complete', url: ACTIVITY },
      true,
    ],
    ['a new URL before its load', { url: ACTIVITY }, { status: 'loading', url: ACTIVITY }, false],
    ['a title change', { title: 'Morning Run' }, { status: 'complete', url: ACTIVITY }, false],
    [
      'a loaded non-activity page',
      { status: 'complete' },
      { status: 'complete', url: 'https://www.strava.com/dashboard' },
      false,
    ],
    [
      'an edit page',
      { status: 'complete' },
      { status: 'complete', url: `${ACTIVITY}/edit` },
      false,
    ],
    ['a tab whose URL we may not see', { status: 'complete' }, { status: 'complete' }, false],
    [
      'a look-alike host',
      { status: 'complete' },
      { status: 'complete', url: 'https://www.strava.com.evil.example/activities/1' },
      false,
    ],
  ];
  it.each(table)('%s → %s', (_name, change, tab, expected) => {
    expect(loadedActivityPage(change, tab)).toBe(expected);
  });
});

/** Records each executeScript call as the injector makes it. */
function recordScripts() {
  const calls: { tabId: number; world?: string; func?: unknown; replace: boolean }[] = [];
  const executeScript = vi.fn(
    async (inj: {
      target: { tabId: number };
      world?: string;
      func?: unknown;
      args?: { replace: boolean; frameUrl: string }[];
    }) => {
      calls.push({
        tabId: inj.target.tabId,
        world: inj.world,
        func: inj.func,
        replace: inj.args?.[0]?.replace ?? false,
      });
      return [{ frameId: 0, result: undefined }];
    },
  );
  fakeBrowser.scripting.executeScript = executeScript as never;
  return { calls, executeScript };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A tabs.onUpdated event as Chromium sends it (only the fields the injector reads). */
const fire = (tabId: number, change: object, tab: object) =>
  fakeBrowser.tabs.onUpdated.trigger(tabId, change as never, { id: tabId, ...tab } as never);

describe('registerPanelInjector', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('places the panel from the main world once an activity tab has loaded, and on in-page moves', async () => {
    const { calls, executeScript } = recordScripts();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.strava.com/dashboard' });
    registerPanelInjector();
    await settle();
    await fire(tab.id!, { status: 'loading' }, { ...tab, status: 'loading', url: ACTIVITY });
    await settle();
    expect(calls).toEqual([]);
    await fire(tab.id!, { status: 'complete' }, { ...tab, status: 'complete', url: ACTIVITY });
    await settle();
    expect(calls).toEqual([
      { tabId: tab.id, world: 'MAIN', func: mountPanelFrame, replace: false },
    ]);
    // The panel page, by the extension's own URL.
    const args = executeScript.mock.calls[0]![0].args![0]!;
    expect(args.frameUrl).toBe(fakeBrowser.runtime.getURL('/panel.html'));

    // An in-page move: the placed copy is asked to follow it (mountPanelFrame syncs, never doubles).
    await fire(
      tab.id!,
      { url: `${ACTIVITY}/analysis` },
      { ...tab, status: 'complete', url: `${ACTIVITY}/analysis` },
    );
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ tabId: tab.id, world: 'MAIN', replace: false });
  });

  it('leaves other pages and unfinished loads alone', async () => {
    const { calls } = recordScripts();
    registerPanelInjector();
    await settle();
    await fire(
      7,
      { status: 'complete' },
      { id: 7, status: 'complete', url: 'https://example.com/activities/1' },
    );
    await fire(7, { status: 'loading' }, { id: 7, status: 'loading', url: ACTIVITY });
    await settle();
    expect(calls).toEqual([]);
  });

  it('brings a panel to activity tabs already loaded when installed, and replaces them on an update', async () => {
    const { calls } = recordScripts();
    const tab = (id: number, status: string, url: string) => ({ id, status, url }) as never;
    const query = vi.fn(async () => [
      tab(4, 'complete', ACTIVITY),
      tab(5, 'loading', ACTIVITY), // its own 'complete' event will come
      tab(6, 'complete', 'https://www.strava.com/dashboard'),
    ]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(query as never);
    registerPanelInjector();
    // A worker that merely wakes up leaves open tabs alone.
    await settle();
    expect(query).not.toHaveBeenCalled();
    expect(calls).toEqual([]);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(query).toHaveBeenCalledWith({ url: PANEL_MATCHES });
    expect(calls[0]).toMatchObject({ tabId: 4, world: 'MAIN', replace: false });

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toMatchObject({ tabId: 4, replace: true });
    // A browser update is not ours: nothing to place.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' } as never);
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('survives a tab that closes mid-placement, and tries again on its next load', async () => {
    const failing = vi.fn(async () => {
      throw new Error('No tab with id: 9.');
    });
    fakeBrowser.scripting.executeScript = failing as never;
    registerPanelInjector();
    const done = { status: 'complete' };
    await fire(9, done, { id: 9, status: 'complete', url: ACTIVITY });
    await settle();
    expect(failing).toHaveBeenCalledTimes(1);
    const { calls } = recordScripts();
    await fire(9, done, { id: 9, status: 'complete', url: ACTIVITY });
    await settle();
    expect(calls).toMatchObject([{ tabId: 9, world: 'MAIN' }]);
  });
});
