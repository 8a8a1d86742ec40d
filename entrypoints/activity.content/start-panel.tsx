import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPanelMounter } from '../../lib/content/panel-mounter';
import { PanelApp } from './PanelApp';
import css from './panel.css?inline';

/** Everything the panel needs, evaluated only once Strava's page has loaded. */
export function startPanel(ctx: ContentScriptContext): void {
  startPanelMounter(
    ctx,
    (container, target) => {
      render(<PanelApp target={target} />, container);
      return () => render(null, container);
    },
    css,
  );
}
