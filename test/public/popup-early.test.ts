import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PLAN_SNAPSHOT_KEY } from '../../lib/store/plan-snapshot';

const SOURCE = readFileSync(resolve(import.meta.dirname, '../../public/popup-early.js'), 'utf8');

/** Runs the plain script the popup loads first, with a stand-in storage area. */
function runEarly(api: 'browser' | 'chrome') {
  const asked: unknown[] = [];
  const stored = { [PLAN_SNAPSHOT_KEY]: { v: 1 } };
  const area = {
    storage: {
      local: {
        get: (key: unknown) => {
          asked.push(key);
          return Promise.resolve(stored);
        },
      },
    },
  };
  const globals: Record<string, unknown> = { [api]: area };
  globals.globalThis = globals;
  runInNewContext(SOURCE, globals);
  return { asked, started: globals.__bbSnapshot as Promise<unknown> | undefined, stored };
}

describe('popup-early.js', () => {
  for (const api of ['chrome', 'browser'] as const) {
    it(`starts reading the plan snapshot's key through ${api}.storage`, async () => {
      const { asked, started, stored } = runEarly(api);
      expect(asked).toEqual([PLAN_SNAPSHOT_KEY]);
      expect(await started).toBe(stored);
    });
  }
});
