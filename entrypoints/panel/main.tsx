import { render } from 'preact';
import { z } from 'zod/mini';
import { PanelApp } from '../../components/panel/PanelApp';
import { panelTargetFrom } from '../../lib/panel-frame/panel-target';
import { STRAVA_HOST } from '../../lib/strava-page';
import '../../components/panel/panel.css';
import './page.css';

z.config({ jitless: true });

const app = document.getElementById('app')!;
// Strava's page may say more once it has settled (its anchor, its owner controls): the frame's
// hash changes then, without a reload.
const show = () => {
  const target = panelTargetFrom(location.hash);
  render(target ? <PanelApp target={target} /> : null, app);
};
show();
addEventListener('hashchange', show);
// Strava's page sizes the frame from this (it listens to this frame only); no other page hears it.
new ResizeObserver(() =>
  parent.postMessage(
    { bouncebackPanelHeight: app.getBoundingClientRect().height },
    `https://${STRAVA_HOST}`,
  ),
).observe(app);
