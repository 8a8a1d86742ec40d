import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { testEnv } from './support/test-broker.ts';

const errorOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('loadConfig', () => {
  it('reads a complete environment with defaults for the rest', () => {
    const config = loadConfig(testEnv({ STRAVA_BASE_URL: '', PUBLIC_URL: 'https://b.example/' }));
    expect(config.publicUrl).toBe('https://b.example');
    expect(config.stravaBaseUrl).toBe('https://www.strava.com');
    expect(config.stravaApiBaseUrl).toBe('https://www.strava.com/api/v3');
    expect(config.allowedExtensions.map((e) => e.browser)).toEqual(['chromium', 'firefox']);
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('names every missing setting on one line', () => {
    const message = errorOf({});
    expect(message).not.toContain('\n');
    for (const name of [
      'STRAVA_CLIENT_ID',
      'STRAVA_CLIENT_SECRET',
      'PUBLIC_URL',
      'WEBHOOK_VERIFY_TOKEN',
      'ENCRYPTION_KEY',
      'ALLOWED_EXTENSION_IDS',
    ]) {
      expect(message).toContain(`${name} is missing`);
    }
  });

  const bad: Record<string, { value: string; says: string }> = {
    ENCRYPTION_KEY: { value: Buffer.alloc(16).toString('base64'), says: '32 bytes' },
    ALLOWED_EXTENSION_IDS: { value: 'abc', says: 'bad: abc' },
    PUBLIC_URL: { value: 'ftp://x', says: 'http(s) URL' },
    DATABASE_URL: { value: 'mysql://x', says: 'postgres://' },
    PORT: { value: 'eighty', says: 'PORT' },
  };
  for (const [name, { value, says }] of Object.entries(bad)) {
    it(`refuses a bad ${name}`, () => {
      const message = errorOf(testEnv({ [name]: value }));
      expect(message).toContain(name);
      expect(message).toContain(says);
    });
  }

  it('refuses a key that is not base64', () => {
    expect(errorOf(testEnv({ ENCRYPTION_KEY: 'not base64 at all!' }))).toContain(
      'ENCRYPTION_KEY must be 32 bytes',
    );
  });
});
