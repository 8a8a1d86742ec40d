// Launches Debian's Chromium with the production build loaded and www.strava.com mapped to the
// simulator, and collects what the tests check on every page: console errors and CSP violations.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { chromiumPath, NO_CHROMIUM } from './chromium-path';

const ROOT = resolve(import.meta.dirname, '../..');
export const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const SCREENSHOT_DIR = join(ROOT, 'test-output/screenshots');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** CSP violations and uncaught errors seen on any page so far. */
  problems: string[];
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  simPort: number;
  extension?: boolean;
  headless?: boolean;
  /** Another build to load (the hosted copy) instead of .output/chrome-mv3. */
  buildDir?: string;
  /** Maps broker.bounceback.test to this loopback port (the hosted E2E's broker). */
  brokerPort?: number;
}

function chromiumArgs(
  simPort: number,
  extensionDir: string | null,
  brokerPort: number | undefined,
): string[] {
  const broker = brokerPort ? `,MAP broker.bounceback.test 127.0.0.1:${brokerPort}` : '';
  return [
    ...(extensionDir
      ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : []),
    `--host-resolver-rules=MAP www.strava.com 127.0.0.1:${simPort},MAP www.api-v3.strava.com 127.0.0.1:${simPort}${broker}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
}

export async function launchBrowser(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  // Playwright writes temp files under TMPDIR: keep them inside the project.
  const tmp = join(ROOT, '.tmp');
  mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp;
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmp, 'profile-'));
  const withExtension = opts.extension !== false;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(
      opts.simPort,
      withExtension ? (opts.buildDir ?? BUILD_DIR) : null,
      opts.brokerPort,
    ),
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(text)) {
        problems.push(`CSP on ${page.url()}: ${text}`);
      }
    });
    page.on('pageerror', (err) => problems.push(`error on ${page.url()}: ${err.message}`));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);

  let worker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // A fresh install opens the options page; let it land before a test opens its own tab, or
    // Chromium may open it in that tab and interrupt the test's navigation.
    const isOptions = (p: Page) => p.url().includes(`${extensionId}/options.html`);
    for (let i = 0; i < 50 && !context.pages().some(isOptions); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    extensionId,
    get worker() {
      if (!worker) throw new Error('launched without the extension');
      return context.serviceWorkers()[0] ?? worker;
    },
    problems,
    newPage: () => context.newPage(),
    async screenshot(page, name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type Chrome = { action: { getBadgeText(d: object): Promise<string> } };

/** The toolbar badge's text, read in the worker. */
export function badge(b: ExtensionBrowser): Promise<string> {
  return b.worker.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}),
  );
}
