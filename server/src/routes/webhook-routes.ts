// GET/POST /webhook: Strava's push subscription. The GET is the hub.challenge handshake; each
// POST is one event, answered well within Strava's 2 s. Only events of this broker's own
// subscription for connected athletes are kept, with ids and changed field names only.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { removeAthlete } from '../athlete-removal.ts';
import type { BrokerContext, BrokerEnv } from '../broker-context.ts';
import { webhookEvents } from '../schema.ts';

const StravaId = z.number().int().positive();

const WebhookEvent = z.object({
  object_type: z.enum(['activity', 'athlete']),
  aspect_type: z.enum(['create', 'update', 'delete']),
  object_id: StravaId,
  owner_id: StravaId,
  subscription_id: StravaId,
  event_time: z.number().int().nonnegative(),
  updates: z.record(z.string(), z.unknown()).default({}),
});

const Handshake = z.object({
  'hub.mode': z.literal('subscribe'),
  'hub.challenge': z.string().min(1).max(200),
  'hub.verify_token': z.string().max(500),
});

/** PostgreSQL's 23503, as PGlite and pg report it (Drizzle wraps it as the cause). */
function isForeignKeyViolation(error: unknown): boolean {
  const cause = error instanceof Error && error.cause ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23503';
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function webhookRoutes(ctx: BrokerContext) {
  const app = new Hono<BrokerEnv>();

  app.get('/webhook', (c) => {
    const query = Handshake.safeParse(c.req.query());
    if (
      !query.success ||
      !sameSecret(query.data['hub.verify_token'], ctx.config.webhookVerifyToken)
    ) {
      return c.json({ error: 'forbidden' }, 403);
    }
    return c.json({ 'hub.challenge': query.data['hub.challenge'] });
  });

  // Strava's events are a few hundred bytes; anything much larger is not one.
  app.post('/webhook', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const parsed = WebhookEvent.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad_event' }, 400);
    const event = parsed.data;
    // A 200 for what we ignore too: anything else makes Strava retry it.
    if (ctx.subscription.id === null || event.subscription_id !== ctx.subscription.id) {
      return c.json({ ok: true, stored: false });
    }
    if (event.object_type === 'athlete' && event.updates.authorized === 'false') {
      await removeAthlete(ctx, event.owner_id);
      return c.json({ ok: true, stored: false });
    }
    // One statement on the hot path: the foreign key to athletes is the "connected owner" check
    // and the unique index the idempotency check.
    let inserted: { id: number }[];
    try {
      inserted = await ctx.db
        .insert(webhookEvents)
        .values({
          athleteId: event.owner_id,
          objectType: event.object_type,
          aspectType: event.aspect_type,
          objectId: event.object_id,
          eventTime: event.event_time,
          updatedFields: Object.keys(event.updates).slice(0, 20),
        })
        .onConflictDoNothing()
        .returning({ id: webhookEvents.id });
    } catch (error) {
      if (isForeignKeyViolation(error)) return c.json({ ok: true, stored: false });
      throw error;
    }
    if (inserted.length > 0) ctx.feed.notify(event.owner_id);
    return c.json({ ok: true, stored: inserted.length > 0 });
  });

  return app;
}
