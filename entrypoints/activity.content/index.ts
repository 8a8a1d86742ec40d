import { browser } from 'wxt/browser';
import { mountPanelFrame } from '../../lib/panel-frame/mount-panel-frame';
import {
  PANEL_MATCHES,
  PANEL_PAGE,
  panelFrameConfig,
} from '../../lib/panel-frame/panel-frame-config';

// Firefox only. Chromium's worker runs mountPanelFrame in the page's main world after the load
// (lib/panel-frame/panel-injector): a content script there would cost every later page load.
export default defineContentScript({
  matches: [PANEL_MATCHES],
  include: ['firefox'],
  runAt: 'document_idle',
  // WXT's "a newer copy started" signal stays a DOM event: no postMessage into Strava's page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const cfg = panelFrameConfig(browser.runtime.getURL(PANEL_PAGE), true, 'closed');
    const handle = () =>
      (window as unknown as Record<symbol, { stop(): void } | undefined>)[
        Symbol.for('bounceback.panel')
      ];
    const start = () => {
      if (ctx.isValid) mountPanelFrame(cfg);
    };
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
    ctx.addEventListener(window, 'wxt:locationchange', () =>
      mountPanelFrame({ ...cfg, replace: false }),
    );
    ctx.onInvalidated(() => handle()?.stop());
  },
});
