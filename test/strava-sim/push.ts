// Strava's push subscriptions (webhooks) for the simulated application: create (with the
// `hub.challenge` GET handshake to the callback), view and delete at /api/v3/push_subscriptions
// with the app's client_id and client_secret, and delivery of events to the callback for uploads,
// edits, deletes and deauthorizations, retried up to three times as Strava does. One subscription
// per application; it outlives `reset` (it is the application's, not the athlete's).

import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readParams, sendJson } from './http.ts';
import type { SimState } from './state.ts';

export type CallbackFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface PushEvent {
  object_type: 'activity' | 'athlete';
  aspect_type: 'create' | 'update' | 'delete';
  object_id: number;
  owner_id: number;
  updates: Record<string, string>;
  /** Epoch seconds on the sim clock. */
  event_time: number;
  subscription_id: number;
}

export interface Delivery {
  event: PushEvent;
  /** The callback's last status, or null when it could not be reached. */
  status: number | null;
  attempts: number;
  /** Sim-clock ms of the first attempt. */
  at: number;
}

interface Subscription {
  id: number;
  callbackUrl: string;
  createdAt: string;
}

const FAULT = (message: string, field: string, code: string) => ({
  message,
  errors: [{ resource: 'PushSubscription', field, code }],
});

export class PushHub {
  subscription: Subscription | null = null;
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly getState: () => SimState,
    private readonly callbackFetch: CallbackFetch,
  ) {}

  /** `/push_subscriptions[/id]` (the path without /api/v3); returns the route or null. */
  async handle(
    req: IncomingMessage,
    url: URL,
    path: string,
    res: ServerResponse,
  ): Promise<string | null> {
    const m = /^\/push_subscriptions(?:\/(\d+))?\/?$/.exec(path);
    if (!m) return null;
    const method = req.method ?? 'GET';
    const route = `${method} /api/v3/push_subscriptions${m[1] ? '/{id}' : ''}`;
    const p = await readParams(req, url);
    const app = this.getState().app;
    if (p.client_id !== app.clientId || p.client_secret !== app.clientSecret) {
      sendJson(res, 401, FAULT('Authorization Error', 'client_id', 'invalid'));
      return route;
    }
    if (method === 'GET' && !m[1]) {
      const s = this.subscription;
      sendJson(
        res,
        200,
        s
          ? [
              {
                id: s.id,
                resource_state: 2,
                application_id: Number(app.clientId),
                callback_url: s.callbackUrl,
                created_at: s.createdAt,
                updated_at: s.createdAt,
              },
            ]
          : [],
      );
    } else if (method === 'POST' && !m[1]) await this.create(p, res);
    else if (method === 'DELETE' && m[1]) {
      if (this.subscription?.id !== Number(m[1])) {
        sendJson(res, 404, FAULT('Resource Not Found', 'id', 'not found'));
      } else {
        this.subscription = null;
        res.writeHead(204).end();
      }
    } else sendJson(res, 405, FAULT('Method Not Allowed', 'method', 'invalid'));
    return route;
  }

  private async create(p: Record<string, string>, res: ServerResponse): Promise<void> {
    if (this.subscription) {
      sendJson(res, 400, FAULT('Bad Request', 'callback url', 'already exists'));
      return;
    }
    let callback: URL;
    try {
      callback = new URL(p.callback_url ?? '');
    } catch {
      sendJson(res, 400, FAULT('Bad Request', 'callback url', 'invalid'));
      return;
    }
    const challenge = randomInt(1, 2 ** 47).toString(36);
    const check = new URL(callback);
    check.search = new URLSearchParams({
      'hub.verify_token': p.verify_token ?? '',
      'hub.challenge': challenge,
      'hub.mode': 'subscribe',
    }).toString();
    let echoed: unknown = null;
    try {
      const answer = await this.callbackFetch(check.toString());
      echoed = answer.ok ? await answer.json() : null;
    } catch {
      echoed = null;
    }
    if ((echoed as Record<string, unknown> | null)?.['hub.challenge'] !== challenge) {
      sendJson(
        res,
        400,
        FAULT('Bad Request', 'callback url', 'GET to callback URL does not return 200'),
      );
      return;
    }
    this.subscription = {
      id: randomInt(100_000, 999_999),
      callbackUrl: callback.toString(),
      createdAt: new Date(this.getState().clock.now()).toISOString(),
    };
    sendJson(res, 201, { id: this.subscription.id });
  }

  /**
   * Sends an event to the callback, as Strava does, when there is a subscription and the athlete
   * has authorized the app (a deauthorization is told once more, after the tokens are gone).
   */
  emit(event: Omit<PushEvent, 'subscription_id' | 'event_time'>, force = false): void {
    const s = this.subscription;
    const state = this.getState();
    if (!s || (!force && state.refreshTokens.size === 0)) return;
    const delivery: Delivery = {
      event: {
        ...event,
        event_time: Math.floor(state.clock.now() / 1000),
        subscription_id: s.id,
      },
      status: null,
      attempts: 0,
      at: state.clock.now(),
    };
    this.deliveries.push(delivery);
    const run = this.deliver(s.callbackUrl, delivery).finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  private async deliver(url: string, d: Delivery): Promise<void> {
    // The first try and up to three retries, a little apart (Strava's are minutes apart).
    for (let attempt = 0; attempt < 4; attempt++) {
      d.attempts = attempt + 1;
      try {
        const r = await this.callbackFetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(d.event),
          signal: AbortSignal.timeout(2_000),
        });
        d.status = r.status;
        await r.arrayBuffer().catch(() => undefined);
        if (r.ok) return;
      } catch {
        d.status = null;
      }
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }

  /** Resolves when every delivery so far has been answered (or given up). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
