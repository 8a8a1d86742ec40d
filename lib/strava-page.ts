// Everything the extension knows about Strava's pages: URL predicates and every DOM selector, in
// one place, so a Strava redesign is a one-file change. Anchors are listed most robust first
// (design.md, "The Strava activity page"); hashed React class names are matched by prefix only.

export const STRAVA_HOST = 'www.strava.com';
export const ACTIVITY_PATH =
  /^\/activities\/(\d{1,20})(?:\/(?:overview|analysis|segments\/\d+|laps|zones))?\/?$/;

function parse(url: string | URL): URL | null {
  try {
    return typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
}

/** A page that shows one activity (overview or one of its in-page routes), not /edit or lists. */
export function isActivityPage(url: string | URL): boolean {
  return activityIdFrom(url) !== null;
}

/** The activity id in an activity page's URL, or null for any other page. */
export function activityIdFrom(url: string | URL): number | null {
  const u = parse(url);
  if (u?.protocol !== 'https:' || u.hostname !== STRAVA_HOST) return null;
  const m = ACTIVITY_PATH.exec(u.pathname);
  if (!m?.[1]) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Where a Strava page's anchor was seen: the page and when, so a stale one can be found. */
const OVERVIEW_2026 = 'activity overview page, 2026 (design.md, "The Strava activity page")';

/**
 * Where the panel goes, most robust first; `place` says where relative to the anchor. Hashed
 * React class names (`Stats_statsWrapper__kR7d1`) must only be matched by prefix:
 * `[class^="Stats_statsWrapper__"]`. lib/panel-frame/mount-panel-frame is the one reader.
 */
export const ANCHORS: readonly {
  selector: string;
  place: 'after' | 'last' | 'first';
  seen: string;
}[] = [
  { selector: '.activity-stats .inline-stats', place: 'after', seen: OVERVIEW_2026 },
  { selector: '.section.more-stats', place: 'after', seen: OVERVIEW_2026 },
  { selector: '.activity-summary-container', place: 'after', seen: OVERVIEW_2026 },
  { selector: 'section#heading', place: 'last', seen: OVERVIEW_2026 },
  { selector: '#main', place: 'first', seen: OVERVIEW_2026 },
];

/** Strava shows the edit controls only to the activity's owner (seen on the overview, 2026). */
export const OWNER_CONTROLS = [
  'a.edit-activity',
  'a[href$="/edit"][href*="/activities/"]',
] as const;
