// The one way a message is handled: the sender is checked against the row's `who`, the payload
// parsed with the row's schema, and every outcome (a thrown error included) comes back as a Result.
// Handlers are rows of one table, registered in one loop.
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { StravaError } from '../strava/errors';
import {
  type MessageError,
  type MessageName,
  onMessage,
  type ProtocolMap,
  type Result,
} from './protocol';
import { framedPanelActivity, framedPanelTab, isExtensionPage, type SenderInfo } from './senders';

/**
 * `extension`: any context of this extension (the framed panel included); `pages`: the popup and
 * options pages only; `pages-or-panel`: those, or the framed panel about its own tab's activity.
 */
export type Who = 'extension' | 'pages' | 'pages-or-panel';

export interface HandlerContext {
  /** The activity the framed panel's tab shows, or null when a page of ours asks. */
  panelActivity: number | null;
  /** The framed panel's tab, or null. */
  panelTab: number | null;
}

export interface Row<T> {
  who: Who;
  call(data: unknown, ctx: HandlerContext): Promise<Result<T>>;
}

type ReplyOf<K extends MessageName> =
  ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

export type HandlerTable = { [K in MessageName]: Row<ReplyOf<K>> };

const FORBIDDEN: MessageError = {
  kind: 'forbidden',
  message: 'Only Bounceback’s own pages may do this.',
};

/** A refusal the runner can read, thrown from a row's `run`. */
export class InvalidInput extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function toMessageError(error: unknown): MessageError {
  if (error instanceof StravaError) return error.info();
  if (error instanceof InvalidInput)
    return { kind: 'invalid-input', message: error.message, field: error.field };
  return {
    kind: 'invalid-input',
    message: (error as Error | undefined)?.message || 'Something went wrong.',
  };
}

function invalid(error: z.core.$ZodError): MessageError {
  const issue = error.issues[0];
  return {
    kind: 'invalid-input',
    message: issue?.message ?? 'Invalid request.',
    field: issue?.path.map(String).join('.') || undefined,
  };
}

/** One row: who may send it, what its payload must be, and what it does. */
export function row<S extends z.ZodMiniType, T>(
  who: Who,
  schema: S,
  run: (data: z.output<S>, ctx: HandlerContext) => Promise<T> | T,
): Row<T> {
  return {
    who,
    async call(data, ctx) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
      try {
        return { ok: true, value: await run(parsed.data, ctx) };
      } catch (error) {
        return { ok: false, error: toMessageError(error) };
      }
    },
  };
}

/** Checks the sender, then runs the row. */
export function handle<T>(r: Row<T>, data: unknown, sender: SenderInfo): Promise<Result<T>> {
  const page = isExtensionPage(sender);
  const panelActivity = page ? null : framedPanelActivity(sender);
  const allowed =
    r.who === 'extension'
      ? sender.id === browser.runtime.id
      : page || (r.who === 'pages-or-panel' && panelActivity !== null);
  if (!allowed) return Promise.resolve({ ok: false, error: FORBIDDEN });
  return r.call(data, { panelActivity, panelTab: page ? null : framedPanelTab(sender) });
}

/** Registers every row; call synchronously at background start-up. Returns the remover. */
export function registerHandlers(table: HandlerTable): () => void {
  const rows: Record<MessageName, Row<unknown>> = table;
  const names = Object.keys(table) as MessageName[];
  // The library types each listener's reply per name; a loop over names cannot name it.
  const removers = names.map((name) =>
    onMessage(name, (m) => handle(rows[name], m.data, m.sender) as never),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
