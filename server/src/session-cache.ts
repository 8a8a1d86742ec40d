// Sessions seen in the last minute, so the extension's minute poll costs one query, not two.
// Safe to serve stale for that long: a disconnected or deauthorized athlete's rows are gone, so a
// cached session finds no events and no tokens; in this process removal also evicts at once.

export type SessionCache = ReturnType<typeof createSessionCache>;

export function createSessionCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 200_000;
  const entries = new Map<string, { athleteId: number; until: number }>();

  return {
    get(tokenHash: string): number | null {
      const entry = entries.get(tokenHash);
      if (!entry) return null;
      if (entry.until > Date.now()) return entry.athleteId;
      entries.delete(tokenHash);
      return null;
    },
    set(tokenHash: string, athleteId: number): void {
      // Bounded: at the cap, start over rather than track recency (a miss costs one query).
      if (entries.size >= maxEntries) entries.clear();
      entries.set(tokenHash, { athleteId, until: Date.now() + ttlMs });
    },
    forgetAthlete(athleteId: number): void {
      for (const [hash, entry] of entries) if (entry.athleteId === athleteId) entries.delete(hash);
    },
  };
}
