// `npm run build:hosted`: the hosted E2E's copy of the extension (test/e2e/hosted-build.ts says
// why a fixed key and its own folder), built with the same wxt build as the default.
import { spawnSync } from 'node:child_process';
import {
  HOSTED_BROKER_URL,
  HOSTED_MANIFEST_KEY,
  HOSTED_OUT_DIR,
} from '../test/e2e/hosted-build.ts';

const result = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WXT_BROKER_URL: HOSTED_BROKER_URL,
    BOUNCEBACK_MANIFEST_KEY: HOSTED_MANIFEST_KEY,
    BOUNCEBACK_OUT_DIR: HOSTED_OUT_DIR,
  },
});
process.exit(result.status ?? 1);
