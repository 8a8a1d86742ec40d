// A test file's broker: started before its tests, closed after them. The returned object is
// filled in by beforeAll, so tests use it as `t.connect()` without a getter.
import { afterAll, beforeAll } from 'vitest';
import { startTestBroker, type TestBroker } from './test-broker.ts';

export function useTestBroker(options: Parameters<typeof startTestBroker>[0] = {}): TestBroker {
  const t = {} as TestBroker;
  beforeAll(async () => {
    Object.assign(t, await startTestBroker(options));
  });
  afterAll(() => t.close());
  return t;
}
