// GET /connect and GET /callback: the one-click connection. The extension's launchWebAuthFlow
// opens /connect; the broker sends the runner to Strava with the shared application and its own
// /callback, exchanges the code there and returns to the extension with a new session in the
// URL fragment (fragments are not sent to servers nor kept in Referer headers).
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { hashSecret, mintSecret } from '../bearer-secret.ts';
import type { BrokerContext, BrokerEnv } from '../broker-context.ts';
import { errorSummary } from '../error-summary.ts';
import { matchExtensionRedirect } from '../extension-redirect.ts';
import { oauthStates, sessions } from '../schema.ts';

const SCOPE = 'read,activity:read_all,profile:read_all';
const REQUIRED_SCOPES = ['read', 'activity:read_all'];
const STATE_TTL_MS = 10 * 60_000;
const MAX_SESSIONS_PER_ATHLETE = 5;

const ConnectQuery = z.object({
  redirect_uri: z.string().max(2000),
  state: z.string().min(1).max(512),
});

const CallbackQuery = z.object({
  state: z.string().min(1).max(100),
  code: z.string().min(1).max(500).optional(),
  scope: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

function backToExtension(redirectUrl: string, fields: Record<string, string>): string {
  return `${redirectUrl}#${new URLSearchParams(fields).toString()}`;
}

export function connectRoutes(ctx: BrokerContext) {
  const { config, db, strava, vault } = ctx;
  const app = new Hono<BrokerEnv>();

  app.get('/connect', async (c) => {
    const query = ConnectQuery.safeParse(c.req.query());
    if (!query.success) return c.text('Bad connect request.', 400);
    const extension = matchExtensionRedirect(query.data.redirect_uri, config.allowedExtensions);
    if (!extension) return c.text('This extension may not connect through this broker.', 403);
    const state = mintSecret();
    await db.insert(oauthStates).values({
      stateHash: hashSecret(state),
      extensionId: extension.id,
      redirectUrl: query.data.redirect_uri,
      extensionState: query.data.state,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
    const target = strava.authorizeUrl({
      redirectUri: `${config.publicUrl}/callback`,
      state,
      scope: SCOPE,
    });
    return c.redirect(target, 302);
  });

  app.get('/callback', async (c) => {
    const query = CallbackQuery.safeParse(c.req.query());
    if (!query.success) return c.text('Bad callback.', 400);
    // DELETE … RETURNING makes the state single-use even when two callbacks race.
    const [pending] = await db
      .delete(oauthStates)
      .where(eq(oauthStates.stateHash, hashSecret(query.data.state)))
      .returning();
    if (!pending || pending.expiresAt.getTime() < Date.now()) {
      return c.text(
        'This sign-in link has expired or was already used. Start again from the extension.',
        400,
      );
    }
    const back = (fields: Record<string, string>) =>
      c.redirect(
        backToExtension(pending.redirectUrl, { state: pending.extensionState, ...fields }),
        302,
      );
    const { code, scope = '', error } = query.data;
    if (error || !code)
      return back({ error: error === 'access_denied' ? 'access_denied' : 'strava_error' });
    const granted = scope.split(',');
    if (!REQUIRED_SCOPES.every((s) => granted.includes(s)))
      return back({ error: 'insufficient_scope' });

    let exchanged: Awaited<ReturnType<typeof strava.exchangeCode>>;
    try {
      exchanged = await strava.exchangeCode(code);
    } catch (err) {
      ctx.log(`callback: code exchange failed: ${errorSummary(err)}`);
      return back({ error: 'strava_unavailable' });
    }
    const athleteId = exchanged.athlete.id;
    await vault.storeConnection(athleteId, exchanged, scope);
    const session = mintSecret();
    await db
      .insert(sessions)
      .values({ tokenHash: hashSecret(session), athleteId, extensionId: pending.extensionId });
    // A runner who connects again and again (new browsers, reinstalls) keeps the newest few.
    const newest = db
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(eq(sessions.athleteId, athleteId))
      .orderBy(desc(sessions.createdAt))
      .limit(MAX_SESSIONS_PER_ATHLETE);
    await db
      .delete(sessions)
      .where(and(eq(sessions.athleteId, athleteId), notInArray(sessions.tokenHash, newest)));
    return back({ session, athlete_id: String(athleteId), scope });
  });

  return app;
}
