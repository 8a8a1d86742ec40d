// strava.com's HTML side: the activity page (with its in-page routes), the edit page, home,
// dashboard and the avatar image. Unknown activity ids become someone else's plausible run,
// because the extension must see non-owner pages too.
import type { ServerResponse } from 'node:http';
import { type PageActivity, renderActivityPage } from './activity-page.ts';
import { escapeHtml, send, sendHtml } from './http.ts';
import type { SimState } from './state.ts';

const ACTIVITY_ROUTE = /^\/activities\/(\d+)(?:\/(overview|analysis|segments\/\d+|edit))?\/?$/;

/** Answers a page request; returns false when the path is not a page the simulator knows. */
export function handlePage(state: SimState, url: URL, res: ServerResponse): boolean {
  const path = url.pathname;
  if (path === '/' || path === '/dashboard') {
    sendHtml(
      res,
      200,
      simplePage(path === '/' ? 'Strava' : 'Dashboard | Strava', dashboard(state)),
    );
    return true;
  }
  if (path === '/athlete/avatar.svg') {
    send(res, 200, avatarSvg(state.athlete.firstname, state.athlete.lastname), 'image/svg+xml');
    return true;
  }
  const m = ACTIVITY_ROUTE.exec(path);
  if (!m) return false;
  const id = Number(m[1]);
  const own = state.activities.get(id);
  if (m[2] === 'edit' || state.deletedIds.has(id)) {
    if (!own) {
      sendHtml(res, 404, simplePage('Not found | Strava', '<h1>Page not found</h1>'));
      return true;
    }
    const d = own.detail;
    sendHtml(
      res,
      200,
      simplePage(
        `Edit ${escapeHtml(d.name)} | Strava`,
        `<h1>Edit activity</h1><form class="edit-activity-form"><label>Title <input name="name" value="${escapeHtml(d.name)}"></label>
<label>Workout type <select name="workout_type">${[0, 1, 2, 3]
          .map(
            (w) =>
              `<option value="${w}"${d.workout_type === w ? ' selected' : ''}>${['Default', 'Race', 'Long Run', 'Workout'][w]}</option>`,
          )
          .join('')}</select></label><button type="button">Save</button></form>
<p><a href="/activities/${d.id}">Back to activity</a></p>`,
      ),
    );
    return true;
  }
  const page: PageActivity = own
    ? {
        id,
        name: own.detail.name,
        sport_type: own.detail.sport_type,
        distance: own.detail.distance,
        moving_time: own.detail.moving_time,
        total_elevation_gain: own.detail.total_elevation_gain,
        start_date_local: own.detail.start_date_local,
        athleteName: `${state.athlete.firstname} ${state.athlete.lastname}`,
      }
    : strangersRun(id);
  const variant = url.searchParams.get('variant') === 'bare' ? 'bare' : 'normal';
  sendHtml(res, 200, renderActivityPage(page, { owner: Boolean(own), variant }));
  return true;
}

/** Someone else's activity, stable per id (odd ids are rides so both sports show up). */
function strangersRun(id: number): PageActivity {
  const ride = id % 7 === 3;
  const km = 5 + (id % 17);
  return {
    id,
    name: ride ? 'Afternoon Ride' : 'Morning Run',
    sport_type: ride ? 'Ride' : 'Run',
    distance: (ride ? km * 3 : km) * 1000,
    moving_time: ride ? km * 3 * 120 : km * 330,
    total_elevation_gain: (id % 13) * 9,
    start_date_local: '2026-11-01T07:30:00Z',
    athleteName: 'Sam Other',
  };
}

function dashboard(state: SimState): string {
  const rows = [...state.activities.values()]
    .sort((a, b) => b.detail.start_date.localeCompare(a.detail.start_date))
    .slice(0, 20)
    .map(
      (a) =>
        `<li><a href="/activities/${a.detail.id}">${escapeHtml(a.detail.name)}</a> · ${(a.detail.distance / 1000).toFixed(1)} km</li>`,
    )
    .join('');
  return `<h1>${escapeHtml(state.athlete.firstname)}'s feed</h1><ul class="feed">${rows}</ul>`;
}

export function simplePage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:0 auto;max-width:720px;padding:16px;color:#242428}
.global-nav{color:#fc5200;font-weight:700;margin-bottom:16px}</style></head>
<body><header class="global-nav">STRAVA</header><main id="main">${body}</main></body></html>`;
}

function avatarSvg(first: string, last: string): string {
  const initials = escapeHtml(`${first.charAt(0)}${last.charAt(0)}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="124" height="124" viewBox="0 0 124 124"><rect width="124" height="124" rx="62" fill="#fc5200"/><text x="62" y="76" font-size="44" text-anchor="middle" fill="#fff" font-family="Helvetica,Arial,sans-serif">${initials}</text></svg>`;
}
