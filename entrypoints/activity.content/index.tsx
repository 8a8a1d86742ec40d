import { render } from 'preact';
import { z } from 'zod/mini';
import { startPanelMounter } from '../../lib/content/panel-mounter';
import { PanelApp } from './PanelApp';
import css from './panel.css?inline';

export default defineContentScript({
  matches: ['https://www.strava.com/activities/*'],
  // After the page's own load: Strava's page must not wait for us.
  runAt: 'document_idle',
  main(ctx) {
    z.config({ jitless: true });
    // Mount once the page has loaded: Strava's own load event never waits for the panel.
    const start = () =>
      startPanelMounter(
        ctx,
        (container, target) => {
          render(<PanelApp target={target} />, container);
          return () => render(null, container);
        },
        css,
      );
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
  },
});
