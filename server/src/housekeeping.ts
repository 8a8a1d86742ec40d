// Bounds what the broker keeps: unused OAuth states expire after minutes, events after days
// (an extension that was away longer lists Strava once on its return, as its safety net).
import { lt, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { oauthStates, webhookEvents } from './schema.ts';

export async function pruneExpired(db: Database, eventRetentionDays: number): Promise<void> {
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, sql`now()`));
  await db
    .delete(webhookEvents)
    .where(lt(webhookEvents.receivedAt, sql`now() - ${eventRetentionDays} * interval '1 day'`));
}
