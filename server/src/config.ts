// Every setting comes from the environment and is checked once at start, so a bad deployment
// fails with one readable line instead of a stack trace on the first runner's connect.
import { z } from 'zod';
import { type ExtensionId, parseExtensionId } from './extension-redirect.ts';

const nonEmpty = z.string().trim().min(1, 'is missing');

const flag = z
  .enum(['0', '1', 'true', 'false', 'on', 'off'])
  .transform((value) => value === '1' || value === 'true' || value === 'on');

const positiveInt = z.coerce.number().int().positive();

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const EnvSchema = z.object({
  STRAVA_CLIENT_ID: nonEmpty.regex(/^\d+$/, 'must be the numeric client id'),
  STRAVA_CLIENT_SECRET: nonEmpty,
  PUBLIC_URL: httpUrl,
  WEBHOOK_VERIFY_TOKEN: nonEmpty.min(16, 'must be at least 16 characters'),
  ENCRYPTION_KEY: nonEmpty.transform((value, ctx) => {
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32 || key.toString('base64') !== value.replace(/\s/g, '')) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
      });
      return z.NEVER;
    }
    return key;
  }),
  ALLOWED_EXTENSION_IDS: nonEmpty.transform((value, ctx) => {
    const ids = value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const parsed = ids.map(parseExtensionId);
    const bad = ids.filter((_, index) => parsed[index] === null);
    if (ids.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must list Chromium ids (32 letters a-p) or Firefox add-on ids; bad: ${bad.join(', ') || '(none given)'}`,
      });
      return z.NEVER;
    }
    return parsed.filter((id) => id !== null);
  }),
  STRAVA_BASE_URL: httpUrl.default('https://www.strava.com'),
  STRAVA_API_BASE_URL: httpUrl.optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .optional(),
  PGLITE_DIR: z.string().trim().min(1).default('data/pglite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  RATE_LIMIT_PER_ADDRESS: positiveInt.default(120),
  RATE_LIMIT_PER_SESSION: positiveInt.default(60),
  RATE_LIMIT_WINDOW_S: positiveInt.default(60),
  RATE_LIMIT_EXEMPT_LOOPBACK: flag.default(false),
  TRUST_PROXY: flag.default(false),
  SUBSCRIPTION_CHECK: flag.default(true),
  // Only with SUBSCRIPTION_CHECK off: the id of a subscription made elsewhere.
  STRAVA_SUBSCRIPTION_ID: positiveInt.optional(),
  EVENT_RETENTION_DAYS: positiveInt.default(7),
  LOG_REQUESTS: flag.default(true),
});

export type Config = {
  stravaClientId: string;
  stravaClientSecret: string;
  publicUrl: string;
  webhookVerifyToken: string;
  encryptionKey: Buffer;
  allowedExtensions: ExtensionId[];
  stravaBaseUrl: string;
  stravaApiBaseUrl: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  port: number;
  host: string;
  rateLimit: { perAddress: number; perSession: number; windowMs: number; exemptLoopback: boolean };
  trustProxy: boolean;
  subscriptionCheck: boolean;
  subscriptionId: number | undefined;
  eventRetentionDays: number;
  logRequests: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the broker's settings; throws a ConfigError whose message fits on one line. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", so optional settings fall back to their defaults.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const message = issue.code === 'invalid_type' ? 'is missing' : issue.message;
      return `${name} ${message}`;
    });
    throw new ConfigError(`bad settings: ${problems.join('; ')}`);
  }
  const e = result.data;
  return {
    stravaClientId: e.STRAVA_CLIENT_ID,
    stravaClientSecret: e.STRAVA_CLIENT_SECRET,
    publicUrl: e.PUBLIC_URL,
    webhookVerifyToken: e.WEBHOOK_VERIFY_TOKEN,
    encryptionKey: e.ENCRYPTION_KEY,
    allowedExtensions: e.ALLOWED_EXTENSION_IDS,
    stravaBaseUrl: e.STRAVA_BASE_URL,
    stravaApiBaseUrl: e.STRAVA_API_BASE_URL ?? `${e.STRAVA_BASE_URL}/api/v3`,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    port: e.PORT,
    host: e.HOST,
    rateLimit: {
      perAddress: e.RATE_LIMIT_PER_ADDRESS,
      perSession: e.RATE_LIMIT_PER_SESSION,
      windowMs: e.RATE_LIMIT_WINDOW_S * 1000,
      exemptLoopback: e.RATE_LIMIT_EXEMPT_LOOPBACK,
    },
    trustProxy: e.TRUST_PROXY,
    subscriptionCheck: e.SUBSCRIPTION_CHECK,
    subscriptionId: e.STRAVA_SUBSCRIPTION_ID,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    logRequests: e.LOG_REQUESTS,
  };
}
