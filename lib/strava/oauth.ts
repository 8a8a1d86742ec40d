// Strava's OAuth 2 endpoints: authorize URL, redirect parsing, code exchange, refresh,
// deauthorize and its announced successor revoke. Secrets go in POST bodies, never in URLs;
// access tokens only in the Authorization header.

import { OAUTH_URLS } from './base-url';
import { StravaError } from './errors';
import { nextQuarter } from './rate-budget';
import { type Http, parseBody, readFault, readJson, type StravaResponse, send } from './request';
import { DeauthorizeResponseSchema, type TokenResponse, TokenResponseSchema } from './schemas';

const REQUESTED_SCOPES = ['read', 'activity:read_all', 'profile:read_all'] as const;

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Asked for only when the runner ticks "Also tag it on Strava": editing activities. */
export const WRITE_SCOPE = 'activity:write';

export function authorizeUrl(opts: {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Adds WRITE_SCOPE (a second authorization, when the runner asks for it). */
  write?: boolean;
}): string {
  const params = new URLSearchParams({
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri,
    response_type: 'code',
    approval_prompt: 'auto',
    scope: [...REQUESTED_SCOPES, ...(opts.write ? [WRITE_SCOPE] : [])].join(','),
    state: opts.state,
  });
  return `${OAUTH_URLS.authorize}?${params}`;
}

export interface AuthorizedRedirect {
  code: string;
  /** The scopes the runner actually granted (they can untick any). */
  scopes: string[];
}

/**
 * Reads the URL Strava redirected to: `?state&code&scope` on approval, `?error=access_denied`
 * when the runner pressed Cancel. Throws StravaError('oauth').
 */
export function parseRedirect(url: string, expectedState: string): AuthorizedRedirect {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    throw new StravaError({ kind: 'oauth', reason: 'failed' });
  }
  const error = params.get('error');
  if (error) {
    throw new StravaError({
      kind: 'oauth',
      reason: error === 'access_denied' ? 'cancelled' : 'failed',
    });
  }
  if (params.get('state') !== expectedState) {
    throw new StravaError({ kind: 'oauth', reason: 'state-mismatch' });
  }
  const code = params.get('code');
  if (!code) throw new StravaError({ kind: 'oauth', reason: 'failed' });
  const scopes = (params.get('scope') ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { code, scopes };
}

async function tokenRequest(
  http: Http,
  form: Record<string, string>,
  endpoint: string,
  onRejected: (resource: string | undefined) => StravaError,
): Promise<TokenResponse> {
  const response = await send(
    http,
    OAUTH_URLS.token,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    },
    endpoint,
  );
  if (response.ok) return parseBody(TokenResponseSchema, readJson(response, endpoint), endpoint);
  if (response.status === 400 || response.status === 401) {
    const fault = readFault(response);
    throw onRejected(fault?.errors?.[0]?.resource ?? undefined);
  }
  if (response.status === 429) {
    throw new StravaError({
      kind: 'rate-limited',
      until: nextQuarter(http.now()),
      selfImposed: false,
    });
  }
  throw new StravaError({ kind: 'server', endpoint, status: response.status });
}

/** Exchanges the authorization code (single use) for the first token pair and the athlete. */
export function exchangeCode(
  http: Http,
  creds: ClientCredentials,
  code: string,
): Promise<TokenResponse> {
  return tokenRequest(
    http,
    {
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
      code,
      grant_type: 'authorization_code',
    },
    'oauth/token',
    (resource) =>
      new StravaError({
        kind: 'oauth',
        // Application → client_id or client_secret; AuthorizationCode/RequestToken → the code.
        reason: resource === 'Application' || resource === undefined ? 'bad-client' : 'bad-code',
      }),
  );
}

/** Refreshes the pair; a rejection (400/401) means the runner must connect again. */
export function refreshTokens(
  http: Http,
  creds: ClientCredentials,
  refreshToken: string,
): Promise<TokenResponse> {
  return tokenRequest(
    http,
    {
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
      refresh_token: refreshToken,
      grant_type: 'refresh_token',
    },
    'oauth/token (refresh)',
    () => new StravaError({ kind: 'reconnect-needed', reason: 'refresh-failed' }),
  );
}

async function postWithToken(
  http: Http,
  url: string,
  accessToken: string,
  endpoint: string,
): Promise<StravaResponse> {
  return send(
    http,
    url,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    },
    endpoint,
  );
}

async function expectOk(response: StravaResponse, endpoint: string): Promise<void> {
  if (response.ok) {
    parseBody(DeauthorizeResponseSchema, readJson(response, endpoint), endpoint);
    return;
  }
  // An already revoked token is the outcome we wanted.
  if (response.status === 401) return;
  if (response.status === 404) throw new StravaError({ kind: 'not-found', endpoint });
  throw new StravaError({ kind: 'server', endpoint, status: response.status });
}

async function deauthorize(http: Http, accessToken: string): Promise<void> {
  const endpoint = 'oauth/deauthorize';
  await expectOk(
    await postWithToken(http, OAUTH_URLS.deauthorize, accessToken, endpoint),
    endpoint,
  );
}

async function revoke(http: Http, accessToken: string): Promise<void> {
  const endpoint = 'oauth/revoke';
  await expectOk(await postWithToken(http, OAUTH_URLS.revoke, accessToken, endpoint), endpoint);
}

/**
 * Withdraws the app's access: oauth/deauthorize, and oauth/revoke where deauthorize is gone
 * (Strava replaces it on 2027-06-01), so both hosts' behaviour is covered without a date check.
 */
export async function revokeAccess(
  http: Http,
  accessToken: string,
): Promise<'deauthorize' | 'revoke'> {
  try {
    await deauthorize(http, accessToken);
    return 'deauthorize';
  } catch (error) {
    if (error instanceof StravaError && error.kind === 'not-found') {
      await revoke(http, accessToken);
      return 'revoke';
    }
    throw error;
  }
}
