// The connection's non-secret status in browser.storage.local (lib/model/connection says what it
// holds and why no token is there).
import { storage } from 'wxt/utils/storage';
import { type Connection, DISCONNECTED } from '../model/connection';

export const connectionItem = storage.defineItem<Connection>('local:connection', {
  version: 1,
  fallback: DISCONNECTED,
});
