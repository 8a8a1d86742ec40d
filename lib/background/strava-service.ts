// The background's single Strava connection: tokens (IndexedDB), the rate budget (mirrored to
// the non-secret connection item), the API client and connect/disconnect. Sync code later takes
// `service.client` from here.

import { browser } from 'wxt/browser';
import type { DisconnectOutcome } from '../messaging/protocol';
import {
  type BudgetSnapshot,
  type Connection,
  ConnectionSchema,
  DISCONNECTED,
  EMPTY_BUDGET,
} from '../model/connection';
import { connectionItem } from '../store/connection';
import { brokerOrigin, createBrokerClient } from '../strava/broker-client';
import { type BrokerSessionStore, BrokerTokens, idbBrokerStore } from '../strava/broker-tokens';
import { createStravaClient, type StravaClient } from '../strava/client';
import { connectStrava, disconnectStrava, type Identity } from '../strava/connect';
import { StravaError } from '../strava/errors';
import { type ModeTokens, modeTokens } from '../strava/mode-tokens';
import type { ClientCredentials } from '../strava/oauth';
import { idbSecretStore, OwnAppTokens, type SecretStore } from '../strava/own-app-tokens';
import type { BudgetStore } from '../strava/rate-budget';
import { DEFAULT_TIMEOUT_MS, type Fetch, type Http } from '../strava/request';
import type { TokenStatus } from '../strava/token-source';
import { connectHosted, disconnectHosted, type HostedAccess } from './hosted-connection';

export interface StravaServiceOptions {
  fetch?: Fetch;
  now?: () => number;
  identity?: Identity;
  secrets?: SecretStore;
  timeoutMs?: number;
  /** The token broker's origin; default the build's `WXT_BROKER_URL` (none: own-app mode only). */
  brokerUrl?: string | null;
  brokerSecrets?: BrokerSessionStore;
}

export interface StravaService {
  readonly client: StravaClient;
  readonly tokens: ModeTokens;
  /** Present in a build that names a broker. */
  readonly hosted: HostedAccess | null;
  /** Resolves once the persisted budget snapshot is loaded. */
  readonly ready: Promise<void>;
  redirectUrl(): string;
  /** The saved app credentials, for a reconnect that reuses them (background only). */
  savedCredentials(): Promise<ClientCredentials | null>;
  getConnection(): Promise<Connection>;
  /** `write`: also ask for activity:write (the runner ticked "Also tag it on Strava"). */
  connect(creds: ClientCredentials, opts?: { write?: boolean }): Promise<Connection>;
  /** One click through the broker (hosted builds only). */
  connectHosted(): Promise<Connection>;
  disconnect(): Promise<DisconnectOutcome>;
}

const FORGOTTEN_NOTICE =
  'Bounceback forgot its Strava sign-in, but Strava could not be told. To be sure, remove the app at strava.com/settings/apps.';

export function createStravaService(options: StravaServiceOptions = {}): StravaService {
  const now = options.now ?? (() => Date.now());
  const fetchFn: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const http: Http = { fetch: fetchFn, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, now };
  const identity: Identity = options.identity ?? {
    getRedirectURL: () => browser.identity.getRedirectURL(),
    launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
  };

  // The connection item mirrors the secrets for the views; the secrets decide. A corrupt or
  // cleared item (or one that disagrees with them) is rebuilt instead of stopping sync.
  const readConnection = async (): Promise<Connection> => {
    const parsed = ConnectionSchema.safeParse(await connectionItem.getValue());
    const status = await tokens.status();
    if (parsed.success && parsed.data.state === status.state) return parsed.data;
    const repaired: Connection = {
      ...(parsed.success ? parsed.data : { ...DISCONNECTED, budget: snapshot }),
      state: status.state,
      mode: await tokens.mode(),
      scopes: status.scopes,
      updatedAt: now(),
    };
    await connectionItem.setValue(repaired);
    return repaired;
  };

  // Writes to the connection item are queued so a budget update never overwrites a state change.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (c: Connection) => Connection): Promise<void> => {
    const next = queue.then(async () => {
      const parsed = ConnectionSchema.safeParse(await connectionItem.getValue());
      const current = parsed.success ? parsed.data : { ...DISCONNECTED, budget: snapshot };
      await connectionItem.setValue(change(current));
    });
    queue = next.catch(() => undefined);
    return next;
  };

  let snapshot: BudgetSnapshot = EMPTY_BUDGET;
  const budget: BudgetStore = {
    get: () => snapshot,
    set(next) {
      snapshot = next;
      void update((c) => ({ ...c, budget: next }));
    },
  };

  const onStatus = (status: TokenStatus) => {
    void update((c) =>
      status.state === 'disconnected'
        ? { ...DISCONNECTED, budget: c.budget, updatedAt: now() }
        : { ...c, state: status.state, scopes: status.scopes, updatedAt: now() },
    );
  };

  const ownApp = new OwnAppTokens({
    store: options.secrets ?? idbSecretStore(),
    http,
    onStatus,
  });
  const origin =
    options.brokerUrl === undefined
      ? // Node tools (the fault suite, the bench) run this without Vite's import.meta.env.
        brokerOrigin(import.meta.env ? import.meta.env.WXT_BROKER_URL : undefined)
      : brokerOrigin(options.brokerUrl ?? undefined);
  const hosted: HostedAccess | null = origin
    ? (() => {
        const broker = createBrokerClient(origin, http);
        const store = options.brokerSecrets ?? idbBrokerStore();
        return { broker, tokens: new BrokerTokens(store, broker, now, onStatus) };
      })()
    : null;
  const tokens = modeTokens(ownApp, hosted?.tokens ?? null);
  const client = createStravaClient({
    fetch: fetchFn,
    tokens,
    budget,
    now,
    timeoutMs: http.timeoutMs,
  });

  // On start-up the secrets decide: the status item may be stale (cleared storage, a crash
  // between writes).
  const ready = (async () => {
    const [raw, status] = await Promise.all([connectionItem.getValue(), tokens.status()]);
    const parsed = ConnectionSchema.safeParse(raw);
    const stored = parsed.success ? parsed.data : DISCONNECTED;
    snapshot = stored.budget;
    if (stored.state !== status.state || status.state === 'reconnect-needed') onStatus(status);
  })().catch(() => undefined);

  let connecting: Promise<Connection> | null = null;

  /** One mode at a time: connecting one way first forgets the other (telling the broker). */
  const leaveHosted = async () => {
    if (hosted && (await tokens.mode()) === 'hosted') await disconnectHosted(hosted);
  };

  return {
    client,
    tokens,
    hosted,
    ready,
    redirectUrl: () => identity.getRedirectURL(),
    savedCredentials: () => ownApp.credentials(),
    getConnection: async () => {
      await queue;
      return readConnection();
    },
    connect(creds, opts = {}) {
      // A second click while Strava's window is open joins the running attempt.
      connecting ??= (async () => {
        await ready;
        await leaveHosted();
        const connection = await connectStrava(
          creds,
          { identity, http, tokens: ownApp, client, budget },
          opts,
        );
        await update(() => ({ ...connection, budget: snapshot }));
        return connectionItem.getValue();
      })().finally(() => {
        connecting = null;
      });
      return connecting;
    },
    connectHosted() {
      connecting ??= (async () => {
        if (!hosted) throw new StravaError({ kind: 'oauth', reason: 'failed' });
        await ready;
        if ((await tokens.mode()) === 'own-app' && (await ownApp.status()).state !== 'disconnected')
          await disconnectStrava({ http, tokens: ownApp });
        const connection = await connectHosted(hosted, { identity, client, now });
        await update(() => ({ ...connection, budget: snapshot }));
        return connectionItem.getValue();
      })().finally(() => {
        connecting = null;
      });
      return connecting;
    },
    async disconnect() {
      if (hosted && (await tokens.mode()) === 'hosted') {
        const { told } = await disconnectHosted(hosted);
        await update((c) => ({ ...DISCONNECTED, budget: c.budget, updatedAt: now() }));
        return {
          connection: await connectionItem.getValue(),
          notice: told ? null : FORGOTTEN_NOTICE,
        };
      }
      const { remote } = await disconnectStrava({ http, tokens: ownApp });
      await update((c) => ({ ...DISCONNECTED, budget: c.budget, updatedAt: now() }));
      return {
        connection: await connectionItem.getValue(),
        notice: remote === 'failed' ? FORGOTTEN_NOTICE : null,
      };
    },
  };
}
