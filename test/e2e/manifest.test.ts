// Least privilege, audited on the production build itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_PERMISSIONS, HOST_PERMISSIONS } from '../../wxt.config';
import { BUILD_DIR } from './browser';
import { HOSTED_BROKER_URL, HOSTED_BUILD_DIR } from './hosted-build';

const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8'));

describe('chrome-mv3 manifest', () => {
  it('asks for exactly the allowed permissions', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'identity',
      'notifications',
      'scripting',
      'storage',
    ]);
    expect([...manifest.permissions].sort()).toEqual([...CHROME_PERMISSIONS].sort());
    expect(manifest.host_permissions).toEqual([
      'https://www.strava.com/*',
      'https://www.api-v3.strava.com/*',
    ]);
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('declares no content script: the worker places the panel after an activity page loads', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(existsSync(join(BUILD_DIR, 'content-scripts'))).toBe(false);
    expect(existsSync(join(BUILD_DIR, 'panel.html'))).toBe(true);
  });

  it('keeps the default MV3 content security policy and loads no remote code', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    const files = readdirSync(BUILD_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files).toContain('background.js');
    for (const f of files) {
      const code = readFileSync(join(BUILD_DIR, f), 'utf8');
      expect(code).not.toMatch(/import\(\s*["']https?:/);
      expect(code).not.toMatch(/importScripts\(\s*["']https?:/);
    }
  });

  it('exposes only the panel page, and only to Strava', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: ['https://www.strava.com/*'] },
    ]);
  });
});

describe('hosted copy (WXT_BROKER_URL) manifest', () => {
  const hosted = JSON.parse(readFileSync(join(HOSTED_BUILD_DIR, 'manifest.json'), 'utf8'));

  it('adds the broker’s one origin and nothing else', () => {
    expect(hosted.host_permissions).toEqual([...HOST_PERMISSIONS, `${HOSTED_BROKER_URL}/*`]);
    expect(hosted.permissions).toEqual(manifest.permissions);
    expect(hosted.web_accessible_resources).toEqual(manifest.web_accessible_resources);
    expect(hosted.content_security_policy).toBeUndefined();
  });

  it('the default build names no broker anywhere', () => {
    const files = readdirSync(BUILD_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    for (const f of files) {
      expect(readFileSync(join(BUILD_DIR, f), 'utf8')).not.toContain(HOSTED_BROKER_URL);
    }
    expect(manifest.key).toBeUndefined();
  });
});
