// Sync bookkeeping in browser.storage.local: the list cursor and the status the views show.
import { storage } from 'wxt/utils/storage';
import { IDLE, type SyncStatus } from '../model/sync-status';
import { type Cursor, EMPTY_CURSOR } from '../sync/cursor';

export const cursorItem = storage.defineItem<Cursor>('local:syncCursor', {
  version: 1,
  fallback: EMPTY_CURSOR,
});

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  version: 1,
  fallback: IDLE,
});
