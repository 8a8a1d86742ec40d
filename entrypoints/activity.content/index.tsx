import { render } from 'preact';
import { z } from 'zod/mini';
import { startPanelMounter } from '../../lib/content/panel-mounter';
import { PanelApp } from './PanelApp';
import css from './panel.css?inline';

export default defineContentScript({
  matches: ['https://www.strava.com/activities/*'],
  runAt: 'document_end',
  main(ctx) {
    z.config({ jitless: true });
    startPanelMounter(
      ctx,
      (container, target) => {
        render(<PanelApp target={target} />, container);
        return () => render(null, container);
      },
      css,
    );
  },
});
