// Tokens for the runner's own Strava app. The client secret and the token pair live in the
// extension's own IndexedDB (content scripts cannot open it), read and written only by the
// background. Refresh tokens rotate, so the whole record is written in one set.

import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { StravaError } from './errors';
import { type ClientCredentials, refreshTokens } from './oauth';
import type { Http } from './request';
import type { SummaryAthlete, TokenResponse } from './schemas';
import type { TokenSource, TokenStatus } from './token-source';

export interface OwnAppRecord extends ClientCredentials {
  accessToken: string | null;
  refreshToken: string | null;
  /** Access token expiry, epoch ms. */
  expiresAt: number;
  scopes: string[];
  athlete: SummaryAthlete | null;
  /** A refresh was rejected: nothing is tried until the runner connects again. */
  needsReconnect: boolean;
}

export interface SecretStore {
  get(): Promise<OwnAppRecord | undefined>;
  set(record: OwnAppRecord): Promise<void>;
  clear(): Promise<void>;
}

const SECRETS_DB = 'bounceback-secrets';
const KEY = 'own-app';

export function idbSecretStore(): SecretStore {
  let store: UseStore | undefined;
  // Opened on first use so importing this module never touches IndexedDB.
  const db = () => {
    store ??= createStore(SECRETS_DB, 'kv');
    return store;
  };
  return {
    get: () => get<OwnAppRecord>(KEY, db()),
    set: (record) => set(KEY, record, db()),
    clear: () => del(KEY, db()),
  };
}

/** Refresh this long before `expires_at` so a call never goes out with a token about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * A refresh is never aborted once sent: Strava rotates the pair as it answers, so an answer that
 * comes late must still be stored (callers stop waiting after the usual timeout; the request
 * goes on). Only a request that hangs this long is given up.
 */
const REFRESH_PATIENCE_MS = 5 * 60 * 1000;

/** Expiry on this computer's clock: `expires_in` from receipt, so a clock that is hours off
 *  neither refreshes on every call nor keeps a dead token. */
function expiryOf(tokens: TokenResponse, now: number): number {
  return typeof tokens.expires_in === 'number'
    ? now + tokens.expires_in * 1000
    : tokens.expires_at * 1000;
}

/** The caller's wait, not the request's: `p` goes on after the deadline. */
function waitAtMost<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new StravaError({ kind: 'timeout', endpoint: 'oauth/token (refresh)', afterMs: ms }),
        ),
      ms,
    );
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export interface OwnAppTokensOptions {
  store: SecretStore;
  http: Http;
  refreshMarginMs?: number;
  /** Told whenever the state may have changed (connected, reconnect-needed, disconnected). */
  onStatus?: (status: TokenStatus) => void;
}

function statusOf(record: OwnAppRecord | undefined): TokenStatus {
  if (!record) return { state: 'disconnected', scopes: [] };
  if (record.needsReconnect || !record.refreshToken) {
    return { state: 'reconnect-needed', scopes: record.scopes };
  }
  return { state: 'connected', scopes: record.scopes, expiresAt: record.expiresAt };
}

export class OwnAppTokens implements TokenSource {
  private readonly store: SecretStore;
  private readonly http: Http;
  private readonly margin: number;
  private readonly onStatus?: (status: TokenStatus) => void;
  private refreshing: Promise<string> | null = null;
  private rejected: string | null = null;

  constructor(opts: OwnAppTokensOptions) {
    this.store = opts.store;
    this.http = opts.http;
    this.margin = opts.refreshMarginMs ?? REFRESH_MARGIN_MS;
    this.onStatus = opts.onStatus;
  }

  async status(): Promise<TokenStatus> {
    return statusOf(await this.store.get());
  }

  async credentials(): Promise<ClientCredentials | null> {
    const record = await this.store.get();
    return record ? { clientId: record.clientId, clientSecret: record.clientSecret } : null;
  }

  /** Stores a fresh connection (after the code exchange) in one write. */
  async connect(creds: ClientCredentials, tokens: TokenResponse, scopes: string[]): Promise<void> {
    const record: OwnAppRecord = {
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: expiryOf(tokens, this.http.now()),
      scopes,
      athlete: tokens.athlete ?? null,
      needsReconnect: false,
    };
    await this.store.set(record);
    this.rejected = null;
    this.onStatus?.(statusOf(record));
  }

  /** Forgets tokens and the secret. */
  async clear(): Promise<void> {
    await this.store.clear();
    this.rejected = null;
    this.onStatus?.(statusOf(undefined));
  }

  /** The stored access token as it is (for disconnect), without refreshing. */
  async storedAccessToken(): Promise<string | null> {
    return (await this.store.get())?.accessToken ?? null;
  }

  invalidate(rejectedToken: string): void {
    this.rejected = rejectedToken;
  }

  async getAccessToken(): Promise<string> {
    if (this.refreshing) return waitAtMost(this.refreshing, this.http.timeoutMs);
    const record = await this.store.get();
    const usable = this.usable(record);
    if (usable) return usable;
    return this.refresh();
  }

  private usable(record: OwnAppRecord | undefined): string | null {
    if (!record) throw new StravaError({ kind: 'reconnect-needed', reason: 'not-connected' });
    if (record.needsReconnect || !record.refreshToken) {
      throw new StravaError({ kind: 'reconnect-needed', reason: 'refresh-failed' });
    }
    const fresh = record.expiresAt - this.margin > this.http.now();
    if (record.accessToken && fresh && record.accessToken !== this.rejected) {
      return record.accessToken;
    }
    return null;
  }

  private refresh(): Promise<string> {
    // Every caller that arrives while a refresh is running shares it: one request, one rotation,
    // until its answer is stored (however late it comes).
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return waitAtMost(this.refreshing, this.http.timeoutMs);
  }

  private async runRefresh(): Promise<string> {
    // Re-read: a refresh that finished a moment ago may already have rotated the pair, and the
    // old refresh token is no longer valid.
    const record = await this.store.get();
    const usable = this.usable(record);
    if (usable) return usable;
    if (!record?.refreshToken)
      throw new StravaError({ kind: 'reconnect-needed', reason: 'not-connected' });
    const sent = record.refreshToken;
    let tokens: TokenResponse;
    try {
      tokens = await refreshTokens(
        { ...this.http, timeoutMs: REFRESH_PATIENCE_MS },
        record,
        record.refreshToken,
      );
    } catch (error) {
      const latest = await this.store.get();
      // A connect while the refresh was out made a new pair: the old one's rejection is moot.
      if (latest?.refreshToken !== sent) return this.usable(latest) ?? this.runRefresh();
      if (error instanceof StravaError && error.kind === 'reconnect-needed') {
        const failed: OwnAppRecord = {
          ...latest,
          accessToken: null,
          refreshToken: null,
          needsReconnect: true,
        };
        await this.store.set(failed);
        this.onStatus?.(statusOf(failed));
      }
      throw error;
    }
    const latest = await this.store.get();
    // Connected again (or disconnected) while the refresh was out: that connection stands.
    if (latest?.refreshToken !== sent) return this.usable(latest) ?? this.runRefresh();
    const next: OwnAppRecord = {
      ...latest,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: expiryOf(tokens, this.http.now()),
      needsReconnect: false,
    };
    await this.store.set(next);
    this.rejected = null;
    this.onStatus?.(statusOf(next));
    return tokens.access_token;
  }
}
