// The handler table as functions of (payload, sender), the way the messaging library calls them.
import type { AppService } from '../../../lib/background/app-service';
import { createHandlers } from '../../../lib/background/handlers';
import type { StravaService } from '../../../lib/background/strava-service';
import { type HandlerTable, handle } from '../../../lib/messaging/handler';
import type { MessageName, Result } from '../../../lib/messaging/protocol';
import type { SenderInfo } from '../../../lib/messaging/senders';

type Calls = {
  [K in MessageName]: (
    data: unknown,
    sender: SenderInfo,
  ) => Promise<HandlerTable[K] extends { call(...a: never[]): Promise<infer R> } ? R : never>;
};

export function handlerCalls(app: AppService, strava: StravaService): Calls {
  const table = createHandlers(app, strava);
  const calls: Partial<
    Record<MessageName, (data: unknown, sender: SenderInfo) => Promise<Result<unknown>>>
  > = {};
  for (const name of Object.keys(table) as MessageName[]) {
    calls[name] = (data, sender) => handle<unknown>(table[name], data, sender);
  }
  return calls as Calls;
}
