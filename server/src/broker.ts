// The broker as one object: its HTTP app and the services behind it, built from the settings and
// an open database. main.ts serves it; the tests and the bench build several on one database.
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { BrokerContext, BrokerEnv } from './broker-context.ts';
import type { Config } from './config.ts';
import type { Database } from './database.ts';
import { errorSummary } from './error-summary.ts';
import { createEventFeed } from './event-feed.ts';
import { isAllowedOrigin } from './extension-redirect.ts';
import { ensureSubscription } from './push-subscription.ts';
import { createRateLimiter, isLoopback } from './rate-limiter.ts';
import { connectRoutes } from './routes/connect-routes.ts';
import { disconnectRoutes } from './routes/disconnect-routes.ts';
import { eventsRoutes } from './routes/events-routes.ts';
import { tokenRoutes } from './routes/token-routes.ts';
import { webhookRoutes } from './routes/webhook-routes.ts';
import { createSecretBox } from './secret-box.ts';
import { createSessionCache } from './session-cache.ts';
import { createStravaClient, type FetchLike, type StravaEndpoint } from './strava-client.ts';
import { createTokenVault } from './token-vault.ts';

export type Broker = ReturnType<typeof createBroker>;

function socketAddress(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      // The proxy in front appends the address it saw last.
      const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
}

export function createBroker(options: {
  config: Config;
  db: Database;
  fetch?: FetchLike;
  onStravaRequest?: (endpoint: StravaEndpoint, athleteId: number | null) => void;
  log?: (line: string) => void;
  clientAddress?: (c: Context) => string;
  tokenVault?: { leaseMs?: number; pollMs?: number; refreshMarginS?: number; nowS?: () => number };
}) {
  const { config, db } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const strava = createStravaClient({
    clientId: config.stravaClientId,
    clientSecret: config.stravaClientSecret,
    baseUrl: config.stravaBaseUrl,
    apiBaseUrl: config.stravaApiBaseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onStravaRequest ? { onRequest: options.onStravaRequest } : {}),
  });
  const vault = createTokenVault({
    db,
    strava,
    box: createSecretBox(config.encryptionKey),
    ...options.tokenVault,
  });
  const ctx: BrokerContext = {
    config,
    db,
    strava,
    vault,
    feed: createEventFeed(),
    sessions: createSessionCache(),
    subscription: { id: config.subscriptionId ?? null },
    log,
    clientAddress: options.clientAddress ?? socketAddress(config.trustProxy),
  };

  const addressLimiter = createRateLimiter({
    limit: config.rateLimit.perAddress,
    windowMs: config.rateLimit.windowMs,
  });
  const app = new Hono<BrokerEnv>();

  if (config.logRequests) {
    // The path alone: query strings carry OAuth codes and states, headers carry sessions.
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(
        `${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`,
      );
    });
  }
  app.use(
    cors({
      origin: (origin) => (isAllowedOrigin(origin, config.allowedExtensions) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    }),
  );
  app.use(
    createMiddleware(async (c, next) => {
      // Strava's webhook deliveries come from a few addresses of Strava's: never limit those.
      if (c.req.path === '/webhook') return next();
      const address = ctx.clientAddress(c);
      if (config.rateLimit.exemptLoopback && isLoopback(address)) return next();
      if (!addressLimiter.take(address)) return c.json({ error: 'rate_limited' }, 429);
      return next();
    }),
  );
  app.get('/health', (c) => c.json({ ok: true, subscription: ctx.subscription.id !== null }));
  app.route('/', connectRoutes(ctx));
  app.route('/', tokenRoutes(ctx));
  app.route('/', eventsRoutes(ctx));
  app.route('/', disconnectRoutes(ctx));
  app.route('/', webhookRoutes(ctx));
  app.onError((error, c) => {
    // Hono's own refusals (a body over the limit) keep their status.
    if (error instanceof HTTPException) return error.getResponse();
    log(`error on ${c.req.method} ${c.req.path}: ${errorSummary(error)}`);
    return c.json({ error: 'internal' }, 500);
  });

  return {
    app,
    ctx,
    /** Creates or checks the push subscription; the broker must already be reachable. */
    async ensureSubscription() {
      const result = await ensureSubscription(
        strava,
        `${config.publicUrl}/webhook`,
        config.webhookVerifyToken,
      );
      ctx.subscription.id = result.id;
      return result;
    },
  };
}
