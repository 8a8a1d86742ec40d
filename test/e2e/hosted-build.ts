// The hosted E2E's copy of the extension: built with WXT_BROKER_URL and a fixed manifest key (a
// public key only; no private key exists in the repository), so its id is known in advance and
// the broker can list it in ALLOWED_EXTENSION_IDS. Built into its own folder by
// scripts/build-hosted.ts; .output/chrome-mv3 stays the default build the other tests load.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

export const HOSTED_BROKER_URL = 'https://broker.bounceback.test';

export const HOSTED_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw/JBYbasF3BPxYSUkn/QtPiiNCmnXbCZgXED1ljJY/YriPQX6aQK/JcvfwlL+kOjLHhARbGKz47TUiRSsahbvI2YIJlQvKoG1ylnrMN7zBIA72iKQkz1+MG+2SP+N5Cnm92ecGhrD/tUiNZ4a+diXtcIkrSKYyYshS+6DsAVG3BC3tLOSnbWaZ220Tvz7Hus65TJ5mHlrbLrwctEvtaDwHqXyCnLtvZpn0f8nUHPSrGBKttPsp9z9iEPxRy7gZ1VEO2H0zrou9X+CTG9U3Qe2+JdJKMsqdCmZ703vi4LEhgpoJqL16oO3ivK8pKhIzfY1rqrNKb+mKaqmIh0tWdVdQIDAQAB';

export const HOSTED_OUT_DIR = resolve(import.meta.dirname, '../../.output-hosted');
export const HOSTED_BUILD_DIR = join(HOSTED_OUT_DIR, 'chrome-mv3');

/** Chromium's id for a key: the SHA-256 of the key's DER, first 32 hex digits written a–p. */
export function extensionIdOf(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex');
  return [...hex.slice(0, 32)]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}
