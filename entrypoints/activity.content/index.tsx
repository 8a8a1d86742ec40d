import { render } from 'preact';
import { z } from 'zod/mini';
import { Panel } from '../../components/Panel';
import type { PanelActions } from '../../components/panel-actions';
import { startPanelMounter } from '../../lib/content/panel-mounter';
import css from './panel.css?inline';

const noop: PanelActions = {
  toggleCollapsed() {},
  syncNow() {},
  openOptions() {},
  openCheckIn() {},
  setStepDone() {},
};

export default defineContentScript({
  matches: ['https://www.strava.com/activities/*'],
  runAt: 'document_end',
  main(ctx) {
    z.config({ jitless: true });
    startPanelMounter(
      ctx,
      (container, target) => {
        // Placeholder wiring until the lead connects the panel to the background.
        render(
          <Panel target={target} state={null} now={Date.now()} collapsed={false} actions={noop} />,
          container,
        );
        return () => render(null, container);
      },
      css,
    );
  },
});
