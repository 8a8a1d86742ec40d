// Checks lib/recovery's SOURCES against the real protocol page and seed folder in ../shared
// (beside the repository). Skipped with a message when ../shared is not there.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STEP_TABLE } from '../../../lib/recovery/protocol';
import { SOURCES, type SourceId, seedNumber } from '../../../lib/recovery/sources';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const shared = resolve(repoRoot, '..', 'shared');
const protocolPath = resolve(shared, 'recovery-protocol.md');
const seedsDir = resolve(shared, 'seeds');
const hasShared = existsSync(protocolPath) && existsSync(seedsDir);

if (!hasShared) {
  console.info(`recovery sources: skipped the check against ${shared} (not found)`);
}

describe.skipIf(!hasShared)(`sources against ${shared}`, () => {
  const protocol = hasShared ? readFileSync(protocolPath, 'utf8') : '';
  const seedFiles = hasShared ? readdirSync(seedsDir) : [];

  it.each(Object.keys(SOURCES) as SourceId[])(
    '%s is a seed file or a reference in recovery-protocol.md',
    (source) => {
      const seed = seedNumber(source);
      if (seed) {
        expect(seedFiles.some((file) => file.startsWith(`${seed}_`))).toBe(true);
        expect(protocol).toMatch(new RegExp(`\\b${seed}\\b`));
      } else {
        expect(protocol).toContain(source);
      }
    },
  );

  it('every seed file is listed', () => {
    const listed = Object.keys(SOURCES)
      .map((s) => seedNumber(s as SourceId))
      .filter(Boolean);
    for (const file of seedFiles.filter((f) => f.endsWith('.txt'))) {
      expect(listed).toContain(file.slice(0, 3));
    }
  });

  it('every step row cites a source that exists there', () => {
    for (const row of STEP_TABLE) {
      const seed = seedNumber(row.source);
      if (seed) expect(seedFiles.some((file) => file.startsWith(`${seed}_`))).toBe(true);
      else expect(protocol).toContain(row.source);
    }
  });
});
