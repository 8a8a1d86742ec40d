// What the token broker (server/, hosted mode) answers, as the extension accepts it. The broker
// is trusted no more than Strava: every answer is parsed before anything is done with it, and
// no event is shown as data: it only names an activity for the extension to fetch from Strava.
import { z } from 'zod/mini';
import { id } from '../model/fields';

/** POST /token */
export const BrokerTokenSchema = z.object({
  access_token: z.string().check(z.minLength(1), z.maxLength(512)),
  /** Epoch seconds. */
  expires_at: z.number().check(z.int(), z.positive()),
});
export type BrokerToken = z.output<typeof BrokerTokenSchema>;

const BrokerEventSchema = z.object({
  id: z.number().check(z.int(), z.positive()),
  object_type: z.enum(['activity', 'athlete']),
  aspect_type: z.enum(['create', 'update', 'delete']),
  object_id: id(),
});
export type BrokerEvent = z.output<typeof BrokerEventSchema>;

/** GET /events */
export const BrokerEventsSchema = z.object({
  events: z.array(BrokerEventSchema).check(z.maxLength(1000)),
  cursor: z.number().check(z.int(), z.gte(0)),
  more: z.boolean(),
});
export type BrokerEvents = z.output<typeof BrokerEventsSchema>;

/** The fragment of the broker's redirect after a successful connect. */
export const BrokerGrantSchema = z.object({
  session: z.string().check(z.minLength(16), z.maxLength(512)),
  state: z.string(),
  athlete_id: z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number)),
  scope: z.string(),
});

/** POST /disconnect */
export const BrokerDisconnectSchema = z.object({
  disconnected: z.literal(true),
  revoked_at_strava: z.boolean(),
});
