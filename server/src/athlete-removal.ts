// Disconnect and Strava-side deauthorization end the same way: the athlete row goes, and with it
// (ON DELETE CASCADE) their tokens, sessions and events.
import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { athletes } from './schema.ts';

/** Deletes everything the broker holds for this athlete; true when there was anything. */
export async function removeAthlete(db: Database, athleteId: number): Promise<boolean> {
  const removed = await db
    .delete(athletes)
    .where(eq(athletes.id, athleteId))
    .returning({ id: athletes.id });
  return removed.length > 0;
}
