// The one place that knows where Strava lives. Strava announced that from 2027-06-01 the API is
// served from https://www.api-v3.strava.com/; switching is one edit of STRAVA_API_BASE here (both hosts are already in
// host_permissions). We do not switch by date automatically: the new host's path layout is not
// published yet, and a silent switch would break every runner at midnight if it differs.

/** Strava's website: OAuth authorize page and token endpoints. */
const STRAVA_WEB_ORIGIN = 'https://www.strava.com';

export const STRAVA_API_BASE = `${STRAVA_WEB_ORIGIN}/api/v3`;

export const OAUTH_URLS = {
  authorize: `${STRAVA_WEB_ORIGIN}/oauth/authorize`,
  token: `${STRAVA_WEB_ORIGIN}/oauth/token`,
  deauthorize: `${STRAVA_WEB_ORIGIN}/oauth/deauthorize`,
  revoke: `${STRAVA_WEB_ORIGIN}/oauth/revoke`,
} as const;

/** Where the runner creates their own API application. */
export const STRAVA_API_SETTINGS_URL = `${STRAVA_WEB_ORIGIN}/settings/api`;
