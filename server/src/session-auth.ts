// `Authorization: Bearer <session>` on /token, /events and /disconnect. The session is looked up
// by its SHA-256; each session then has its own rate limit.
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { hashSecret } from './bearer-secret.ts';
import type { BrokerContext, BrokerEnv } from './broker-context.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { sessions } from './schema.ts';

export function sessionAuth(ctx: BrokerContext) {
  const limiter = createRateLimiter({
    limit: ctx.config.rateLimit.perSession,
    windowMs: ctx.config.rateLimit.windowMs,
  });
  return createMiddleware<BrokerEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1]) return c.json({ error: 'no_session' }, 401);
    const tokenHash = hashSecret(match[1]);
    let athleteId = ctx.sessions.get(tokenHash);
    if (athleteId === null) {
      const [row] = await ctx.db
        .select({ athleteId: sessions.athleteId })
        .from(sessions)
        .where(eq(sessions.tokenHash, tokenHash));
      if (!row) return c.json({ error: 'no_session' }, 401);
      athleteId = row.athleteId;
      ctx.sessions.set(tokenHash, athleteId);
    }
    if (!limiter.take(tokenHash)) return c.json({ error: 'rate_limited' }, 429);
    c.set('session', { tokenHash, athleteId });
    await next();
  });
}
