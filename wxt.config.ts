import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { brokerOrigin } from './lib/strava/broker-client';

// Least privilege: exactly these, nothing else (audited by test/manifest.test.ts).
export const PERMISSIONS = ['storage', 'alarms', 'identity', 'notifications'];
/** Chromium only: the worker places the panel after an activity page's load. */
export const CHROME_PERMISSIONS = [...PERMISSIONS, 'scripting'];
export const HOST_PERMISSIONS = ['https://www.strava.com/*', 'https://www.api-v3.strava.com/*'];
/** The panel page, framed by Strava's activity pages and by nothing else. */
export const WEB_ACCESSIBLE = [
  { resources: ['panel.html'], matches: ['https://www.strava.com/*'] },
];

/**
 * A hosted build (`WXT_BROKER_URL=https://broker.example`) adds the broker's one origin and
 * nothing else; the default build asks for exactly HOST_PERMISSIONS.
 */
export function hostPermissions(brokerUrl: string | undefined): string[] {
  const broker = brokerOrigin(brokerUrl);
  if (brokerUrl && !broker) throw new Error(`WXT_BROKER_URL must be an https origin: ${brokerUrl}`);
  return broker ? [...HOST_PERMISSIONS, `${broker}/*`] : HOST_PERMISSIONS;
}

/** `https://host/*` already grants every narrower pattern on that host. */
const coveredByAnother = (pattern: string, all: readonly string[]) =>
  all.some((p) => p !== pattern && p.endsWith('/*') && pattern.startsWith(p.slice(0, -1)));

export default defineConfig({
  // A second build (the hosted E2E's) goes to its own folder, beside the default .output.
  ...(process.env.BOUNCEBACK_OUT_DIR ? { outDir: process.env.BOUNCEBACK_OUT_DIR } : {}),
  hooks: {
    // WXT adds a runtime-injected script's `matches` to host_permissions; ours are already there.
    'build:manifestGenerated': (_wxt, manifest) => {
      const hosts = manifest.host_permissions ?? [];
      manifest.host_permissions = hosts.filter((h: string) => !coveredByAnother(h, hosts));
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    // zod's builders only build: a schema module a page imports for one helper must not bring
    // every schema it defines into that page's bundle.
    build: { rollupOptions: { treeshake: { manualPureFunctions: ['z'] } } },
  }),
  manifest: ({ browser }) => ({
    name: 'Bounceback',
    description: 'Your recovery coach on Strava: a timed refuel-and-rest plan after every run.',
    permissions: browser === 'firefox' ? PERMISSIONS : CHROME_PERMISSIONS,
    host_permissions: hostPermissions(process.env.WXT_BROKER_URL),
    // A fixed public key fixes the extension id (the hosted E2E's broker must know it).
    ...(process.env.BOUNCEBACK_MANIFEST_KEY ? { key: process.env.BOUNCEBACK_MANIFEST_KEY } : {}),
    web_accessible_resources: WEB_ACCESSIBLE,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'bounceback@bounceback.run',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
