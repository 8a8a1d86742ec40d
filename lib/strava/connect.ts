// Connecting and disconnecting the runner's own Strava app, run in the background:
// launchWebAuthFlow → redirect → code exchange → tokens in IndexedDB → athlete profile.
// Every failure becomes a StravaError whose message tells the runner what to do.

import type { ConnectedAthlete, Connection } from '../model/connection';
import type { StravaClient } from './client';
import { StravaError } from './errors';
import {
  authorizeUrl,
  type ClientCredentials,
  exchangeCode,
  parseRedirect,
  revokeAccess,
} from './oauth';
import type { OwnAppTokens } from './own-app-tokens';
import type { BudgetStore } from './rate-budget';
import { type Http, readFault, type StravaResponse, send } from './request';
import type { DetailedAthlete, SummaryAthlete } from './schemas';

/** The part of `browser.identity` the flow needs (injected so tests can play Strava's window). */
export interface Identity {
  getRedirectURL(): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export interface ConnectDeps {
  identity: Identity;
  http: Http;
  tokens: OwnAppTokens;
  /** A client over the same tokens (reads the athlete's name, avatar and units). */
  client: StravaClient;
  budget: BudgetStore;
  randomState?: () => string;
}

/** The host to paste as "Authorization Callback Domain" at strava.com/settings/api. */
function callbackDomain(redirectUri: string): string {
  return new URL(redirectUri).hostname;
}

export const LIMITATION_PRIVATE_ACTIVITIES =
  'Private runs and "Only You" activities won\'t be seen: "View data about your private activities" was not granted.';
const LIMITATION_PROFILE =
  "Your weight and units can't be read from a restricted Strava profile: set them in Bounceback's options.";

/** What will not work with these granted scopes; throws when activities cannot be read at all. */
export function limitationsFor(scopes: readonly string[]): string[] {
  const all = scopes.includes('activity:read_all');
  if (!all && !scopes.includes('activity:read')) {
    throw new StravaError({ kind: 'oauth', reason: 'scope-refused' });
  }
  const out: string[] = [];
  if (!all) out.push(LIMITATION_PRIVATE_ACTIVITIES);
  if (!scopes.includes('profile:read_all')) out.push(LIMITATION_PROFILE);
  return out;
}

/**
 * Strava shows a JSON 400 page instead of redirecting when the client id is unknown or the
 * callback domain does not match; in Strava's window the runner can only close it, which looks
 * like a cancel. Asking the same URL first (no cookies) lets us name the real problem.
 */
async function checkAuthorizePage(http: Http, url: string, domain: string): Promise<void> {
  let response: StravaResponse;
  try {
    response = await send(
      http,
      url,
      { credentials: 'omit', redirect: 'manual' },
      'oauth/authorize',
    );
  } catch (error) {
    if (error instanceof StravaError && error.kind === 'timeout') return;
    throw error;
  }
  if (response.status !== 400) return;
  const field = readFault(response)?.errors?.[0]?.field;
  if (field === 'redirect_uri') {
    throw new StravaError({ kind: 'oauth', reason: 'redirect-mismatch', redirectDomain: domain });
  }
  if (field === 'client_id') throw new StravaError({ kind: 'oauth', reason: 'bad-client' });
}

export function athleteOf(
  summary: SummaryAthlete | null,
  detail: DetailedAthlete | null,
): ConnectedAthlete | null {
  if (!detail && !summary) return null;
  // The token response's summary fills what the detailed profile left out (and vice versa).
  const a = { ...summary, ...detail } as DetailedAthlete;
  for (const key of ['firstname', 'lastname', 'username', 'profile_medium', 'profile'] as const) {
    a[key] = detail?.[key] ?? summary?.[key];
  }
  const name =
    [a.firstname, a.lastname].filter(Boolean).join(' ') || a.username || `Athlete ${a.id}`;
  const pref = detail?.measurement_preference;
  return {
    id: a.id,
    name,
    avatarUrl: a.profile_medium ?? a.profile ?? null,
    units: pref === 'feet' ? 'imperial' : pref === 'meters' ? 'metric' : null,
    weightKg: typeof a.weight === 'number' && a.weight > 0 ? a.weight : null,
  };
}

export async function connectStrava(
  creds: ClientCredentials,
  deps: ConnectDeps,
  opts: { write?: boolean } = {},
): Promise<Connection> {
  const redirectUri = deps.identity.getRedirectURL();
  const domain = callbackDomain(redirectUri);
  const state = deps.randomState?.() ?? crypto.randomUUID();
  const url = authorizeUrl({ clientId: creds.clientId, redirectUri, state, write: opts.write });

  await checkAuthorizePage(deps.http, url, domain);

  let redirected: string | undefined;
  try {
    redirected = await deps.identity.launchWebAuthFlow({ url, interactive: true });
  } catch {
    // Chromium: "The user did not approve access."; Firefox: "User cancelled or denied access."
    redirected = undefined;
  }
  if (!redirected) {
    throw new StravaError({ kind: 'oauth', reason: 'cancelled', redirectDomain: domain });
  }

  let granted: ReturnType<typeof parseRedirect>;
  try {
    granted = parseRedirect(redirected, state);
  } catch (error) {
    if (error instanceof StravaError && error.detail.kind === 'oauth') {
      throw new StravaError({ ...error.detail, redirectDomain: domain });
    }
    throw error;
  }
  const limitations = limitationsFor(granted.scopes);
  const tokens = await exchangeCode(deps.http, creds, granted.code);
  await deps.tokens.connect(creds, tokens, granted.scopes);

  let detail: DetailedAthlete | null = null;
  try {
    detail = await deps.client.athlete({ urgent: true });
  } catch {
    // The connection stands; name and avatar come from the token response instead.
  }
  return {
    state: 'connected',
    mode: 'own-app',
    clientId: creds.clientId,
    athlete: athleteOf(tokens.athlete ?? null, detail),
    scopes: granted.scopes,
    limitations,
    budget: deps.budget.get(),
    updatedAt: deps.http.now(),
  };
}

export type RemoteOutcome = 'deauthorize' | 'revoke' | 'not-connected' | 'failed';

/**
 * Withdraws access at Strava (deauthorize, or revoke where deauthorize is gone), then wipes the
 * tokens and the secret whatever Strava answered: a runner who says disconnect is disconnected.
 */
export async function disconnectStrava(
  deps: Pick<ConnectDeps, 'http' | 'tokens'>,
): Promise<{ remote: RemoteOutcome }> {
  let remote: RemoteOutcome = 'not-connected';
  let token: string | null = null;
  try {
    token = await deps.tokens.getAccessToken();
  } catch {
    token = await deps.tokens.storedAccessToken();
  }
  if (token) {
    try {
      remote = await revokeAccess(deps.http, token);
    } catch {
      remote = 'failed';
    }
  }
  await deps.tokens.clear();
  return { remote };
}
