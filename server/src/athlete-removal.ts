// Disconnect and Strava-side deauthorization end the same way: the athlete row goes, and with it
// (ON DELETE CASCADE) their tokens, sessions and events.
import { eq } from 'drizzle-orm';
import type { BrokerContext } from './broker-context.ts';
import { athletes } from './schema.ts';

/** Deletes everything the broker holds for this athlete; true when there was anything. */
export async function removeAthlete(
  ctx: Pick<BrokerContext, 'db' | 'sessions'>,
  athleteId: number,
): Promise<boolean> {
  ctx.sessions.forgetAthlete(athleteId);
  const removed = await ctx.db
    .delete(athletes)
    .where(eq(athletes.id, athleteId))
    .returning({ id: athletes.id });
  return removed.length > 0;
}
