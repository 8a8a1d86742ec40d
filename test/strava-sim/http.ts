// Small response/request helpers shared by the route modules, so every answer carries the
// headers a real strava.com answer does (content type with charset, no caching, a Date).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Headers = {},
) {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}) {
  send(res, status, html, 'text/html; charset=utf-8', headers);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Headers = {},
) {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'max-age=0, private, must-revalidate',
    Vary: 'Accept, Origin',
    ...headers,
  });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

const MAX_BODY = 1 << 20;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parameters from the query string, then a form or JSON body (Strava's token endpoint takes all three). */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const out: Record<string, string> = Object.fromEntries(url.searchParams);
  const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
  if (!raw) return out;
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (v != null) out[k] = String(v);
      }
    } catch {
      // A body that is not JSON is treated like a missing one, as Strava does (400 later).
    }
  } else {
    for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  }
  return out;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
