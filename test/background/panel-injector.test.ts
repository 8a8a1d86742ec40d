import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadedActivityPage, registerPanelInjector } from '../../lib/background/panel-injector';
import { PANEL_SCRIPT } from '../../lib/content/panel-script';

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

/** A page's isolated world, as far as the injector can tell: the probe runs against it. */
function fakeIsolatedWorld() {
  const world: Record<string, unknown> = {};
  const calls: string[] = [];
  const executeScript = vi.fn(
    async (inj: {
      target: { tabId: number };
      files?: string[];
      func?: (...a: unknown[]) => unknown;
      args?: unknown[];
    }) => {
      if (inj.files) {
        calls.push(`inject ${inj.target.tabId} ${inj.files.join()}`);
        world[PANEL_SCRIPT.liveFlag] = () => true;
        return [{ frameId: 0, result: undefined }];
      }
      calls.push(`probe ${inj.target.tabId}`);
      const saved = (globalThis as Record<string, unknown>)[PANEL_SCRIPT.liveFlag];
      (globalThis as Record<string, unknown>)[PANEL_SCRIPT.liveFlag] = world[PANEL_SCRIPT.liveFlag];
      try {
        return [{ frameId: 0, result: inj.func!(...(inj.args ?? [])) }];
      } finally {
        (globalThis as Record<string, unknown>)[PANEL_SCRIPT.liveFlag] = saved;
      }
    },
  );
  fakeBrowser.scripting.executeScript = executeScript as never;
  return { world, calls };
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

  it('injects the panel once an activity tab has loaded, and not again while it is alive', async () => {
    const { calls, world } = fakeIsolatedWorld();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.strava.com/dashboard' });
    registerPanelInjector();
    await settle();
    await fire(tab.id!, { status: 'complete' }, { ...tab, status: 'complete', url: ACTIVITY });
    await settle();
    expect(calls).toEqual([`probe ${tab.id}`, `inject ${tab.id} ${PANEL_SCRIPT.file}`]);

    // An in-page move: the live copy follows it itself.
    await fire(
      tab.id!,
      { url: `${ACTIVITY}/analysis` },
      { ...tab, status: 'complete', url: `${ACTIVITY}/analysis` },
    );
    await settle();
    expect(calls.slice(2)).toEqual([`probe ${tab.id}`]);

    // An orphaned copy (the extension was updated) answers "not alive": a new one goes in.
    world[PANEL_SCRIPT.liveFlag] = () => false;
    await fire(tab.id!, { status: 'complete' }, { ...tab, status: 'complete', url: ACTIVITY });
    await settle();
    expect(calls.slice(3)).toEqual([`probe ${tab.id}`, `inject ${tab.id} ${PANEL_SCRIPT.file}`]);
  });

  it('leaves other pages and unfinished loads alone', async () => {
    const { calls } = fakeIsolatedWorld();
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

  it('brings a panel to activity tabs already loaded when the worker starts', async () => {
    const { calls } = fakeIsolatedWorld();
    const tab = (id: number, status: string, url: string) => ({ id, status, url }) as never;
    const query = vi.fn(async () => [
      tab(4, 'complete', ACTIVITY),
      tab(5, 'loading', ACTIVITY), // its own 'complete' event will come
      tab(6, 'complete', 'https://www.strava.com/dashboard'),
    ]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(query as never);
    registerPanelInjector();
    await vi.waitFor(() => expect(calls).toContain(`inject 4 ${PANEL_SCRIPT.file}`));
    expect(query).toHaveBeenCalledWith({ url: 'https://www.strava.com/activities/*' });
    expect(calls).toEqual(['probe 4', `inject 4 ${PANEL_SCRIPT.file}`]);
  });

  it('survives a tab that closes mid-injection, and tries again on its next load', async () => {
    const { calls } = fakeIsolatedWorld();
    const failing = vi.fn(async () => {
      throw new Error('No tab with id: 9.');
    });
    const working = fakeBrowser.scripting.executeScript;
    fakeBrowser.scripting.executeScript = failing as never;
    registerPanelInjector();
    const done = { status: 'complete' };
    await fire(9, done, { id: 9, status: 'complete', url: ACTIVITY });
    await settle();
    expect(failing).toHaveBeenCalledTimes(1);
    fakeBrowser.scripting.executeScript = working;
    await fire(9, done, { id: 9, status: 'complete', url: ACTIVITY });
    await settle();
    expect(calls).toEqual(['probe 9', `inject 9 ${PANEL_SCRIPT.file}`]);
  });
});
