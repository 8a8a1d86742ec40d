// The simulator's stand-in for Strava's activity overview page (2026): server-rendered markup with
// the same anchors peers rely on (.activity-stats .inline-stats, .section.more-stats,
// .activity-summary-container, section#heading, #main), a hashed React class name on the stats
// wrapper, owner-only edit controls, and in-page navigation between overview/analysis/segments
// that re-renders the main view like Strava's router does.

export interface PageActivity {
  id: number;
  name: string;
  sport_type: string;
  distance: number;
  moving_time: number;
  total_elevation_gain?: number;
  start_date_local?: string;
  athleteName: string;
}

export interface PageOptions {
  /** The logged-in athlete owns this activity: Strava then shows the edit controls. */
  owner: boolean;
  /** 'bare' leaves out every anchor the extension knows (a redesign we have not seen). */
  variant?: 'normal' | 'bare';
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const pace = (a: PageActivity): string => {
  if (a.distance <= 0) return '–';
  const sPerKm = a.moving_time / (a.distance / 1000);
  const m = Math.floor(sPerKm / 60);
  const s = Math.round(sPerKm % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
};

const duration = (sec: number): string => {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${m}:${String(s).padStart(2, '0')}`;
};

function overviewHtml(a: PageActivity, bare: boolean): string {
  if (bare) {
    return `<div class="StatsGrid_grid__x9Q2a"><span>${(a.distance / 1000).toFixed(2)} km</span></div>`;
  }
  return `
      <div class="spans8 activity-stats mt-md mb-md">
        <div class="Stats_statsWrapper__kR7d1">
          <ul class="inline-stats section">
            <li><strong>${(a.distance / 1000).toFixed(2)}<abbr class="unit" title="kilometers">km</abbr></strong><div class="label">Distance</div></li>
            <li><strong>${duration(a.moving_time)}</strong><div class="label">Moving Time</div></li>
            <li><strong>${pace(a)}<abbr class="unit" title="minutes per kilometer">/km</abbr></strong><div class="label">Pace</div></li>
          </ul>
        </div>
        <div class="section more-stats">
          <div class="row"><div class="spans3">Elevation</div><div class="spans5"><strong>${Math.round(a.total_elevation_gain ?? 0)}<abbr class="unit">m</abbr></strong></div></div>
        </div>
      </div>`;
}

const analysisHtml = (bare: boolean): string =>
  bare
    ? '<div class="Chart_chart__p0Q1z">Analysis</div>'
    : '<div id="analysis-view" class="Analysis_container__aB3c9"><svg width="600" height="160" role="img" aria-label="Pace chart"></svg></div>';

const segmentsHtml = (): string =>
  '<div class="Segments_list__m2N8d"><table class="segments"><tbody><tr><td>Park loop</td></tr></tbody></table></div>';

export function renderActivityPage(a: PageActivity, opts: PageOptions): string {
  const bare = opts.variant === 'bare';
  const name = escapeHtml(a.name);
  const athlete = escapeHtml(a.athleteName);
  const ownerControls = opts.owner
    ? `<div class="actions-menu"><a class="edit-activity" href="/activities/${a.id}/edit" title="Edit activity">Edit</a></div>`
    : `<div class="actions-menu"><button type="button" class="btn-kudo">Give kudos</button></div>`;
  const summary = bare
    ? `<div class="Summary_container__Zz81q"><h1>${name}</h1></div>`
    : `<div class="activity-summary-container"><div class="spans8 activity-summary mt-md mb-md">
          <div class="details"><h1 class="text-title1 activity-name">${name}</h1><time>${escapeHtml(a.start_date_local ?? '')}</time></div>
        </div></div>`;
  const heading = bare
    ? `<div class="Heading_wrap__Qe1a0"><h2>${athlete} – ${escapeHtml(a.sport_type)}</h2>${summary}</div>`
    : `<section id="heading" class="with-gear"><header><h2 class="text-title3">${athlete} – ${escapeHtml(a.sport_type)}</h2></header>${summary}</section>`;
  const mainTag = bare ? 'div class="Main_root__t7Y2s"' : 'div id="main" class="page container"';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name} | ${escapeHtml(a.sport_type)} | Strava</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#242428;background:#fff}
.global-nav{height:56px;background:#fff;border-bottom:1px solid #dfdfe8;display:flex;align-items:center;padding:0 16px;color:#fc5200;font-weight:700}
.page{display:flex;max-width:1180px;margin:0 auto}
.sidenav{width:180px;padding:16px}
.sidenav a{display:block;padding:6px 0;color:#494950}
.sidenav a[aria-current="page"]{font-weight:700}
.view{flex:1;padding:16px}
.inline-stats{display:flex;gap:24px;list-style:none;padding:0}
.inline-stats strong{font-size:24px}
.label{font-size:12px;color:#6d6d78}
</style></head>
<body>
<header class="global-nav">STRAVA</header>
<${mainTag}>
  <nav class="sidenav" aria-label="Activity">
    <a href="/activities/${a.id}/overview" data-route="overview">Overview</a>
    <a href="/activities/${a.id}/analysis" data-route="analysis">Analysis</a>
    <a href="/activities/${a.id}/segments/1" data-route="segments">Segments</a>
    ${ownerControls}
  </nav>
  <div class="view">
    ${heading}
    <div id="view-body">${overviewHtml(a, bare)}</div>
  </div>
</${mainTag.split(' ')[0]}>
<template id="tpl-overview">${overviewHtml(a, bare)}</template>
<template id="tpl-analysis">${analysisHtml(bare)}</template>
<template id="tpl-segments">${segmentsHtml()}</template>
<script>
(function () {
  function route(path) {
    if (/\\/analysis$/.test(path)) return 'analysis';
    if (/\\/segments\\//.test(path)) return 'segments';
    return 'overview';
  }
  function show(path) {
    var r = route(path);
    var tpl = document.getElementById('tpl-' + r);
    var body = document.getElementById('view-body');
    body.replaceChildren(tpl.content.cloneNode(true));
    document.querySelectorAll('.sidenav a[data-route]').forEach(function (a) {
      if (a.getAttribute('data-route') === r) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-route]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    show(location.pathname);
  });
  window.addEventListener('popstate', function () { show(location.pathname); });
  show(location.pathname);
})();
</script>
</body></html>`;
}
