// The non-secret face of the Strava connection, readable by popup, panel and badge code:
// state, who is connected, granted scopes and the last rate-budget snapshot. Tokens and the
// client secret are never here (browser.storage.local is readable by content scripts);
// they live in IndexedDB (lib/strava/own-app-tokens.ts).

import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import type { Units } from '../profile';
import { type BudgetSnapshot, EMPTY_BUDGET } from '../strava/rate-budget';
import type { TokenState } from '../strava/token-source';

export interface ConnectedAthlete {
  id: number;
  name: string;
  /** Strava-hosted image URL (shown as <img>, never fetched as code). */
  avatarUrl: string | null;
  units: Units | null;
}

export interface Connection {
  state: TokenState;
  /** The runner's app (not a secret: it is part of every authorize URL); lets a reconnect reuse it. */
  clientId: string | null;
  athlete: ConnectedAthlete | null;
  scopes: string[];
  /** What will not work with the scopes the runner granted, as sentences for the runner. */
  limitations: string[];
  budget: BudgetSnapshot;
  /** Epoch ms of the last change. */
  updatedAt: number;
}

export const DISCONNECTED: Connection = {
  state: 'disconnected',
  clientId: null,
  athlete: null,
  scopes: [],
  limitations: [],
  budget: EMPTY_BUDGET,
  updatedAt: 0,
};

export const connectionItem = storage.defineItem<Connection>('local:connection', {
  version: 1,
  fallback: DISCONNECTED,
});

const figures = z.object({ limit: z.number(), usage: z.number() });
const family = z.nullable(z.object({ quarter: figures, day: figures, at: z.number() }));

/** The item as the code expects it; anything else (corrupt storage) is rebuilt from the secrets. */
export const ConnectionSchema = z.object({
  state: z.enum(['connected', 'reconnect-needed', 'disconnected']),
  athlete: z.nullable(
    z.object({
      id: z.number(),
      name: z.string(),
      avatarUrl: z.nullable(z.string()),
      units: z.nullable(z.enum(['metric', 'imperial'])),
    }),
  ),
  scopes: z.array(z.string()),
  limitations: z.array(z.string()),
  budget: z.object({ overall: family, read: family, pausedUntil: z.nullable(z.number()) }),
  updatedAt: z.number(),
  // Older items have no clientId: treat them as not knowing it.
  clientId: z.optional(z.nullable(z.string())),
});
