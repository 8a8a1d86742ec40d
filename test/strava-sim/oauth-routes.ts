// Strava's OAuth endpoints as they behave for a registered app: an approval page whose optional
// scopes the runner can untick, code → token exchange, rotating refresh tokens (both need the
// client secret: Strava has no PKCE), and deauthorize plus the announced /oauth/revoke.
// Error bodies are the ones recorded from Strava (see shared/strava/fixtures).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirectAllowed } from './app-config.ts';
import { escapeHtml, readBody, readParams, redirect, sendHtml, sendJson } from './http.ts';
import type { SimState } from './state.ts';

const KNOWN_SCOPES = [
  'read',
  'read_all',
  'profile:read_all',
  'profile:write',
  'activity:read',
  'activity:read_all',
  'activity:write',
];

const SCOPE_LABELS: Record<string, string> = {
  read: 'View data about your public segments, routes and profile (required)',
  read_all: 'View data about your private routes, segments, and events',
  'profile:read_all': 'View your complete Strava profile, including weight and units',
  'profile:write': 'Update your weight and Functional Threshold Power',
  'activity:read': 'View data about your activities',
  'activity:read_all': 'View data about your private activities',
  'activity:write': 'Upload activities and edit them',
};

const badRequest = (resource: string, field: string) => ({
  message: 'Bad Request',
  errors: [{ resource, field, code: 'invalid' }],
});

export const AUTH_INVALID = {
  message: 'Authorization Error',
  errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }],
};

/** Returns false when the path is not an OAuth route. */
export async function handleOauth(
  state: SimState,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<{ route: string } | false> {
  const path = url.pathname.replace(/\/$/, '');
  const method = req.method ?? 'GET';
  if (method === 'GET' && (path === '/oauth/authorize' || path === '/oauth/mobile/authorize')) {
    authorizePage(state, url, res);
    return { route: 'GET /oauth/authorize' };
  }
  if (method === 'POST' && path === '/oauth/accept') {
    await accept(state, req, url, res);
    return { route: 'POST /oauth/accept' };
  }
  if (method === 'POST' && path === '/oauth/token') {
    await tokenExchange(state, req, url, res);
    return { route: 'POST /oauth/token' };
  }
  if (method === 'POST' && (path === '/oauth/deauthorize' || path === '/oauth/revoke')) {
    const params = await readParams(req, url);
    const header = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const tok = header ?? params.access_token ?? params.token ?? '';
    if (!state.accessTokens.has(tok)) {
      sendJson(res, 401, AUTH_INVALID);
    } else {
      state.revokeAll();
      sendJson(res, 200, { access_token: tok });
    }
    return { route: `POST ${path}` };
  }
  return false;
}

/** Validates the authorize query; sends the 400 itself and returns undefined when invalid. */
function checkAuthorize(state: SimState, p: Record<string, string>, res: ServerResponse) {
  if (p.client_id !== state.app.clientId) {
    sendJson(res, 400, badRequest('Application', 'client_id'));
    return undefined;
  }
  const redirectUri = p.redirect_uri ?? '';
  if (!redirectUri || !redirectAllowed(state.app, redirectUri)) {
    sendJson(res, 400, badRequest('Application', 'redirect_uri'));
    return undefined;
  }
  if (p.response_type !== 'code') {
    sendJson(res, 400, badRequest('Authorize', 'response_type'));
    return undefined;
  }
  const scopes = (p.scope ?? 'read').split(/[,\s]+/).filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => !KNOWN_SCOPES.includes(s))) {
    sendJson(res, 400, badRequest('Authorize', 'scope'));
    return undefined;
  }
  return { redirectUri, scopes: [...new Set(scopes)], state: p.state };
}

function authorizePage(state: SimState, url: URL, res: ServerResponse): void {
  const p = Object.fromEntries(url.searchParams);
  const ok = checkAuthorize(state, p, res);
  if (!ok) return;
  // Strava's default approval_prompt=auto skips the page when these scopes were approved before.
  const approved = state.approvedScopes;
  if (p.approval_prompt !== 'force' && approved && ok.scopes.every((s) => approved.has(s))) {
    redirectWithCode(state, ok, res);
    return;
  }
  const a = state.athlete;
  const boxes = ok.scopes
    .map((s) => {
      const required = s === 'read';
      const id = `scope-${s.replace(/[^a-z_]/g, '-')}`;
      return `<li><input type="checkbox" id="${id}" name="scope" value="${escapeHtml(s)}" checked${required ? ' disabled' : ''}>
<label for="${id}">${escapeHtml(SCOPE_LABELS[s] ?? s)}</label>${required ? `<input type="hidden" name="scope" value="read">` : ''}</li>`;
    })
    .join('\n');
  const hidden = ['client_id', 'redirect_uri', 'response_type', 'state', 'approval_prompt']
    .filter((k) => p[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k]!)}">`)
    .join('');
  sendHtml(
    res,
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize Application | Strava</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:560px;margin:32px auto;color:#242428}
ul{list-style:none;padding:0}li{margin:8px 0}button{font-size:16px;padding:8px 20px;margin-right:8px}
#authorize{background:#fc5200;color:#fff;border:0}</style></head>
<body><main id="main">
<h1>Authorize Bounceback to connect to Strava</h1>
<p class="athlete">Logged in as <strong>${escapeHtml(`${a.firstname} ${a.lastname}`)}</strong></p>
<form method="post" action="/oauth/accept">
${hidden}
<fieldset><legend>Bounceback would like to:</legend><ul class="scopes">
${boxes}
</ul></fieldset>
<button type="submit" id="authorize" name="decision" value="authorize">Authorize</button>
<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button>
</form></main></body></html>`,
  );
}

async function accept(state: SimState, req: IncomingMessage, url: URL, res: ServerResponse) {
  // Repeated `scope` fields (one per ticked box) need the raw form, not readParams.
  const raw = new URLSearchParams(
    req.headers['content-type']?.includes('json') ? '' : await readBody(req),
  );
  const p: Record<string, string> = Object.fromEntries(url.searchParams);
  for (const [k, v] of raw) if (k !== 'scope') p[k] = v;
  const requested = p.scope;
  p.scope = raw.getAll('scope').join(',') || requested || 'read';
  const ok = checkAuthorize(state, p, res);
  if (!ok) return;
  if (p.decision === 'cancel') return redirect(res, `${redirectBase(ok)}&error=access_denied`);
  redirectWithCode(state, ok, res);
}

/** Strava writes the query by hand: scopes stay comma-separated and unescaped. */
function redirectBase(ok: { redirectUri: string; state?: string }): string {
  const sep = ok.redirectUri.includes('?') ? '&' : '?';
  return `${ok.redirectUri}${sep}state=${encodeURIComponent(ok.state ?? '')}`;
}

function redirectWithCode(
  state: SimState,
  ok: { redirectUri: string; state?: string; scopes: string[] },
  res: ServerResponse,
): void {
  // `read` cannot be refused on Strava's page.
  const granted = [...new Set(['read', ...ok.scopes])];
  state.approvedScopes = new Set([...(state.approvedScopes ?? []), ...granted]);
  const code = state.issueCode(granted, ok.redirectUri);
  redirect(res, `${redirectBase(ok)}&code=${code}&scope=${granted.join(',')}`);
}

async function tokenExchange(state: SimState, req: IncomingMessage, url: URL, res: ServerResponse) {
  const p = await readParams(req, url);
  if (p.client_id !== state.app.clientId) {
    return sendJson(res, 400, badRequest('Application', 'client_id'));
  }
  if (p.client_secret !== state.app.clientSecret) {
    return sendJson(res, 400, badRequest('Application', 'client_secret'));
  }
  const grant = p.grant_type ?? (p.refresh_token ? 'refresh_token' : 'authorization_code');
  const nowS = Math.floor(state.clock.now() / 1000);
  if (grant === 'authorization_code') {
    const code = state.redeemCode(p.code ?? '');
    if (!code) return sendJson(res, 400, badRequest('AuthorizationCode', 'code'));
    const t = state.issueTokens(code.scopes);
    const expiresAt = Math.floor(t.expiresAt / 1000);
    return sendJson(res, 200, {
      token_type: 'Bearer',
      expires_at: expiresAt,
      expires_in: expiresAt - nowS,
      refresh_token: t.refresh,
      access_token: t.access,
      athlete: summaryAthlete(state),
    });
  }
  if (grant === 'refresh_token') {
    const t = state.refresh(p.refresh_token ?? '');
    if (!t) return sendJson(res, 400, badRequest('RefreshToken', 'refresh_token'));
    const expiresAt = Math.floor(t.expiresAt / 1000);
    return sendJson(res, 200, {
      token_type: 'Bearer',
      access_token: t.access,
      expires_at: expiresAt,
      expires_in: expiresAt - nowS,
      refresh_token: t.refresh,
    });
  }
  sendJson(res, 400, badRequest('Application', 'grant_type'));
}

/** SummaryAthlete, as embedded in the token response (resource_state 2). */
function summaryAthlete(state: SimState) {
  const a = state.athlete;
  return {
    id: a.id,
    username: a.username,
    resource_state: 2,
    firstname: a.firstname,
    lastname: a.lastname,
    bio: a.bio,
    city: a.city,
    state: a.state,
    country: a.country,
    sex: a.sex,
    premium: a.premium,
    summit: a.summit,
    created_at: a.created_at,
    updated_at: a.updated_at,
    badge_type_id: a.badge_type_id,
    profile_medium: a.profile_medium,
    profile: a.profile,
    friend: null,
    follower: null,
  };
}
