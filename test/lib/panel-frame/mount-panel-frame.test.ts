// @vitest-environment happy-dom
// mountPanelFrame on a stand-in Strava page in happy-dom: where the one panel host goes, what its
// iframe's hash carries, how it follows anchors, URLs and re-renders, the fixed-card fallback, and
// which size messages it obeys.
//
// Written against the version that keeps one host and moves it (moveBefore where available),
// keeps it hidden (`data-waiting`) at the end of body while no anchor is there yet, and updates
// only the iframe's hash when the owner hint or the fallback flag changes.
//
// happy-dom notes:
// - Iframe page loading is off in happy-dom by default, so the panel's chrome-extension:// URL is
//   never fetched; happy-dom logs a NotSupportedError per iframe instead, which we filter out of
//   stderr (that exact message only). With loading off, `iframe.contentWindow` is null, so we stub
//   its getter with one distinct stand-in object per connected iframe (null once disconnected, as
//   in browsers). The stand-in is only compared by identity, like a browser's WindowProxy.
// - happy-dom delivers MutationObserver records on a microtask, so `flush()` awaits a few.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPanelFrame, type PanelFrameHandle } from '../../../lib/panel-frame/mount-panel-frame';
import { PANEL_TAG, panelFrameConfig } from '../../../lib/panel-frame/panel-frame-config';
import { panelTargetFrom } from '../../../lib/panel-frame/panel-target';
import { ANCHORS, activityIdFrom, OWNER_CONTROLS } from '../../../lib/strava-page';
import { renderActivityPage } from '../../strava-sim/activity-page';

const PAGE_URL = 'chrome-extension://bouncebackextensionid/panel.html';
const ORIGIN = 'chrome-extension://bouncebackextensionid';
const ACTIVITY = 'https://www.strava.com/activities/123';
const KEY = Symbol.for('bounceback.panel');
/** happy-dom's way to navigate the test window (location, protocol and host included). */
const setURL = (url: string) =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const slot = window as unknown as Record<symbol, PanelFrameHandle | undefined>;
const handle = () => slot[KEY];
const cfg = (replace = false) => panelFrameConfig(PAGE_URL, replace);
/** The config the size-message tests use (the origin is read off the page URL's string). */
const msgCfg = (replace = false) => cfg(replace);

const hosts = () => Array.from(document.querySelectorAll(PANEL_TAG)) as HTMLElement[];
function onlyHost(): HTMLElement {
  const all = hosts();
  expect(all).toHaveLength(1);
  return all[0]!;
}
const frameOf = (host: HTMLElement) => {
  expect(host.shadowRoot).not.toBeNull();
  const frame = host.shadowRoot!.querySelector('iframe');
  expect(frame).not.toBeNull();
  return frame!;
};
const srcOf = (host: HTMLElement) => frameOf(host).getAttribute('src') ?? '';
/** The iframe hash's parameters, as plain entries (duplicates would show up as a short object). */
function hashParams(host: HTMLElement) {
  const src = srcOf(host);
  const at = src.indexOf('#');
  expect(at).toBeGreaterThan(0);
  const params = new URLSearchParams(src.slice(at + 1));
  return { page: src.slice(0, at), keys: [...params.keys()], values: Object.fromEntries(params) };
}

/** Hosts that show: not the one kept hidden while waiting for an anchor. */
const visibleHosts = () => hosts().filter((h) => !h.hasAttribute('data-waiting'));

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * Builds the elements a simple selector (`tag#id.class` parts, descendant combinators) describes,
 * wrapped in a `.view` div with a trailing sibling, so `after` can be told from `last`. The anchor
 * (the innermost element) gets two children of its own, so `first`/`last` mean something.
 */
function fixtureFor(selector: string): { view: HTMLElement; anchor: HTMLElement } {
  const view = document.createElement('div');
  view.className = 'view';
  let parent: HTMLElement = view;
  for (const part of selector.trim().split(/\s+/)) {
    const m = /^([a-z][a-z0-9-]*)?((?:[#.][\w-]+)*)$/i.exec(part);
    if (!m) throw new Error(`fixtureFor cannot build ${selector}`);
    const el = document.createElement(m[1] ?? 'div');
    for (const [, kind, name] of (m[2] ?? '').matchAll(/([#.])([\w-]+)/g)) {
      if (kind === '#') el.id = name!;
      else el.classList.add(name!);
    }
    parent.append(el);
    parent = el;
  }
  const a = document.createElement('p');
  a.textContent = 'inside, first';
  const b = document.createElement('p');
  b.textContent = 'inside, last';
  parent.append(a, b);
  const trailing = document.createElement('p');
  trailing.textContent = 'after the anchor';
  view.append(trailing);
  return { view, anchor: parent };
}

function expectPlaced(host: HTMLElement, anchor: Element, place: 'after' | 'last' | 'first') {
  if (place === 'after') {
    expect(host.previousElementSibling).toBe(anchor);
    expect(host.parentElement).toBe(anchor.parentElement);
  } else if (place === 'last') {
    expect(host.parentElement).toBe(anchor);
    expect(anchor.lastElementChild).toBe(host);
  } else {
    expect(host.parentElement).toBe(anchor);
    expect(anchor.firstElementChild).toBe(host);
  }
}

const BEST = ANCHORS[0]!;
const WORST = ANCHORS[ANCHORS.length - 1]!;

/** Records every panel host added to the document, by our own observer. */
function watchMounts() {
  const added: Element[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes))
        if (n instanceof Element && n.localName === PANEL_TAG) added.push(n);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return { added, stop: () => observer.disconnect() };
}

/** A panel after the best anchor, inside a container Strava's view re-renders. */
function panelInContainer() {
  const container = document.createElement('div');
  container.append(fixtureFor(BEST.selector).view);
  document.body.append(container);
  mountPanelFrame(cfg());
  return { container, before: onlyHost() };
}

/** After a re-render: exactly one new, visible host, after the new anchor. */
function expectOneNewPanel(before: HTMLElement, added: Element[], anchor: Element): HTMLElement {
  const after = onlyHost();
  expect(after).not.toBe(before);
  expect(new Set(added)).toEqual(new Set([after]));
  expectPlaced(after, anchor, BEST.place);
  expect(after.hasAttribute('data-waiting')).toBe(false);
  return after;
}

const fakeWindows = new WeakMap<HTMLIFrameElement, object>();

beforeEach(() => {
  vi.useFakeTimers();
  setURL(ACTIVITY);
  const write = process.stderr.write.bind(process.stderr) as (...a: unknown[]) => boolean;
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).includes('Iframe page loading is disabled')
      ? true
      : write(chunk, ...rest)) as typeof process.stderr.write);
  vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get').mockImplementation(function (
    this: HTMLIFrameElement,
  ) {
    if (!this.isConnected) return null;
    let w = fakeWindows.get(this);
    if (!w) {
      w = { standInFor: 'iframe contentWindow' };
      fakeWindows.set(this, w);
    }
    return w as Window;
  });
});

afterEach(() => {
  handle()?.stop();
  for (const h of hosts()) h.remove();
  document.body.replaceChildren();
  document.title = '';
  vi.useRealTimers();
});

describe('where the panel goes', () => {
  it.each(ANCHORS.map((a, i) => [a.selector, a.place, i] as const))(
    '%s (place %s) is used when it is the most robust anchor present',
    (selector, place, i) => {
      // This anchor and every less robust one, the better-ranked last in the document, so it is the
      // list's order that decides, not the document's.
      const fixtures = ANCHORS.slice(i).map((a) => fixtureFor(a.selector));
      document.body.append(...fixtures.map((f) => f.view).reverse());
      expect(document.querySelector(selector)).toBe(fixtures[0]!.anchor);
      mountPanelFrame(cfg());
      const host = onlyHost();
      expectPlaced(host, fixtures[0]!.anchor, place);
      expect(host.hasAttribute('data-fallback')).toBe(false);
      expect(host.hasAttribute('data-waiting')).toBe(false);
      expect(hashParams(host).values.fallback).toBe('0');
    },
  );

  it.each(['after', 'last', 'first'] as const)(
    'place %s puts the host there (own anchor list)',
    (place) => {
      const { view, anchor } = fixtureFor('div#spot');
      document.body.append(view);
      mountPanelFrame({ ...cfg(), anchors: [{ selector: '#spot', place }] });
      expectPlaced(onlyHost(), anchor, place);
    },
  );

  it('closed where asked (Firefox’s isolated world): the page sees the host, not the frame', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame({ ...cfg(), shadow: 'closed' });
    const host = onlyHost();
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(PAGE_URL);
  });

  it('the host is an open shadow root with the styles and one iframe of the panel page', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const host = onlyHost();
    const root = host.shadowRoot!;
    expect(root.mode).toBe('open');
    expect(root.querySelectorAll('iframe')).toHaveLength(1);
    expect(root.querySelector('style')?.textContent).toBe(cfg().css);
    expect(hashParams(host).page).toBe(PAGE_URL);
  });

  it('on the simulator page: after the inline stats, and after the summary on the analysis view', async () => {
    const html = renderActivityPage(
      {
        id: 123,
        name: 'Sunday long run',
        sport_type: 'Run',
        distance: 21000,
        moving_time: 6600,
        athleteName: 'Ana Runner',
      },
      { owner: true },
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
    document.body.replaceChildren(
      ...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)),
    );
    mountPanelFrame(cfg());
    let host = onlyHost();
    expect(host.previousElementSibling?.matches('.inline-stats')).toBe(true);
    expect(hashParams(host).values).toEqual({ activity: '123', own: '1', fallback: '0' });

    // The simulator's router: a new URL, then the view body swapped for the analysis template.
    history.pushState({}, '', '/activities/123/analysis');
    const tpl = document.getElementById('tpl-analysis') as HTMLTemplateElement;
    document.getElementById('view-body')!.replaceChildren(tpl.content.cloneNode(true));
    await flush();
    host = onlyHost();
    expect(host.previousElementSibling?.matches('.activity-summary-container')).toBe(true);
    expect(hashParams(host).values).toEqual({ activity: '123', own: '1', fallback: '0' });
  });
});

describe('what the iframe is told', () => {
  it('exactly activity, own and fallback: nothing read from the page text', () => {
    setURL('https://www.strava.com/activities/4567/overview');
    document.title = 'Secret tempo run | Run | Strava';
    const name = document.createElement('h1');
    name.className = 'activity-name';
    name.textContent = 'Secret tempo run';
    document.body.append(name, fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const host = onlyHost();
    const { keys, values } = hashParams(host);
    expect(keys.sort()).toEqual(['activity', 'fallback', 'own']);
    expect(values).toEqual({ activity: '4567', own: '0', fallback: '0' });
    expect(srcOf(host)).not.toMatch(/secret|tempo/i);
  });

  it('the hash parses back, with panelTargetFrom, to what the page showed', () => {
    setURL('https://www.strava.com/activities/9007199254740991');
    const edit = document.createElement('a');
    edit.className = 'edit-activity';
    edit.href = '/activities/9007199254740991/edit';
    document.body.append(edit, fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const src = srcOf(onlyHost());
    expect(panelTargetFrom(src.slice(src.indexOf('#')))).toEqual({
      activityId: Number.MAX_SAFE_INTEGER,
      own: true,
      fallback: false,
    });
  });

  // One link per owner-control selector, each matching that selector alone, so both are exercised.
  const ownerLinks: [string, (id: number) => HTMLAnchorElement][] = [
    [
      'a link with the edit-activity class',
      (id) => {
        const a = document.createElement('a');
        a.className = 'edit-activity';
        a.setAttribute('href', `/activities/${id}/edit#details`);
        return a;
      },
    ],
    [
      'a plain link to the edit page',
      (id) => {
        const a = document.createElement('a');
        a.setAttribute('href', `https://www.strava.com/activities/${id}/edit`);
        return a;
      },
    ],
  ];

  it.each(ownerLinks)('own=1 for %s of this activity, own=0 for another id', (_, link) => {
    const matching = OWNER_CONTROLS.filter((sel) => link(123).matches(sel));
    expect(matching).toHaveLength(1);

    document.body.append(link(123), fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    expect(hashParams(onlyHost()).values.own).toBe('1');
    handle()!.stop();
    document.body.replaceChildren();

    // 1234 and 12 share digits with 123: only the whole id counts.
    document.body.append(link(1234), link(12), link(999), fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    expect(hashParams(onlyHost()).values.own).toBe('0');
  });

  it('own=0 with no owner controls, even with other links to the activity', () => {
    const overview = document.createElement('a');
    overview.setAttribute('href', '/activities/123/overview');
    const kudos = document.createElement('button');
    kudos.className = 'btn-kudo';
    document.body.append(overview, kudos, fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    expect(hashParams(onlyHost()).values.own).toBe('0');
  });
});

describe('which pages get a panel', () => {
  // The intended answer next to each URL, and the mount decision checked against activityIdFrom
  // too, so the injected copy of the pattern cannot drift from lib/strava-page.
  const urls: [string, number | null][] = [
    ['https://www.strava.com/activities/123', 123],
    ['https://www.strava.com/activities/123/', 123],
    ['https://www.strava.com/activities/123/overview', 123],
    ['https://www.strava.com/activities/123/analysis', 123],
    ['https://www.strava.com/activities/123/laps', 123],
    ['https://www.strava.com/activities/123/zones', 123],
    ['https://www.strava.com/activities/123/segments/456', 123],
    ['https://www.strava.com/activities/123?utm_source=feed#comments', 123],
    ['https://www.strava.com/activities/9007199254740991', 9007199254740991],
    ['https://www.strava.com/activities/9007199254740992', null],
    ['https://www.strava.com/activities/99999999999999999999', null],
    ['https://www.strava.com/activities/0', null],
    ['https://www.strava.com/activities/12abc', null],
    ['https://www.strava.com/activities/123/edit', null],
    ['https://www.strava.com/activities/new', null],
    ['https://www.strava.com/activities', null],
    ['https://www.strava.com/dashboard', null],
    ['https://www.strava.com/athletes/5936452', null],
    ['https://www.strava.com/segments/456', null],
    ['https://www.strava.com.evil.example/activities/1', null],
    ['https://strava.com/activities/1', null],
    ['https://evil.example/www.strava.com/activities/1', null],
    ['http://www.strava.com/activities/1', null],
  ];

  it.each(urls)('%s → %s', async (url, id) => {
    expect(activityIdFrom(url)).toBe(id);
    setURL(url);
    expect(location.href).toBe(new URL(url).href);
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    // Not even the fixed card later.
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs * 2);
    if (id === null) {
      expect(hosts()).toHaveLength(0);
    } else {
      expect(hashParams(onlyHost()).values.activity).toBe(String(id));
    }
  });

  it('leaving for a non-activity page unmounts the panel', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    onlyHost();
    history.pushState({}, '', '/activities/123/edit');
    mountPanelFrame(cfg());
    expect(hosts()).toHaveLength(0);
    history.pushState({}, '', '/activities/123');
    mountPanelFrame(cfg());
    expect(hashParams(onlyHost()).values.activity).toBe('123');
  });
});

describe('only ever one panel', () => {
  it('calling twice, without or with replace, leaves one host', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    mountPanelFrame(cfg());
    expect(hosts()).toHaveLength(1);
    mountPanelFrame(cfg(true));
    mountPanelFrame(cfg(true));
    expect(hosts()).toHaveLength(1);
  });

  it('a host left by an older copy (no handle) is removed, not doubled', () => {
    const { view, anchor } = fixtureFor(BEST.selector);
    document.body.append(view);
    const stale = document.createElement(PANEL_TAG);
    document.body.prepend(stale);
    mountPanelFrame(cfg());
    const host = onlyHost();
    expect(host).not.toBe(stale);
    expectPlaced(host, anchor, BEST.place);
  });

  it('a second call with replace=false syncs the running copy: the new URL reaches the hash', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const first = handle();
    const syncSpy = vi.spyOn(first!, 'sync');
    const before = onlyHost();
    expect(hashParams(before).values.activity).toBe('123');

    history.pushState({}, '', '/activities/456');
    mountPanelFrame(cfg());
    expect(syncSpy).toHaveBeenCalledTimes(1);
    expect(handle()).toBe(first);
    const after = onlyHost();
    expect(after).not.toBe(before);
    expect(hashParams(after).values).toEqual({ activity: '456', own: '0', fallback: '0' });
  });

  it('the same URL synced again keeps the same host', () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const before = onlyHost();
    mountPanelFrame(cfg());
    handle()!.sync();
    expect(onlyHost()).toBe(before);
  });

  it('replace=true stops the old copy and mounts a fresh host under a new handle', async () => {
    const { view, anchor } = fixtureFor(BEST.selector);
    document.body.append(view);
    mountPanelFrame(cfg());
    const old = handle()!;
    const stopSpy = vi.spyOn(old, 'stop');
    const oldHost = onlyHost();

    mountPanelFrame(cfg(true));
    expect(stopSpy).toHaveBeenCalledTimes(1);
    const fresh = handle();
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(old);
    const host = onlyHost();
    expect(host).not.toBe(oldHost);
    expect(oldHost.isConnected).toBe(false);
    expectPlaced(host, anchor, BEST.place);

    // The old copy is really gone: one mutation does not make it mount a second host.
    const mounts = watchMounts();
    document.body.append(document.createElement('div'));
    await flush();
    mounts.stop();
    expect(mounts.added).toHaveLength(0);
    expect(hosts()).toHaveLength(1);
  });
});

describe('following the page', () => {
  it('moves the same host after a better anchor that appears later', async () => {
    const worst = fixtureFor(WORST.selector);
    document.body.append(worst.view);
    mountPanelFrame(cfg());
    const before = onlyHost();
    const frame = frameOf(before);
    expectPlaced(before, worst.anchor, WORST.place);

    const best = fixtureFor(BEST.selector);
    document.body.append(best.view);
    await flush();
    const after = onlyHost();
    expectPlaced(after, best.anchor, BEST.place);
    // Moved, not re-created: the frame (and the panel page in it) is the same.
    expect(after).toBe(before);
    expect(frameOf(after)).toBe(frame);
  });

  it('moves with moveBefore where the browser has it (keeps the frame loaded)', async () => {
    const proto = Node.prototype as unknown as Record<string, unknown>;
    expect(proto.moveBefore).toBeUndefined();
    const moveBefore = vi.fn(function (this: Node, node: Node, child: Node | null) {
      this.insertBefore(node, child);
    });
    proto.moveBefore = moveBefore;
    try {
      const worst = fixtureFor(WORST.selector);
      document.body.append(worst.view);
      mountPanelFrame(cfg());
      const host = onlyHost();
      const best = fixtureFor(BEST.selector);
      document.body.append(best.view);
      await flush();
      expectPlaced(onlyHost(), best.anchor, BEST.place);
      expect(moveBefore).toHaveBeenCalled();
      const last = moveBefore.mock.calls.at(-1)!;
      expect(last[0]).toBe(host);
      expect(moveBefore.mock.contexts.at(-1)).toBe(best.anchor.parentNode);
    } finally {
      delete proto.moveBefore;
    }
  });

  it('a re-render that swaps the anchor for a new one re-creates the panel exactly once', async () => {
    const { container, before } = panelInContainer();
    const mounts = watchMounts();
    const second = fixtureFor(BEST.selector);
    container.replaceChildren(second.view);
    await flush();
    mounts.stop();
    expectOneNewPanel(before, mounts.added, second.anchor);
  });

  it('a re-render in two steps (view gone, then back): one new panel, hidden in between', async () => {
    const { container, before } = panelInContainer();
    const mounts = watchMounts();
    container.replaceChildren();
    await flush();
    // No anchor, and too early for the fixed card: nothing shows.
    expect(visibleHosts()).toHaveLength(0);
    expect(hosts().length).toBeLessThanOrEqual(1);
    for (const h of hosts()) expect(h.hasAttribute('data-fallback')).toBe(false);

    const second = fixtureFor(BEST.selector);
    container.append(second.view);
    await flush();
    mounts.stop();
    const after = expectOneNewPanel(before, mounts.added, second.anchor);
    expect(hashParams(after).values).toEqual({ activity: '123', own: '0', fallback: '0' });
  });

  it('keeps the same host while the anchor alone is briefly gone, and shows it when it is back', async () => {
    const { view, anchor } = fixtureFor(BEST.selector);
    document.body.append(view);
    mountPanelFrame(cfg());
    const before = onlyHost();
    const parent = anchor.parentElement!;
    anchor.remove();
    await flush();
    expect(onlyHost()).toBe(before);
    expect(visibleHosts()).toHaveLength(0);
    parent.prepend(anchor);
    await flush();
    expect(onlyHost()).toBe(before);
    expect(visibleHosts()).toEqual([before]);
    expectPlaced(before, anchor, BEST.place);
  });

  it('owner controls rendered after the panel reach its hash, without a new host', async () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const host = onlyHost();
    const frame = frameOf(host);
    expect(hashParams(host).values.own).toBe('0');
    const edit = document.createElement('a');
    edit.className = 'edit-activity';
    edit.setAttribute('href', '/activities/123/edit');
    document.body.prepend(edit);
    await flush();
    expect(onlyHost()).toBe(host);
    expect(frameOf(host)).toBe(frame);
    expect(hashParams(host).values).toEqual({ activity: '123', own: '1', fallback: '0' });
  });
});

describe('the fixed-card fallback', () => {
  it('no visible panel until fallbackAfterMs without an anchor, then one card on body', async () => {
    const wait = cfg().fallbackAfterMs;
    expect(wait).toBeGreaterThan(0);
    // Page content without any known anchor, so "appended to body" can be told from "prepended".
    const header = document.createElement('header');
    header.className = 'global-nav';
    const view = document.createElement('div');
    view.className = 'Main_root__t7Y2s';
    document.body.append(header, view);
    mountPanelFrame(cfg());
    const early = () => {
      expect(visibleHosts()).toHaveLength(0);
      expect(hosts().length).toBeLessThanOrEqual(1);
      for (const h of hosts()) {
        expect(h.hasAttribute('data-fallback')).toBe(false);
        expect(hashParams(h).values.fallback).toBe('0');
      }
    };
    early();
    await vi.advanceTimersByTimeAsync(wait - 1);
    early();
    await vi.advanceTimersByTimeAsync(1);
    const host = onlyHost();
    expect(host.hasAttribute('data-fallback')).toBe(true);
    expect(host.hasAttribute('data-waiting')).toBe(false);
    expect(host.parentElement).toBe(document.body);
    expect(document.body.lastElementChild).toBe(host);
    expect(hashParams(host).values).toEqual({ activity: '123', own: '0', fallback: '1' });
    // The card stays put through later mutations that bring no anchor.
    document.body.prepend(document.createElement('div'));
    await flush();
    expect(onlyHost()).toBe(host);
    expect(host.hasAttribute('data-fallback')).toBe(true);
  });

  it('waiting or as the card, the host stays put while the page appends to the body', async () => {
    // Without moveBefore (Firefox, older Chromium) every move would reload the panel's page.
    const moves = watchMounts();
    mountPanelFrame(cfg());
    const waiting = onlyHost();
    for (let i = 0; i < 3; i++) document.body.append(document.createElement('div'));
    await flush();
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs);
    const card = onlyHost();
    expect(card).toBe(waiting);
    expect(card.hasAttribute('data-fallback')).toBe(true);
    for (let i = 0; i < 3; i++) document.body.append(document.createElement('div'));
    await flush();
    expect(onlyHost()).toBe(card);
    expect(document.body.lastElementChild).not.toBe(card);
    expect(moves.added).toEqual([waiting]);
    moves.stop();
  });

  it('the host kept while waiting for an anchor is hidden by the shadow styles', () => {
    const rule = /:host\(\[data-waiting\]\)\s*\{([^}]*)\}/.exec(cfg().css);
    expect(rule).not.toBeNull();
    expect(rule![1]).toMatch(/visibility:\s*hidden/);
    expect(rule![1]).toMatch(/pointer-events:\s*none/);
  });

  it('a later anchor replaces the card, keeping the frame', async () => {
    mountPanelFrame(cfg());
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs);
    const card = onlyHost();
    const frame = frameOf(card);
    expect(card.hasAttribute('data-fallback')).toBe(true);

    const { view, anchor } = fixtureFor(BEST.selector);
    document.body.append(view);
    await flush();
    const host = onlyHost();
    expect(visibleHosts()).toEqual([host]);
    expect(host.hasAttribute('data-fallback')).toBe(false);
    expectPlaced(host, anchor, BEST.place);
    expect(hashParams(host).values).toEqual({ activity: '123', own: '0', fallback: '0' });
    // Only the hash changed: the panel page follows it without a reload.
    expect(frameOf(host)).toBe(frame);
  });

  it('an anchor that is there in time means no card at all', async () => {
    const { view, anchor } = fixtureFor(WORST.selector);
    document.body.append(view);
    mountPanelFrame(cfg());
    const host = onlyHost();
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs * 2);
    expect(onlyHost()).toBe(host);
    expect(host.hasAttribute('data-fallback')).toBe(false);
    expect(host.hasAttribute('data-waiting')).toBe(false);
    expectPlaced(host, anchor, WORST.place);
  });
});

describe('stop()', () => {
  it('removes the host and the handle; later mutations and timers mount nothing', async () => {
    mountPanelFrame(cfg());
    handle()!.stop();
    expect(handle()).toBeUndefined();
    expect(Object.getOwnPropertySymbols(window)).not.toContain(KEY);

    document.body.append(fixtureFor(BEST.selector).view);
    await flush();
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs * 2);
    expect(hosts()).toHaveLength(0);
  });

  it('removes the message listener it added', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    mountPanelFrame(cfg());
    const listeners = added.mock.calls.filter((c) => c[0] === 'message').map((c) => c[1]);
    expect(listeners).toHaveLength(1);
    handle()!.stop();
    const gone = removed.mock.calls.filter((c) => c[0] === 'message').map((c) => c[1]);
    expect(gone).toEqual(listeners);
  });

  it('removes a mounted host', async () => {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(cfg());
    const host = onlyHost();
    handle()!.stop();
    expect(host.isConnected).toBe(false);
    expect(hosts()).toHaveLength(0);
    expect(handle()).toBeUndefined();
    document.body.append(fixtureFor(BEST.selector).view);
    await flush();
    expect(hosts()).toHaveLength(0);
  });
});

describe('size messages from the panel', () => {
  function mounted() {
    document.body.append(fixtureFor(BEST.selector).view);
    mountPanelFrame(msgCfg());
    const frame = frameOf(onlyHost());
    expect(frame.contentWindow).not.toBeNull();
    return frame;
  }
  const post = (data: unknown, source: unknown, origin = ORIGIN) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, origin, source: source as MessageEventSource }),
    );

  it('frameOrigin is the panel URL’s scheme and host, also where URL parsers say "null"', () => {
    // WHATWG URL in Node and happy-dom gives chrome-extension: URLs an opaque "null" origin; a
    // browser's MessageEvent says chrome-extension://<id> (moz-extension://<uuid> in Firefox).
    expect(panelFrameConfig('https://panel.example/panel.html').frameOrigin).toBe(
      'https://panel.example',
    );
    expect(cfg().frameOrigin).toBe(ORIGIN);
    expect(panelFrameConfig('moz-extension://0b1c-42/panel.html').frameOrigin).toBe(
      'moz-extension://0b1c-42',
    );
  });

  it('its own frame, from the panel origin, sets the height, rounded up', () => {
    const frame = mounted();
    post({ bouncebackPanelHeight: 321.2 }, frame.contentWindow);
    expect(frame.style.height).toBe('322px');
    post({ bouncebackPanelHeight: 0 }, frame.contentWindow);
    expect(frame.style.height).toBe('0px');
    post({ bouncebackPanelHeight: 4000 }, frame.contentWindow);
    expect(frame.style.height).toBe('4000px');
  });

  const ignored: [string, (frame: HTMLIFrameElement) => [unknown, unknown, string]][] = [
    [
      'a wrong origin',
      (f) => [{ bouncebackPanelHeight: 500 }, f.contentWindow, 'https://www.strava.com'],
    ],
    [
      'a look-alike origin',
      (f) => [{ bouncebackPanelHeight: 500 }, f.contentWindow, `${ORIGIN}.evil.example`],
    ],
    ['an opaque origin', (f) => [{ bouncebackPanelHeight: 500 }, f.contentWindow, 'null']],
    ['the page window as source', () => [{ bouncebackPanelHeight: 500 }, window, ORIGIN]],
    ['no source', () => [{ bouncebackPanelHeight: 500 }, null, ORIGIN]],
    ['another window', () => [{ bouncebackPanelHeight: 500 }, { other: true }, ORIGIN]],
    ['NaN', (f) => [{ bouncebackPanelHeight: Number.NaN }, f.contentWindow, ORIGIN]],
    [
      'Infinity',
      (f) => [{ bouncebackPanelHeight: Number.POSITIVE_INFINITY }, f.contentWindow, ORIGIN],
    ],
    ['a negative height', (f) => [{ bouncebackPanelHeight: -5 }, f.contentWindow, ORIGIN]],
    ['5000', (f) => [{ bouncebackPanelHeight: 5000 }, f.contentWindow, ORIGIN]],
    ['just over 4000', (f) => [{ bouncebackPanelHeight: 4000.5 }, f.contentWindow, ORIGIN]],
    ['a string', (f) => [{ bouncebackPanelHeight: '500' }, f.contentWindow, ORIGIN]],
    ['a bare number', (f) => [500, f.contentWindow, ORIGIN]],
    ['null data', (f) => [null, f.contentWindow, ORIGIN]],
    ['another key', (f) => [{ height: 500 }, f.contentWindow, ORIGIN]],
  ];

  it.each(ignored)('ignores %s', (_, make) => {
    const frame = mounted();
    post({ bouncebackPanelHeight: 100 }, frame.contentWindow);
    expect(frame.style.height).toBe('100px');
    const [data, source, origin] = make(frame);
    post(data, source, origin);
    expect(frame.style.height).toBe('100px');
  });

  it("a replaced frame's messages no longer count; the new frame's do", async () => {
    const container = document.createElement('div');
    container.append(fixtureFor(BEST.selector).view);
    document.body.append(container);
    mountPanelFrame(msgCfg());
    const oldSource = frameOf(onlyHost()).contentWindow;
    container.replaceChildren(fixtureFor(BEST.selector).view);
    await flush();
    const frame = frameOf(onlyHost());
    expect(frame.contentWindow).not.toBe(oldSource);
    post({ bouncebackPanelHeight: 250 }, oldSource);
    expect(frame.style.height).not.toBe('250px');
    post({ bouncebackPanelHeight: 250 }, frame.contentWindow);
    expect(frame.style.height).toBe('250px');
  });

  it('after stop(), nothing listens', () => {
    const frame = mounted();
    const source = frame.contentWindow;
    handle()!.stop();
    post({ bouncebackPanelHeight: 300 }, source);
    expect(frame.style.height).not.toBe('300px');
  });
});

describe('self-contained, for main-world injection', () => {
  it('rebuilt from its source text alone, it still mounts a panel', async () => {
    const rebuilt = new Function(
      `return (${mountPanelFrame.toString()})`,
    )() as typeof mountPanelFrame;
    expect(rebuilt).not.toBe(mountPanelFrame);
    setURL('https://www.strava.com/activities/777');
    const edit = document.createElement('a');
    edit.className = 'edit-activity';
    edit.setAttribute('href', '/activities/777/edit');
    const { view, anchor } = fixtureFor(BEST.selector);
    document.body.append(edit, view);
    rebuilt(msgCfg());
    const host = onlyHost();
    expectPlaced(host, anchor, BEST.place);
    expect(hashParams(host).values).toEqual({ activity: '777', own: '1', fallback: '0' });
    expect(handle()).toBeDefined();

    // Its observer, timer and listener work too.
    const frame = frameOf(host);
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { bouncebackPanelHeight: 42 },
        origin: ORIGIN,
        source: frame.contentWindow as MessageEventSource,
      }),
    );
    expect(frame.style.height).toBe('42px');
    view.remove();
    await vi.advanceTimersByTimeAsync(cfg().fallbackAfterMs);
    expect(onlyHost().hasAttribute('data-fallback')).toBe(true);
  });
});
