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

/** Where the panel goes, most robust first; `place` says where relative to the anchor. */
export const ANCHORS: readonly { selector: string; place: 'after' | 'last' | 'first' }[] = [
  { selector: '.activity-stats .inline-stats', place: 'after' },
  { selector: '.section.more-stats', place: 'after' },
  { selector: '.activity-summary-container', place: 'after' },
  { selector: 'section#heading', place: 'last' },
  { selector: '#main', place: 'first' },
];

export interface Anchor {
  element: Element;
  place: 'after' | 'last' | 'first';
  selector: string;
}

export function findAnchor(doc: ParentNode): Anchor | null {
  for (const { selector, place } of ANCHORS) {
    const element = doc.querySelector(selector);
    if (element) return { element, place, selector };
  }
  return null;
}

/** Strava shows the edit controls only to the activity's owner. */
export const OWNER_CONTROLS = [
  'a.edit-activity',
  'a[href$="/edit"][href*="/activities/"]',
] as const;

export function isOwnActivity(doc: ParentNode, activityId?: number): boolean {
  for (const selector of OWNER_CONTROLS) {
    for (const el of doc.querySelectorAll(selector)) {
      const href = el.getAttribute('href') ?? '';
      if (activityId === undefined || href.includes(`/activities/${activityId}/`)) return true;
    }
  }
  return false;
}

/** Match a hashed CSS-module class (e.g. `Stats_statsWrapper__kR7d1`) by its stable prefix. */
export function byClassPrefix(prefix: string): string {
  return `[class^="${prefix}__"], [class*=" ${prefix}__"]`;
}
