import { ACTIVITY_PATH, ANCHORS, OWNER_CONTROLS, STRAVA_HOST } from '../strava-page';
import type { PanelFrameConfig } from './mount-panel-frame';

/** The extension page the panel runs in (web-accessible to Strava's pages only). */
export const PANEL_PAGE = '/panel.html' as const;
/** Where the panel goes: every activity page (and its in-page routes). */
export const PANEL_MATCHES = `https://${STRAVA_HOST}/activities/*`;
export const PANEL_TAG = 'bounceback-panel';
/** How long after the panel's first try we wait for an anchor before the fixed card. */
const FALLBACK_AFTER_MS = 1500;

// Around the iframe, in the host's shadow root: sized by the panel's messages, out of sight and
// out of Strava's layout while it waits for an anchor, a fixed card when there is none. The
// panel's own look is in entrypoints/panel.
const HOST_CSS = `
:host { display: block; max-width: 640px; margin: 12px 0; }
iframe { display: block; width: 100%; height: 0; border: 0; color-scheme: light; }
:host([data-fallback]) {
  position: fixed; right: 16px; bottom: 16px; width: 320px; max-width: calc(100vw - 32px);
  margin: 0; z-index: 2147483000; border-radius: 6px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.15);
}
:host([data-fallback]) iframe { max-height: calc(100vh - 32px); }
:host([data-waiting]) {
  position: absolute; top: 0; left: 0; width: 640px; height: 0; overflow: hidden; margin: 0;
  visibility: hidden; pointer-events: none;
}
`;

/** What mountPanelFrame needs, for a panel page at `pageUrl` (runtime.getURL(PANEL_PAGE)). */
export function panelFrameConfig(
  pageUrl: string,
  replace = false,
  shadow: PanelFrameConfig['shadow'] = 'open',
): PanelFrameConfig {
  return {
    frameUrl: pageUrl,
    // Read off the string: URL parsers that do not know extension schemes give "null".
    frameOrigin: /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(pageUrl)?.[0] ?? pageUrl,
    tag: PANEL_TAG,
    host: STRAVA_HOST,
    activityPath: ACTIVITY_PATH.source,
    anchors: ANCHORS.map(({ selector, place }) => ({ selector, place })),
    ownerControls: OWNER_CONTROLS,
    fallbackAfterMs: FALLBACK_AFTER_MS,
    css: HOST_CSS,
    replace,
    shadow,
  };
}
