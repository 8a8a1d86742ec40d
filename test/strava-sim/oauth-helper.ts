// The full OAuth dance against the simulator as the extension performs it (approval page →
// redirect with code → token exchange), for tests and the bench.
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './app-config.ts';
import { simRequest } from './sim-request.ts';

export const TEST_REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

export interface TokenResponse {
  token_type: string;
  access_token: string;
  refresh_token: string;
  expires_at: number;
  expires_in: number;
  athlete?: { id: number };
}

/** Approves the given scopes (all requested by default) and returns the redirect URL. */
export async function approve(
  sim: { port: number; certPem: string },
  opts: {
    scope?: string;
    grant?: string[];
    decision?: 'authorize' | 'cancel';
    state?: string;
  } = {},
): Promise<URL> {
  const scope = opts.scope ?? 'read,activity:read_all,profile:read_all';
  const form = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: TEST_REDIRECT,
    response_type: 'code',
    state: opts.state ?? 'xyz',
    decision: opts.decision ?? 'authorize',
  });
  for (const s of opts.grant ?? scope.split(',')) form.append('scope', s);
  const res = await simRequest(sim, `/oauth/accept`, {
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (res.status !== 302) throw new Error(`approve: ${res.status} ${res.text}`);
  return new URL(String(res.headers.location));
}

export async function connect(
  sim: { port: number; certPem: string },
  scope?: string,
): Promise<TokenResponse> {
  const back = await approve(sim, { scope });
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`connect: no code in ${back}`);
  const res = await simRequest(sim, '/oauth/token', {
    body: {
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
    },
  });
  if (res.status !== 200) throw new Error(`connect: ${res.status} ${res.text}`);
  return res.json<TokenResponse>();
}
