// Sessions and OAuth states are random secrets handed out once; the database keeps only their
// SHA-256, so a copy of the database cannot be replayed against the broker.
import { createHash, randomBytes } from 'node:crypto';

/** A new 256-bit secret, URL-safe. */
export function mintSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The form a secret is stored and looked up in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
