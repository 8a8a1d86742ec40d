// Hosted mode's TokenSource: the broker holds the shared app's secret and the refresh token; the
// background keeps the broker session and the access token it last got, in the extension's own
// IndexedDB beside the own-app record (never storage.local), and asks POST /token again shortly
// before that token lapses or after Strava refused it. One request at a time: callers share it.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { type BrokerSession, BrokerSessionSchema } from '../model/broker-session';
import type { BrokerClient } from './broker-client';
import { StravaError } from './errors';
import type { TokenSource, TokenStatus } from './token-source';

export interface BrokerSessionStore {
  get(): Promise<BrokerSession | undefined>;
  set(record: BrokerSession): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'broker';

/** The secrets database of own-app-tokens.ts, under its own key. */
export function idbBrokerStore(): BrokerSessionStore {
  let store: UseStore | undefined;
  const db = () => {
    store ??= createStore('bounceback-secrets', 'kv');
    return store;
  };
  return {
    // A damaged record reads as none: the runner connects again rather than sync failing forever.
    get: async () => {
      const parsed = BrokerSessionSchema.safeParse(await get(KEY, db()));
      return parsed.success ? parsed.data : undefined;
    },
    set: (record) => set(KEY, BrokerSessionSchema.parse(record), db()),
    clear: () => del(KEY, db()),
  };
}

/** Ask again this long before expiry (the broker hands out tokens with ≥ 10 min to live). */
const MARGIN_MS = 2 * 60 * 1000;

function statusOf(record: BrokerSession | undefined): TokenStatus {
  if (!record) return { state: 'disconnected', scopes: [] };
  if (record.needsReconnect) return { state: 'reconnect-needed', scopes: record.scopes };
  return { state: 'connected', scopes: record.scopes, expiresAt: record.expiresAt };
}

export class BrokerTokens implements TokenSource {
  private asking: Promise<string> | null = null;
  private rejected: string | null = null;

  constructor(
    private readonly store: BrokerSessionStore,
    private readonly broker: BrokerClient,
    private readonly now: () => number,
    private readonly onStatus?: (status: TokenStatus) => void,
  ) {}

  async status(): Promise<TokenStatus> {
    return statusOf(await this.store.get());
  }

  record(): Promise<BrokerSession | undefined> {
    return this.store.get();
  }

  /** Writes a change to the stored record (cursor, listing time), if there still is one. */
  async update(change: (r: BrokerSession) => BrokerSession): Promise<void> {
    const record = await this.store.get();
    if (record) await this.store.set(change(record));
  }

  connect(record: BrokerSession): Promise<void> {
    return this.replace(record);
  }

  clear(): Promise<void> {
    return this.replace(undefined);
  }

  /** A new connection, or none: what Strava refused before no longer matters. */
  private async replace(record: BrokerSession | undefined): Promise<void> {
    if (record) await this.store.set(record);
    else await this.store.clear();
    this.rejected = null;
    this.onStatus?.(statusOf(record));
  }

  /** The broker no longer knows the session: keep the runner's data, ask them to connect again. */
  async lost(): Promise<void> {
    const record = await this.store.get();
    if (!record || record.needsReconnect) return;
    const failed = { ...record, accessToken: null, needsReconnect: true };
    await this.store.set(failed);
    this.onStatus?.(statusOf(failed));
  }

  invalidate(rejectedToken: string): void {
    this.rejected = rejectedToken;
  }

  async getAccessToken(): Promise<string> {
    const record = await this.store.get();
    if (!record) throw new StravaError({ kind: 'reconnect-needed', reason: 'not-connected' });
    if (record.needsReconnect) {
      throw new StravaError({ kind: 'reconnect-needed', reason: 'refresh-failed' });
    }
    const fresh = record.expiresAt - MARGIN_MS > this.now();
    if (record.accessToken && fresh && record.accessToken !== this.rejected) {
      return record.accessToken;
    }
    this.asking ??= this.ask(record.session).finally(() => {
      this.asking = null;
    });
    return this.asking;
  }

  private async ask(session: string): Promise<string> {
    let answer: Awaited<ReturnType<BrokerClient['token']>>;
    try {
      answer = await this.broker.token(session);
    } catch (error) {
      if (error instanceof StravaError && error.kind === 'reconnect-needed') {
        const latest = await this.store.get();
        // Connected again while the request was out: that connection stands.
        if (latest?.session === session) await this.lost();
      }
      throw error;
    }
    const latest = await this.store.get();
    if (latest?.session !== session) {
      throw new StravaError({ kind: 'reconnect-needed', reason: 'not-connected' });
    }
    // The broker's expiry, but never trusted past six hours from now on this computer's clock.
    const expiresAt = Math.min(answer.expires_at * 1000, this.now() + 6 * 3600 * 1000);
    await this.store.set({ ...latest, accessToken: answer.access_token, expiresAt });
    this.rejected = null;
    return answer.access_token;
  }
}
