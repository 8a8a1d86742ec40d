// Background handlers for the connect-related messages: payloads validated with zod, senders
// checked. Connect, disconnect, the redirect URL and the budget are for extension pages only;
// content scripts may read the connection status, which holds no secret.

import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import {
  type BudgetView,
  type ConnectRequest,
  type DisconnectOutcome,
  type MessageError,
  onMessage,
  type Result,
} from '../messages';
import { ConnectRequestSchema, NoPayloadSchema } from '../messages-schemas';
import type { Connection } from '../store/connection';
import { StravaError } from '../strava/errors';
import type { StravaService } from './strava-service';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string } | object;
}

/**
 * The panel's page in its frame on a tab (Strava's page put it there and chose its hash): trusted
 * no more than a content script on that tab.
 */
export function isFramedPanel(sender: SenderInfo): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab !== undefined &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/panel.html'))
  );
}

/** A page of this extension (options, popup), not the framed panel or another extension. */
export function isExtensionPage(sender: SenderInfo): boolean {
  const origin = browser.runtime.getURL('/');
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(origin) &&
    !isFramedPanel(sender)
  );
}

const FORBIDDEN: MessageError = {
  kind: 'forbidden',
  message: 'Only Bounceback’s own pages may do this.',
};

const SECRET_NEEDED: MessageError = {
  kind: 'invalid-input',
  field: 'clientSecret',
  message: 'Enter the Client Secret from strava.com/settings/api (click "show").',
};

function toMessageError(error: unknown): MessageError {
  if (error instanceof StravaError) return error.info();
  return new StravaError({ kind: 'oauth', reason: 'failed' }).info();
}

function invalid(error: z.core.$ZodError): MessageError {
  const issue = error.issues[0];
  return {
    kind: 'invalid-input',
    message: issue?.message ?? 'Invalid request.',
    field: issue?.path.map(String).join('.') || undefined,
  };
}

async function guarded<T>(
  sender: SenderInfo,
  data: unknown,
  schema: z.ZodMiniType,
  run: (parsed: unknown) => Promise<T> | T,
): Promise<Result<T>> {
  if (!isExtensionPage(sender)) return { ok: false, error: FORBIDDEN };
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
  try {
    return { ok: true, value: await run(parsed.data) };
  } catch (error) {
    return { ok: false, error: toMessageError(error) };
  }
}

export interface StravaHandlers {
  getConnection(data: unknown, sender: SenderInfo): Promise<Connection>;
  getRedirectUrl(data: unknown, sender: SenderInfo): Promise<string>;
  connect(data: unknown, sender: SenderInfo): Promise<Result<Connection>>;
  disconnect(data: unknown, sender: SenderInfo): Promise<Result<DisconnectOutcome>>;
  getBudget(data: unknown, sender: SenderInfo): Promise<Result<BudgetView>>;
}

export function createStravaHandlers(service: StravaService): StravaHandlers {
  return {
    async getConnection(_data, sender) {
      // Secret-free, but it names the athlete: for this extension's own contexts only (the
      // browser sets `id`; another extension or a web page cannot claim ours).
      if (sender.id !== browser.runtime.id) throw new Error(FORBIDDEN.message);
      return service.getConnection();
    },
    async getRedirectUrl(_data, sender) {
      if (!isExtensionPage(sender)) throw new Error(FORBIDDEN.message);
      return service.redirectUrl();
    },
    async connect(data, sender) {
      const checked = await guarded(sender, data, ConnectRequestSchema, (r) => r as ConnectRequest);
      if (!checked.ok) return checked;
      const { clientId, clientSecret } = checked.value;
      let secret = clientSecret;
      if (!secret) {
        // Reconnecting: the saved secret is reused only for the same app.
        const saved = await service.savedCredentials();
        if (saved?.clientId !== clientId) return { ok: false, error: SECRET_NEEDED };
        secret = saved.clientSecret;
      }
      const creds = { clientId, clientSecret: secret };
      return guarded(sender, data, ConnectRequestSchema, () => service.connect(creds));
    },
    disconnect: (data, sender) =>
      guarded(sender, data, NoPayloadSchema, () => service.disconnect()),
    getBudget: (data, sender) =>
      guarded(sender, data, NoPayloadSchema, async () => {
        await service.ready;
        return service.budgetView();
      }),
  };
}

/** Registers the handlers; call synchronously at background start-up. */
export function registerStravaHandlers(service: StravaService): () => void {
  const h = createStravaHandlers(service);
  const removers = [
    onMessage('getConnection', (m) => h.getConnection(m.data, m.sender)),
    onMessage('getRedirectUrl', (m) => h.getRedirectUrl(m.data, m.sender)),
    onMessage('connect', (m) => h.connect(m.data, m.sender)),
    onMessage('disconnect', (m) => h.disconnect(m.data, m.sender)),
    onMessage('getBudget', (m) => h.getBudget(m.data, m.sender)),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
