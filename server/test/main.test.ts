import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeStrava } from './support/fake-strava.ts';
import { testEnv } from './support/test-broker.ts';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output.stderr += chunk;
  });
  return { child, output };
}

describe('npm run broker', () => {
  it('stops with one line naming a bad setting', async () => {
    const { child, output } = start({ ...testEnv(), ENCRYPTION_KEY: 'short' });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output.stderr.trim().split('\n')).toEqual([
      'broker: bad settings: ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
    ]);
  });

  it('starts on embedded PGlite and creates its push subscription', {
    timeout: 40_000,
  }, async () => {
    let stdout = '';
    const brokerUrl = () =>
      `http://127.0.0.1:${/listening on 127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]}`;
    const fake = createFakeStrava({
      clientId: '4242',
      clientSecret: 'fake-client-secret',
      // Strava's handshake goes to the broker's real port, whatever PUBLIC_URL says.
      callbackFetch: (url, init) =>
        fetch(brokerUrl() + new URL(url).pathname + new URL(url).search, init),
    });
    const strava = serve({ fetch: fake.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => strava.once('listening', resolve));
    try {
      const { output } = start({
        ...testEnv(),
        STRAVA_BASE_URL: `http://127.0.0.1:${(strava.address() as AddressInfo).port}`,
        PGLITE_DIR: 'memory',
        PORT: '0',
        LOG_REQUESTS: 'off',
      });
      const deadline = Date.now() + 25_000;
      while (!/push subscription/.test(output.stdout + output.stderr) && Date.now() < deadline) {
        stdout = output.stdout;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(output.stdout).toMatch(/listening on 127\.0\.0\.1:\d+ \(pglite\)/);
      expect(output.stdout).toMatch(/push subscription \d+ created/);
      const health = await fetch(`${brokerUrl()}/health`);
      expect(await health.json()).toEqual({ ok: true, subscription: true });
    } finally {
      strava.close();
    }
  });
});
