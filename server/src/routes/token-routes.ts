// POST /token: a Strava access token for the session's athlete, refreshed when close to expiry.
// The extension calls Strava itself with it; the broker never sees activity data.
import { Hono } from 'hono';
import type { BrokerContext, BrokerEnv } from '../broker-context.ts';
import { errorSummary } from '../error-summary.ts';
import { sessionAuth } from '../session-auth.ts';
import { ReconnectNeededError } from '../token-vault.ts';

export function tokenRoutes(ctx: BrokerContext) {
  const app = new Hono<BrokerEnv>();
  app.post('/token', sessionAuth(ctx), async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      const token = await ctx.vault.getAccessToken(c.var.session.athleteId);
      if (!token) return c.json({ error: 'not_connected' }, 401);
      return c.json({ access_token: token.accessToken, expires_at: token.expiresAt });
    } catch (error) {
      if (error instanceof ReconnectNeededError) return c.json({ error: 'reconnect' }, 401);
      ctx.log(`token: ${errorSummary(error)}`);
      return c.json({ error: 'strava_unavailable' }, 502);
    }
  });
  return app;
}
