import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, NO_CHROMIUM } from './chromium-path';

// Fail loudly, in one line, rather than skip: browser behaviour is what we ship.
export default function setup(): void {
  if (!chromiumPath()) throw new Error(NO_CHROMIUM);
  if (!existsSync(resolve('.output/chrome-mv3/manifest.json'))) {
    throw new Error('No production build in .output/chrome-mv3: run `npm run build` first.');
  }
}
