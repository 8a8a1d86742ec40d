// The broker's only way to Strava: OAuth (code exchange, refresh, deauthorize/revoke) and the push
// subscription. Base URLs come from the config alone, so the 2027 host is one setting
// (STRAVA_BASE_URL / STRAVA_API_BASE_URL). Responses are checked with zod before use.
import { z } from 'zod';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type StravaEndpoint =
  | 'oauth/token:code'
  | 'oauth/token:refresh'
  | 'oauth/deauthorize'
  | 'oauth/revoke'
  | 'push_subscriptions';

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.number().int(),
});

const CodeExchangeResponseSchema = TokenResponseSchema.extend({
  athlete: z.object({ id: z.number().int().positive() }),
});

const SubscriptionSchema = z.object({ id: z.number().int(), callback_url: z.string() });

export type StravaTokens = z.infer<typeof TokenResponseSchema>;

export class StravaRequestError extends Error {
  override name = 'StravaRequestError';
  constructor(
    readonly endpoint: StravaEndpoint,
    readonly status: number,
  ) {
    // Only the endpoint and status: bodies may echo tokens.
    super(`Strava ${endpoint} answered ${status}`);
  }
}

export type StravaClient = ReturnType<typeof createStravaClient>;

export function createStravaClient(options: {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  apiBaseUrl: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Called before every request; the bench counts Strava requests per athlete with it. */
  onRequest?: (endpoint: StravaEndpoint, athleteId: number | null) => void;
}) {
  const doFetch = options.fetch ?? fetch;
  const credentials = { client_id: options.clientId, client_secret: options.clientSecret };

  async function send(
    endpoint: StravaEndpoint,
    athleteId: number | null,
    url: string,
    init: RequestInit,
  ): Promise<Response> {
    options.onRequest?.(endpoint, athleteId);
    return doFetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  }

  async function json<T>(endpoint: StravaEndpoint, response: Response, parse: z.ZodType<T>) {
    if (!response.ok) throw new StravaRequestError(endpoint, response.status);
    return parse.parse(await response.json());
  }

  // Secrets travel in POST bodies, never in URLs (where proxies and logs would keep them).
  const form = (fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    body: new URLSearchParams(fields),
  });

  async function postWithToken(
    endpoint: 'oauth/deauthorize' | 'oauth/revoke',
    athleteId: number,
    accessToken: string,
  ) {
    return send(endpoint, athleteId, `${options.baseUrl}/${endpoint}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}` },
    });
  }

  return {
    /** Strava's authorize page for the shared application, returning to the broker. */
    authorizeUrl(params: { redirectUri: string; state: string; scope: string }): string {
      const url = new URL(`${options.baseUrl}/oauth/authorize`);
      url.search = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: params.redirectUri,
        response_type: 'code',
        approval_prompt: 'auto',
        scope: params.scope,
        state: params.state,
      }).toString();
      return url.toString();
    },

    async exchangeCode(code: string) {
      const endpoint = 'oauth/token:code';
      const response = await send(
        endpoint,
        null,
        `${options.baseUrl}/oauth/token`,
        form({ ...credentials, code, grant_type: 'authorization_code' }),
      );
      return json(endpoint, response, CodeExchangeResponseSchema);
    },

    async refresh(athleteId: number, refreshToken: string): Promise<StravaTokens> {
      const endpoint = 'oauth/token:refresh';
      const response = await send(
        endpoint,
        athleteId,
        `${options.baseUrl}/oauth/token`,
        form({ ...credentials, refresh_token: refreshToken, grant_type: 'refresh_token' }),
      );
      return json(endpoint, response, TokenResponseSchema);
    },

    /**
     * Withdraws the application's access: oauth/deauthorize, or oauth/revoke where deauthorize is
     * gone (Strava replaces it from 2027-06-01). A 401 means it is already withdrawn.
     */
    async revokeAccess(athleteId: number, accessToken: string): Promise<void> {
      let response = await postWithToken('oauth/deauthorize', athleteId, accessToken);
      let endpoint: StravaEndpoint = 'oauth/deauthorize';
      if (response.status === 404) {
        endpoint = 'oauth/revoke';
        response = await postWithToken(endpoint, athleteId, accessToken);
      }
      if (!response.ok && response.status !== 401)
        throw new StravaRequestError(endpoint, response.status);
    },

    async listSubscriptions() {
      // Strava's documented form for this GET puts the credentials in the query; it goes only to Strava.
      const url = new URL(`${options.apiBaseUrl}/push_subscriptions`);
      url.search = new URLSearchParams(credentials).toString();
      const response = await send('push_subscriptions', null, url.toString(), { method: 'GET' });
      return json('push_subscriptions', response, z.array(SubscriptionSchema));
    },

    /** Strava answers only after its own hub.challenge GET to callbackUrl succeeded. */
    async createSubscription(callbackUrl: string, verifyToken: string) {
      const response = await send(
        'push_subscriptions',
        null,
        `${options.apiBaseUrl}/push_subscriptions`,
        form({ ...credentials, callback_url: callbackUrl, verify_token: verifyToken }),
      );
      return json('push_subscriptions', response, z.object({ id: z.number().int() }));
    },

    async deleteSubscription(id: number): Promise<void> {
      const url = new URL(`${options.apiBaseUrl}/push_subscriptions/${id}`);
      url.search = new URLSearchParams(credentials).toString();
      const response = await send('push_subscriptions', null, url.toString(), { method: 'DELETE' });
      if (!response.ok && response.status !== 404) {
        throw new StravaRequestError('push_subscriptions', response.status);
      }
    },
  };
}
