// The non-secret face of the Strava connection, readable by popup, panel and badge code: state,
// who is connected, granted scopes and the last rate-budget snapshot. Tokens and the client
// secret are never here (browser.storage.local is readable by every extension context); they
// live in IndexedDB (lib/strava/own-app-tokens.ts, lib/strava/broker-tokens.ts).
import { z } from 'zod/mini';

export const TokenStateSchema = z.enum(['connected', 'reconnect-needed', 'disconnected']);
export type TokenState = z.output<typeof TokenStateSchema>;

const WindowFiguresSchema = z.object({ limit: z.number(), usage: z.number() });
export type WindowFigures = z.output<typeof WindowFiguresSchema>;

/** One header family (overall `X-RateLimit-*` or read `X-ReadRateLimit-*`) as last seen. */
const LimitFiguresSchema = z.object({
  quarter: WindowFiguresSchema,
  day: WindowFiguresSchema,
  /** When these figures were read (epoch ms); usage counts only inside the same window. */
  at: z.number(),
});
export type LimitFigures = z.output<typeof LimitFiguresSchema>;

export const BudgetSnapshotSchema = z.object({
  overall: z.nullable(LimitFiguresSchema),
  read: z.nullable(LimitFiguresSchema),
  /** After a 429: no call at all before this (epoch ms). */
  pausedUntil: z.nullable(z.number()),
});
export type BudgetSnapshot = z.output<typeof BudgetSnapshotSchema>;

export const EMPTY_BUDGET: BudgetSnapshot = { overall: null, read: null, pausedUntil: null };

export const ConnectedAthleteSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** Strava-hosted image URL (shown as <img>, never fetched as code). */
  avatarUrl: z.nullable(z.string()),
  units: z.nullable(z.enum(['metric', 'imperial'])),
  /** Strava's profile weight (profile:read_all), kg; absent when not shared. */
  weightKg: z.optional(z.nullable(z.number())),
});
export type ConnectedAthlete = z.output<typeof ConnectedAthleteSchema>;

/** The runner's own Strava app, or one click through the project's token broker (hosted builds). */
export const ConnectionModeSchema = z.enum(['own-app', 'hosted']);

/** The item as the code expects it; anything else (corrupt storage) is rebuilt from the secrets. */
export const ConnectionSchema = z.object({
  state: TokenStateSchema,
  mode: z.pipe(
    // Items from before hosted mode have no mode: they are the runner's own app.
    z.optional(ConnectionModeSchema),
    z.transform((v: 'own-app' | 'hosted' | undefined) => v ?? 'own-app'),
  ),
  /** The runner's app (not a secret: it is in every authorize URL); lets a reconnect reuse it. */
  clientId: z.pipe(
    // Older items have no clientId: treat them as not knowing it.
    z.optional(z.nullable(z.string())),
    z.transform((v: string | null | undefined) => v ?? null),
  ),
  athlete: z.nullable(ConnectedAthleteSchema),
  scopes: z.array(z.string()),
  /** What will not work with the scopes the runner granted, as sentences for the runner. */
  limitations: z.array(z.string()),
  budget: BudgetSnapshotSchema,
  /** Epoch ms of the last change. */
  updatedAt: z.number(),
});
export type Connection = z.output<typeof ConnectionSchema>;

export const DISCONNECTED: Connection = {
  state: 'disconnected',
  mode: 'own-app',
  clientId: null,
  athlete: null,
  scopes: [],
  limitations: [],
  budget: EMPTY_BUDGET,
  updatedAt: 0,
};
