// Installs the Firefox build into Debian's firefox-esr over WebDriver BiDi (Playwright cannot
// drive Firefox ESR here) and checks that the panel mounts on the simulator's activity page.
// Firefox has no host-resolver flag: network.dns.localDomains sends www.strava.com to
// 127.0.0.1, so the simulator must listen on port 443.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startSimulator } from '../test/strava-sim/server';

const BUILD = resolve('.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function fail(line: string): never {
  console.error(`test:firefox: ${line}`);
  process.exit(1);
}

class Bidi {
  private nextId = 1;
  private pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') p.reject(new Error(`${msg.error}: ${msg.message}`));
      else p.resolve(msg.result);
    });
  }
  /** One BiDi command; a browser that stops answering fails the run instead of hanging it. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown>,
    timeoutMs = 30_000,
  ): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((res, rej) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rej(new Error(`firefox-esr did not answer ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          (res as (v: unknown) => void)(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          rej(e);
        },
      });
    });
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(BUILD, 'manifest.json')))
    fail('no Firefox build: run `npm run build:firefox`.');
  if (!existsSync(FIREFOX))
    fail(`firefox-esr not found at ${FIREFOX}: sudo apt-get install -y firefox-esr`);

  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator({ port: 443 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES')
      fail('cannot bind port 443 (needs root): Firefox reaches the simulator only there.');
    if (code === 'EADDRINUSE' || /already in use/.test(String(e))) {
      fail('port 443 is taken: stop whatever listens there and retry.');
    }
    throw e;
  }

  const profile = mkdtempSync(join(tmpdir(), 'bb-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      'user_pref("network.dns.localDomains", "www.strava.com");',
      'user_pref("network.dns.disableIPv6", true);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
      'user_pref("app.update.enabled", false);',
      'user_pref("extensions.update.enabled", false);',
      'user_pref("network.captive-portal-service.enabled", false);',
      'user_pref("network.connectivity-service.enabled", false);',
      '',
    ].join('\n'),
  );
  const ff = spawn(
    FIREFOX,
    ['--headless', '--remote-debugging-port=0', '--profile', profile, '--no-remote'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Whatever happens, never outlive two minutes: CI must not hang on a stuck browser.
  const watchdog = setTimeout(() => {
    console.error('test:firefox: gave up after 120 s (firefox-esr stopped answering)');
    console.log('0 passed, 1 failed');
    ff.kill('SIGKILL');
    process.exit(1);
  }, 120_000);
  watchdog.unref();
  const cleanup = async () => {
    clearTimeout(watchdog);
    ff.kill('SIGTERM');
    await sim.stop();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const wsUrl = await new Promise<string>((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error('firefox-esr did not start WebDriver BiDi within 30 s')),
        30_000,
      );
      const onData = (chunk: Buffer) => {
        const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(String(chunk));
        if (m?.[1]) {
          clearTimeout(timer);
          res(m[1]);
        }
      };
      ff.stderr.on('data', onData);
      ff.stdout.on('data', onData);
      ff.on('exit', (code) => rej(new Error(`firefox-esr exited early (${code})`)));
    });
    const ws = new WebSocket(`${wsUrl.replace(/\/$/, '')}/session`);
    await new Promise((res, rej) => {
      ws.once('open', res);
      ws.once('error', rej);
    });
    const bidi = new Bidi(ws);
    await bidi.send('session.new', {
      capabilities: { alwaysMatch: { acceptInsecureCerts: true } },
    });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: BUILD } });
    // Installing opens the options page in a tab of its own: use a fresh tab for Strava.
    const created = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const context = created.context;
    await bidi.send('browsingContext.navigate', {
      context,
      url: 'https://www.strava.com/activities/123',
      wait: 'none',
    });
    // Firefox 153 does not always report a navigation's completion over BiDi: poll the page.
    let loaded = '';
    for (let i = 0; i < 75 && !loaded.endsWith(' complete'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      const st = await bidi.send<{ result: { value: string } }>('script.evaluate', {
        expression: 'location.href + " " + document.readyState',
        target: { context },
        awaitPromise: false,
      });
      loaded = st.result.value;
    }
    if (!loaded.startsWith('https://www.strava.com/activities/123 ')) {
      throw new Error(`the simulator's activity page did not load (${loaded || 'nothing'})`);
    }
    let count = 0;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const r = await bidi.send<{ result: { value: number } }>('script.evaluate', {
        expression: 'document.querySelectorAll("bounceback-panel").length',
        target: { context },
        awaitPromise: false,
      });
      count = r.result.value;
      if (count > 0) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const placed = await bidi.send<{ result: { value: string } }>('script.evaluate', {
      expression:
        'String(document.querySelector(".activity-stats .inline-stats")?.nextElementSibling?.tagName)',
      target: { context },
      awaitPromise: false,
    });
    // The panel's page loaded in its frame and told Strava's page its height; the page sees the
    // host only (a closed root: the frame's per-install URL stays out of its reach).
    const hidden = await bidi.send<{ result: { value: boolean } }>('script.evaluate', {
      expression: 'document.querySelector("bounceback-panel")?.shadowRoot === null',
      target: { context },
      awaitPromise: false,
    });
    if (!hidden.result.value) throw new Error('the page can read the panel’s shadow root');
    let height = 0;
    while (Date.now() < deadline && height === 0) {
      const r = await bidi.send<{ result: { value: number } }>('script.evaluate', {
        expression:
          'document.querySelector("bounceback-panel")?.getBoundingClientRect().height ?? 0',
        target: { context },
        awaitPromise: false,
      });
      height = r.result.value;
      if (height === 0) await new Promise((res) => setTimeout(res, 200));
    }
    ws.close();
    if (height === 0) throw new Error('the panel’s frame never got a height: its page did not run');
    if (count !== 1) throw new Error(`expected one panel on the activity page, found ${count}`);
    if (placed.result.value !== 'BOUNCEBACK-PANEL') {
      throw new Error(`panel not after the stats (found ${placed.result.value})`);
    }
    console.log(
      'firefox-esr: the Firefox build mounted one panel after the activity stats, its page sized',
    );
    console.log('1 passed, 0 failed');
  } catch (e) {
    console.error(`test:firefox: ${(e as Error).message}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void main();
