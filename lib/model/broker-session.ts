// The hosted-mode connection as the background keeps it: the broker session (a bearer secret),
// the short-lived Strava access token the broker handed out, and where the event feed was read
// up to. It lives in the extension's own IndexedDB beside the own-app tokens, never in
// browser.storage.local (content scripts can read that).
import { z } from 'zod/mini';
import { epochMs, id } from './fields';

export const BrokerSessionSchema = z.object({
  /** The broker's session for this browser: sent only as `Authorization: Bearer` to the broker. */
  session: z.string().check(z.minLength(16), z.maxLength(512)),
  athleteId: id(),
  scopes: z.array(z.string()),
  accessToken: z.nullable(z.string()),
  /** Access token expiry, epoch ms on this computer's clock. */
  expiresAt: epochMs(),
  /** The broker said the session is gone (disconnected elsewhere, deauthorized at Strava). */
  needsReconnect: z.boolean(),
  /** The last event id read from GET /events (0 at first). */
  eventCursor: z.number().check(z.int(), z.gte(0)),
  /** When the activities were last listed in full (the safety net), epoch ms; 0 never. */
  listedAt: epochMs(),
});
export type BrokerSession = z.output<typeof BrokerSessionSchema>;
