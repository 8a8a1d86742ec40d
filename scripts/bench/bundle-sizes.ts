// Bytes each entrypoint costs in the built extension: its own file plus every chunk it imports
// (shared chunks count for each entrypoint that loads them), raw and gzip.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

const IMPORT_RE =
  /(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']|import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

function closure(buildDir: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => normalize(join(buildDir, e)));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js') && !file.endsWith('.html')) continue;
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      for (const m of text.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
        const ref = m[1]!;
        if (!/^[a-z]+:/.test(ref))
          stack.push(normalize(join(ref.startsWith('/') ? buildDir : dirname(file), ref)));
      }
      continue;
    }
    for (const m of text.matchAll(IMPORT_RE)) {
      stack.push(normalize(join(dirname(file), (m[1] ?? m[2])!)));
    }
  }
  return [...seen];
}

function sizeOf(buildDir: string, entries: string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const file of closure(buildDir, entries)) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export function bundleSizes(
  buildDir: string,
): Record<'background' | 'content' | 'popup' | 'options', Size> {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  // What an activity page loads for the panel: its page (framed there) and any content script
  // (Firefox declares one; Chromium's worker places the frame with a function of its own).
  const declared = (manifest.content_scripts ?? []).flatMap(
    (c: { js?: string[]; css?: string[] }) => [...(c.js ?? []), ...(c.css ?? [])],
  );
  const injected = existsSync(join(buildDir, 'content-scripts'))
    ? readdirSync(join(buildDir, 'content-scripts')).map((f) => `content-scripts/${f}`)
    : [];
  const content = [...new Set([...declared, ...injected, 'panel.html'])];
  return {
    background: sizeOf(buildDir, [manifest.background?.service_worker ?? 'background.js']),
    content: sizeOf(buildDir, content),
    popup: sizeOf(buildDir, ['popup.html']),
    options: sizeOf(buildDir, ['options.html']),
  };
}
