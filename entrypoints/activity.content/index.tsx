export default defineContentScript({
  matches: ['https://www.strava.com/activities/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Chromium runs idle scripts just before `load` when the page is quick: do nothing then but
    // wait, and evaluate the panel's code (a lazy chunk of this same file) after Strava's load.
    const start = () =>
      void import('./start-panel').then(({ startPanel }) => {
        if (!ctx.isInvalid) startPanel(ctx);
      });
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
  },
});
