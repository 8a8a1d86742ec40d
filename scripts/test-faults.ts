// npm run test:faults: fault schedules over the real sync pipeline (test/faults/cli.ts).
// Outside vitest there is no WXT plugin, so the extension APIs are WXT's fake browser and
// IndexedDB is fake-indexeddb, installed before any product module reads them.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
const { main } = await import('../test/faults/cli');
process.exitCode = await main(process.argv.slice(2));
