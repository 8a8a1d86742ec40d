// The extension's background code under plain Node (tsx), as vitest's WXT plugin sets it up:
// `browser` is WXT's fake browser and IndexedDB is fake-indexeddb. Import this before any module
// that reaches `wxt/browser` (bench.ts loads the node figures with a dynamic import after it).
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const g = globalThis as { browser?: unknown; chrome?: unknown };
g.browser = fakeBrowser;
g.chrome = fakeBrowser;
