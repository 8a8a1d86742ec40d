import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The JSON files the eval commands read: each file named, and each folder's .json files in order. */
export function filesOf(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}
