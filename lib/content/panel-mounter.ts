// Keeps exactly one Bounceback panel on a Strava activity page: after the most robust anchor
// present, moved when a better one appears, re-created when Strava's router re-renders the view
// or the URL changes, and a small fixed card when the page has no known anchor at all.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type Anchor, activityIdFrom, findAnchor, isOwnActivity } from '../strava-page';

export const PANEL_TAG = 'bounceback-panel';
/** How long after `load` we wait for an anchor before settling for the fixed card. */
const FALLBACK_AFTER_MS = 1500;

export interface PanelTarget {
  activityId: number;
  own: boolean;
  /** No anchor: render as a small fixed card. */
  fallback: boolean;
}

/** Renders the panel into `container`; returns the cleanup. */
export type RenderPanel = (container: HTMLElement, target: PanelTarget) => () => void;

interface Mounted {
  remove(): void;
  host: HTMLElement;
  anchor: Element | null;
  activityId: number;
}

export function startPanelMounter(
  ctx: ContentScriptContext,
  render: RenderPanel,
  css: string,
): { sync(): Promise<void> } {
  let mounted: Mounted | null = null;
  let busy = false;
  let again = false;
  let fallbackAllowed = false;

  const unmount = () => {
    mounted?.remove();
    mounted = null;
  };

  const settled = (id: number, anchor: Anchor | null): boolean =>
    mounted !== null &&
    mounted.activityId === id &&
    mounted.host.isConnected &&
    mounted.anchor === (anchor?.element ?? null);

  async function mount(id: number, anchor: Anchor | null): Promise<void> {
    const target: PanelTarget = {
      activityId: id,
      own: isOwnActivity(document, id),
      fallback: anchor === null,
    };
    let cleanup: (() => void) | undefined;
    const ui = await createShadowRootUi(ctx, {
      name: PANEL_TAG,
      css,
      position: 'inline',
      anchor: anchor?.element ?? document.body,
      append: anchor?.place ?? 'last',
      onMount: (container) => {
        cleanup = render(container, target);
      },
      onRemove: () => cleanup?.(),
    });
    if (ctx.isInvalid) return;
    // Another pass may have mounted while we awaited: never two panels.
    for (const stale of document.querySelectorAll(PANEL_TAG)) stale.remove();
    ui.mount();
    mounted = {
      remove: () => ui.remove(),
      host: ui.shadowHost,
      anchor: anchor?.element ?? null,
      activityId: id,
    };
  }

  async function pass(): Promise<void> {
    const id = activityIdFrom(location.href);
    if (id === null) return unmount();
    const anchor = findAnchor(document);
    if (settled(id, anchor)) return;
    if (!anchor && !fallbackAllowed) {
      // Keep an existing panel for this activity while the page settles.
      if (mounted?.activityId === id && mounted.host.isConnected) return;
      unmount();
      return;
    }
    unmount();
    await mount(id, anchor);
  }

  // One pass at a time; a request during a pass runs one more pass after it.
  async function sync(): Promise<void> {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await pass();
      } while (again && !ctx.isInvalid);
    } finally {
      busy = false;
    }
  }

  const observer = new MutationObserver(() => {
    if (ctx.isInvalid) return;
    const id = activityIdFrom(location.href);
    if (id !== null && settled(id, findAnchor(document))) return;
    void sync();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    unmount();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => void sync());

  const allowFallback = () => {
    ctx.setTimeout(() => {
      fallbackAllowed = true;
      void sync();
    }, FALLBACK_AFTER_MS);
  };
  if (document.readyState === 'complete') allowFallback();
  else ctx.addEventListener(window, 'load', allowFallback, { once: true });

  void sync();
  return { sync };
}
