// POST /disconnect: the runner's "disconnect" in the extension. Access is withdrawn at Strava
// when Strava answers; the broker's rows for the athlete go either way, since that is what the
// runner asked for.
import { Hono } from 'hono';
import { removeAthlete } from '../athlete-removal.ts';
import type { BrokerContext, BrokerEnv } from '../broker-context.ts';
import { errorSummary } from '../error-summary.ts';
import { sessionAuth } from '../session-auth.ts';

export function disconnectRoutes(ctx: BrokerContext) {
  const app = new Hono<BrokerEnv>();
  app.post('/disconnect', sessionAuth(ctx), async (c) => {
    const { athleteId } = c.var.session;
    let revokedAtStrava = false;
    try {
      const token = await ctx.vault.getAccessToken(athleteId);
      if (token) {
        await ctx.strava.revokeAccess(athleteId, token.accessToken);
        revokedAtStrava = true;
      }
    } catch (error) {
      ctx.log(`disconnect: revoke failed: ${errorSummary(error)}`);
    }
    await removeAthlete(ctx, athleteId);
    return c.json({ disconnected: true, revoked_at_strava: revokedAtStrava });
  });
  return app;
}
