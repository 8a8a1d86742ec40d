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
  let anchorEl: Element | null = null;
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
    anchorEl = null;
    mountedId = null;
  };

  const mount = (id: number, anchor: ReturnType<typeof findAnchor>) => {
    // Never two panels, whoever left the other one.
    for (const stale of Array.from(document.querySelectorAll(cfg.tag))) stale.remove();
    const el = document.createElement(cfg.tag);
    if (!anchor) el.setAttribute('data-fallback', '');
    const root = el.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cfg.css;
    const iframe = document.createElement('iframe');
    iframe.title = 'Bounceback recovery plan';
    const params = new URLSearchParams({
      activity: String(id),
      own: isOwn(id) ? '1' : '0',
      fallback: anchor ? '0' : '1',
    });
    iframe.src = `${cfg.frameUrl}#${params}`;
    root.append(style, iframe);
    if (!anchor) document.body.append(el);
    else if (anchor.place === 'after') anchor.element.after(el);
    else if (anchor.place === 'first') anchor.element.prepend(el);
    else anchor.element.append(el);
    host = el;
    frame = iframe;
    anchorEl = anchor?.element ?? null;
    mountedId = id;
  };

  const sync = () => {
    const id = activityId();
    if (id === null) return unmount();
    const anchor = findAnchor();
    const settled =
      host?.isConnected === true && mountedId === id && anchorEl === (anchor?.element ?? null);
    if (settled) return;
    if (!anchor && !fallbackAllowed) {
      // Keep the panel for this activity while the page settles.
      if (host?.isConnected && mountedId === id) return;
      return unmount();
    }
    unmount();
    mount(id, anchor);
  };

  // The panel says how tall it is; only its own frame is listened to.
  const onMessage = (e: MessageEvent) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== cfg.frameOrigin) return;
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
