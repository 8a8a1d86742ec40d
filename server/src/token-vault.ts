// Strava's tokens for every connected athlete. Strava rotates the refresh token on refresh, so two
// refreshes racing with the same token lose the connection: a refresh is single-flight per athlete,
// in this process (one shared promise) and across processes (a lease taken by compare-and-swap on
// the row's version, so no transaction is held open across the call to Strava).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { athletes, stravaTokens } from './schema.ts';
import type { SecretBox } from './secret-box.ts';
import { type StravaClient, StravaRequestError, type StravaTokens } from './strava-client.ts';

export type AccessToken = { accessToken: string; expiresAt: number };

/** Strava refused the stored refresh token: the runner must connect again. */
export class ReconnectNeededError extends Error {
  override name = 'ReconnectNeededError';
}

export type TokenVault = ReturnType<typeof createTokenVault>;

const sealContext = (athleteId: number, field: 'access' | 'refresh') =>
  `athlete:${athleteId}:${field}`;

export function createTokenVault(options: {
  db: Database;
  strava: StravaClient;
  box: SecretBox;
  /** Hand out a token only while it has this long to live; refresh otherwise. */
  refreshMarginS?: number;
  /** Longer than the Strava call's timeout, so a live refresh is never taken over. */
  leaseMs?: number;
  pollMs?: number;
  nowS?: () => number;
}) {
  const { db, strava, box } = options;
  const marginS = options.refreshMarginS ?? 600;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const nowS = options.nowS ?? (() => Math.floor(Date.now() / 1000));
  const inFlight = new Map<number, Promise<AccessToken | null>>();

  function sealed(athleteId: number, tokens: StravaTokens) {
    return {
      accessTokenSealed: box.seal(tokens.access_token, sealContext(athleteId, 'access')),
      refreshTokenSealed: box.seal(tokens.refresh_token, sealContext(athleteId, 'refresh')),
      expiresAt: tokens.expires_at,
    };
  }

  function openAccess(athleteId: number, row: typeof stravaTokens.$inferSelect): AccessToken {
    return {
      accessToken: box.open(row.accessTokenSealed, sealContext(athleteId, 'access')),
      expiresAt: row.expiresAt,
    };
  }

  async function refreshUnderLease(
    athleteId: number,
    row: typeof stravaTokens.$inferSelect,
    owner: string,
  ): Promise<AccessToken> {
    let tokens: StravaTokens;
    try {
      tokens = await strava.refresh(
        athleteId,
        box.open(row.refreshTokenSealed, sealContext(athleteId, 'refresh')),
      );
    } catch (error) {
      await db
        .update(stravaTokens)
        .set({ refreshLeaseOwner: null, refreshLeaseUntil: null })
        .where(
          and(eq(stravaTokens.athleteId, athleteId), eq(stravaTokens.refreshLeaseOwner, owner)),
        );
      if (error instanceof StravaRequestError && (error.status === 400 || error.status === 401)) {
        throw new ReconnectNeededError('Strava refused the refresh token');
      }
      // Strava down or slow: the token we have may still serve the next few minutes.
      if (row.expiresAt - nowS() > 60) return openAccess(athleteId, row);
      throw error;
    }
    // Stored only while the lease is still ours; the version bump turns away every stale reader.
    await db
      .update(stravaTokens)
      .set({
        ...sealed(athleteId, tokens),
        version: sql`${stravaTokens.version} + 1`,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(stravaTokens.athleteId, athleteId), eq(stravaTokens.refreshLeaseOwner, owner)));
    return { accessToken: tokens.access_token, expiresAt: tokens.expires_at };
  }

  async function obtain(athleteId: number): Promise<AccessToken | null> {
    const owner = randomUUID();
    const deadline = Date.now() + leaseMs + 5_000;
    while (Date.now() < deadline) {
      const [row] = await db
        .select()
        .from(stravaTokens)
        .where(eq(stravaTokens.athleteId, athleteId));
      if (!row) return null;
      if (row.expiresAt - nowS() > marginS) {
        return openAccess(athleteId, row);
      }
      // The database's clock, not this process's, decides whether a lease has run out.
      const claimed = await db
        .update(stravaTokens)
        .set({
          refreshLeaseOwner: owner,
          refreshLeaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        })
        .where(
          and(
            eq(stravaTokens.athleteId, athleteId),
            eq(stravaTokens.version, row.version),
            or(
              isNull(stravaTokens.refreshLeaseUntil),
              lt(stravaTokens.refreshLeaseUntil, sql`now()`),
            ),
          ),
        )
        .returning({ version: stravaTokens.version });
      if (claimed.length === 1) return refreshUnderLease(athleteId, row, owner);
      // Another request or process holds the lease (or just stored new tokens): read again.
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new Error('timed out waiting for another refresh of this athlete');
  }

  return {
    /** A token with at least refreshMarginS to live, or null when the athlete is not connected. */
    getAccessToken(athleteId: number): Promise<AccessToken | null> {
      const pending = inFlight.get(athleteId);
      if (pending) return pending;
      const promise = obtain(athleteId).finally(() => inFlight.delete(athleteId));
      inFlight.set(athleteId, promise);
      return promise;
    },

    /** Stores a fresh connection (or a reconnection) and its tokens; returns nothing secret. */
    async storeConnection(athleteId: number, tokens: StravaTokens, scope: string): Promise<void> {
      await db.insert(athletes).values({ id: athleteId }).onConflictDoNothing();
      const values = { ...sealed(athleteId, tokens), scope };
      await db
        .insert(stravaTokens)
        .values({ athleteId, ...values })
        .onConflictDoUpdate({
          target: stravaTokens.athleteId,
          set: {
            ...values,
            version: sql`${stravaTokens.version} + 1`,
            refreshLeaseOwner: null,
            refreshLeaseUntil: null,
            updatedAt: sql`now()`,
          },
        });
    },
  };
}
