/**
 * The panel's content script as the worker injects it in Chromium, and the isolated-world global
 * through which a running copy says it is alive (so a second injection into the same page is not
 * made).
 */
export const PANEL_SCRIPT = {
  file: '/content-scripts/activity.js',
  /** Where it runs; isActivityPage narrows this further. */
  matches: 'https://www.strava.com/activities/*',
  liveFlag: '__bouncebackPanelLive',
} as const;
