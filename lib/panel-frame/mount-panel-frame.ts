// Keeps exactly one Bounceback panel on a Strava activity page: an iframe of the extension's own
// panel page, in a shadow-root host after the most robust anchor present, moved when a better one
// appears, re-created when Strava's router re-renders the view or the URL changes, and a small
// fixed card when the page has no known anchor at all.
//
// Chromium's worker runs this in the page's main world (scripting.executeScript), so it must be
// self-contained: no imports, no helpers from outside its body, everything it needs in `cfg`.
// Why the main world: once an extension has an isolated world in a frame, Chromium re-creates it
// for every later document in that frame, which slows every later page load there; the main world
// costs nothing, and the panel itself runs out of the page's reach, in the extension's process.
// Firefox's content script calls it the same way. Nothing from the page crosses into the panel but
// the activity id and the owner hint, both re-checked by the panel and the background.

export interface PanelFrameConfig {
  /** The panel page, without its hash. */
  frameUrl: string;
  /** The origin the panel's size messages come from. */
  frameOrigin: string;
  tag: string;
  host: string;
  /** Source of the activity path pattern (lib/strava-page), its first group the id. */
  activityPath: string;
  anchors: readonly { selector: string; place: 'after' | 'last' | 'first' }[];
  ownerControls: readonly string[];
  /** How long after the first call we wait for an anchor before settling for the fixed card. */
  fallbackAfterMs: number;
  /** Styles for the shadow root around the iframe. */
  css: string;
  /** Replace a panel left by an earlier copy of the extension (after an update). */
  replace: boolean;
  /**
   * Closed where this runs in an isolated world (Firefox's content script): the page then cannot
   * read the frame's per-install extension URL. Open in the main world, where closing it would
   * hide nothing from a page that can patch attachShadow first.
   */
  shadow: 'open' | 'closed';
}

/** What a mounted copy leaves on the window (at `Symbol.for('bounceback.panel')`): later calls sync it or stop it. */
export interface PanelFrameHandle {
  sync(): void;
  stop(): void;
}

export function mountPanelFrame(cfg: PanelFrameConfig): void {
  const key = Symbol.for('bounceback.panel');
  const slot = window as unknown as Record<symbol, PanelFrameHandle | undefined>;
  const existing = slot[key];
  if (existing) {
    if (!cfg.replace) {
      existing.sync();
      return;
    }
    existing.stop();
  }

  const pathPattern = new RegExp(cfg.activityPath);
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let mountedId: number | null = null;
  let fallbackAllowed = false;

  const activityId = (): number | null => {
    if (location.protocol !== 'https:' || location.hostname !== cfg.host) return null;
    const m = pathPattern.exec(location.pathname);
    const id = m?.[1] ? Number(m[1]) : Number.NaN;
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  };
  const findAnchor = () => {
    for (const a of cfg.anchors) {
      const element = document.querySelector(a.selector);
      if (element) return { element, place: a.place };
    }
    return null;
  };
  const isOwn = (id: number): boolean =>
    cfg.ownerControls.some((sel) =>
      Array.from(document.querySelectorAll(sel)).some((el) =>
        (el.getAttribute('href') ?? '').includes(`/activities/${id}/`),
      ),
    );

  const unmount = () => {
    host?.remove();
    host = null;
    frame = null;
    mountedId = null;
  };

  const create = (id: number) => {
    // Never two panels, whoever left the other one.
    for (const stale of Array.from(document.querySelectorAll(cfg.tag))) stale.remove();
    host = document.createElement(cfg.tag);
    const root = host.attachShadow({ mode: cfg.shadow });
    const style = document.createElement('style');
    style.textContent = cfg.css;
    frame = document.createElement('iframe');
    frame.title = 'Bounceback recovery plan';
    root.append(style, frame);
    mountedId = id;
  };

  /** Where the host goes: after its anchor, or at the end of the body (fixed card or waiting). */
  const place = (el: HTMLElement, anchor: ReturnType<typeof findAnchor>) => {
    let parent: Node = document.body;
    let before: Node | null = null;
    if (anchor?.place === 'after') {
      parent = anchor.element.parentNode ?? document.body;
      before = anchor.element.nextSibling;
    } else if (anchor?.place === 'first') {
      parent = anchor.element;
      before = anchor.element.firstChild;
    } else if (anchor) parent = anchor.element;
    // In place already: right after its anchor, inside it (first or last need not be exact), or
    // in the body for the card and the wait (fixed or hidden: where in the body does not matter).
    const inPlace =
      el.parentNode === parent &&
      (anchor?.place === 'after' ? el.previousSibling === anchor.element : true);
    if (inPlace) return;
    // A move that keeps the frame's page loaded (Chromium 133+); elsewhere the frame reloads.
    const move = (parent as { moveBefore?: (n: Node, b: Node | null) => void }).moveBefore;
    if (el.isConnected && parent.isConnected && typeof move === 'function')
      move.call(parent, el, before);
    else parent.insertBefore(el, before);
  };

  const sync = () => {
    const id = activityId();
    if (id === null) return unmount();
    const anchor = findAnchor();
    if (!(host?.isConnected && mountedId === id)) {
      unmount();
      create(id);
    }
    const el = host!;
    // No anchor yet: the panel loads out of sight, to show at once when Strava renders its stats;
    // after a while without one it becomes the fixed card.
    const state = anchor ? 'anchored' : fallbackAllowed ? 'fallback' : 'waiting';
    const params = new URLSearchParams({
      activity: String(id),
      own: isOwn(id) ? '1' : '0',
      fallback: state === 'fallback' ? '1' : '0',
    });
    const src = `${cfg.frameUrl}#${params}`;
    // Only the hash changes for a frame already there: its page follows without reloading.
    if (frame!.getAttribute('src') !== src) frame!.setAttribute('src', src);
    el.toggleAttribute('data-fallback', state === 'fallback');
    el.toggleAttribute('data-waiting', state === 'waiting');
    place(el, anchor);
  };

  // The panel says how tall it is; only its own frame is listened to.
  const onMessage = (e: MessageEvent) => {
    if (!frame?.contentWindow || e.source !== frame.contentWindow || e.origin !== cfg.frameOrigin)
      return;
    const h = (e.data as { bouncebackPanelHeight?: unknown } | null)?.bouncebackPanelHeight;
    if (typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 4000)
      frame.style.height = `${Math.ceil(h)}px`;
  };
  const observer = new MutationObserver(sync);
  const timer = setTimeout(() => {
    fallbackAllowed = true;
    sync();
  }, cfg.fallbackAfterMs);
  window.addEventListener('message', onMessage);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  slot[key] = {
    sync,
    stop: () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      unmount();
      delete slot[key];
    },
  };
  sync();
}
