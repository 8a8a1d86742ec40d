import { accessSync, constants } from 'node:fs';

/** Debian's Chromium, or $CHROMIUM_PATH; null when neither is there. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {}
  }
  return null;
}

export const NO_CHROMIUM =
  "Chromium not found: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.";
