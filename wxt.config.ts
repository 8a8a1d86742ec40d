import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Least privilege: exactly these, nothing else (audited by test/manifest.test.ts).
export const PERMISSIONS = ['storage', 'alarms', 'identity', 'notifications'];
export const HOST_PERMISSIONS = ['https://www.strava.com/*', 'https://www.api-v3.strava.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'Bounceback',
    description: 'Your recovery coach on Strava: a timed refuel-and-rest plan after every run.',
    permissions: PERMISSIONS,
    host_permissions: HOST_PERMISSIONS,
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
