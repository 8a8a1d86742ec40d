// Which browser extensions may connect, and where their identity flow may be sent back to.
// Chromium's launchWebAuthFlow ends at https://<id>.chromiumapp.org/…; Firefox's at
// https://<sha1-hex of the add-on id>.extensions.allizom.org/… (its identity.getRedirectURL()).
import { createHash } from 'node:crypto';

export type ExtensionId =
  | { browser: 'chromium'; id: string; redirectHost: string; origin: string }
  | { browser: 'firefox'; id: string; redirectHost: string };

const CHROMIUM_ID = /^[a-p]{32}$/;
// Firefox add-on ids are email-like or a braced UUID (browser_specific_settings.gecko.id).
const GECKO_ID =
  /^(?:[\w.+-]+@[\w.-]+|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})$/i;

/** Parses one allowed id from ALLOWED_EXTENSION_IDS; null when it is neither kind. */
export function parseExtensionId(id: string): ExtensionId | null {
  if (CHROMIUM_ID.test(id)) {
    return {
      browser: 'chromium',
      id,
      redirectHost: `${id}.chromiumapp.org`,
      origin: `chrome-extension://${id}`,
    };
  }
  if (GECKO_ID.test(id)) {
    const hash = createHash('sha1').update(id).digest('hex');
    return { browser: 'firefox', id, redirectHost: `${hash}.extensions.allizom.org` };
  }
  return null;
}

/**
 * The allowed extension that owns this redirect URL, or null. Only https on the default port,
 * no credentials and no fragment: the broker appends the session in the fragment itself.
 */
export function matchExtensionRedirect(
  redirectUrl: string,
  allowed: readonly ExtensionId[],
): ExtensionId | null {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password || url.hash) {
    return null;
  }
  return allowed.find((extension) => extension.redirectHost === url.hostname) ?? null;
}

/**
 * Whether a browser origin belongs to an allowed extension. Firefox gives each install a random
 * moz-extension:// UUID, so its origins cannot be tied to an id: they are accepted when a Firefox
 * id is allowed at all (the session bearer, not CORS, is what authorizes a request).
 */
export function isAllowedOrigin(origin: string, allowed: readonly ExtensionId[]): boolean {
  if (/^moz-extension:\/\/[0-9a-f-]{36}$/.test(origin)) {
    return allowed.some((extension) => extension.browser === 'firefox');
  }
  return allowed.some(
    (extension) => extension.browser === 'chromium' && extension.origin === origin,
  );
}
