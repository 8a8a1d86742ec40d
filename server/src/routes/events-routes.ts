// GET /events?after=<cursor>&wait=<s>: the session's athlete's events after the cursor, waiting
// up to `wait` seconds for one when there is none. Served from the database alone: no Strava
// request, so an extension may call it every minute.
import { and, asc, eq, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { BrokerContext, BrokerEnv } from '../broker-context.ts';
import { webhookEvents } from '../schema.ts';
import { sessionAuth } from '../session-auth.ts';

const PAGE = 100;

const EventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  wait: z.coerce.number().min(0).max(25).default(0),
});

export function eventsRoutes(ctx: BrokerContext) {
  const app = new Hono<BrokerEnv>();

  const page = (athleteId: number, after: number) =>
    ctx.db
      .select({
        id: webhookEvents.id,
        object_type: webhookEvents.objectType,
        aspect_type: webhookEvents.aspectType,
        object_id: webhookEvents.objectId,
        event_time: webhookEvents.eventTime,
        updated_fields: webhookEvents.updatedFields,
      })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.athleteId, athleteId), gt(webhookEvents.id, after)))
      .orderBy(asc(webhookEvents.id))
      .limit(PAGE);

  app.get('/events', sessionAuth(ctx), async (c) => {
    const query = EventsQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'bad_query' }, 400);
    const { after, wait } = query.data;
    const { athleteId } = c.var.session;
    let events = await page(athleteId, after);
    if (events.length === 0 && wait > 0) {
      await ctx.feed.wait(athleteId, wait * 1000, c.req.raw.signal);
      events = await page(athleteId, after);
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ events, cursor: events.at(-1)?.id ?? after, more: events.length === PAGE });
  });

  return app;
}
