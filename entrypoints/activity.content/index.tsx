import { PANEL_SCRIPT } from '../../lib/content/panel-script';

export default defineContentScript({
  matches: [PANEL_SCRIPT.matches],
  // Chromium runs a declared script just before a quick page's `load`, which delays it even for
  // an empty script: there the worker injects this one once the tab has loaded
  // (lib/background/panel-injector). Firefox keeps the manifest's declaration.
  registration: { chrome: 'runtime', firefox: 'manifest' },
  runAt: 'document_idle',
  // WXT's "a newer copy started" signal stays a DOM event: no postMessage into Strava's page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    (globalThis as Record<string, unknown>)[PANEL_SCRIPT.liveFlag] = () => ctx.isValid;
    // Evaluate the panel's code (a lazy chunk of this same file) only after Strava's load.
    const start = () =>
      void import('./start-panel').then(({ startPanel }) => {
        if (!ctx.isInvalid) startPanel(ctx);
      });
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
  },
});
