// Least privilege, audited on the production build itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS, PERMISSIONS } from '../../wxt.config';
import { BUILD_DIR } from './browser';

const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8'));

describe('chrome-mv3 manifest', () => {
  it('asks for exactly the allowed permissions', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'identity',
      'notifications',
      'storage',
    ]);
    expect([...manifest.permissions].sort()).toEqual([...PERMISSIONS].sort());
    expect(manifest.host_permissions).toEqual([
      'https://www.strava.com/*',
      'https://www.api-v3.strava.com/*',
    ]);
    expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs the content script on activity pages only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual(['https://www.strava.com/activities/*']);
  });

  it('keeps the default MV3 content security policy and loads no remote code', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    const files = ['background.js', ...manifest.content_scripts[0].js];
    for (const f of files) {
      const code = readFileSync(join(BUILD_DIR, f), 'utf8');
      expect(code).not.toMatch(/import\(\s*["']https?:/);
      expect(code).not.toMatch(/importScripts\(\s*["']https?:/);
    }
  });

  it('exposes no extension files to web pages', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});
