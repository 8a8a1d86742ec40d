// A tiny HTTPS client for talking to the simulator from Node (tests, bench): it connects to
// 127.0.0.1:PORT, trusts only the simulator's certificate and sends the Host header of the
// Strava host it pretends to reach.
import { type Agent, request } from 'node:https';

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = unknown>(): T;
}

export interface SimRequestOptions {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; an object as a form (application/x-www-form-urlencoded). */
  body?: string | Record<string, string>;
  /** A keep-alive agent saves a TLS handshake per request (the fault schedules send thousands). */
  agent?: Agent;
}

export function simRequest(
  sim: { port: number; certPem: string },
  path: string,
  opts: SimRequestOptions = {},
): Promise<SimResponse> {
  const host = opts.host ?? 'www.strava.com';
  const headers: Record<string, string> = { host, ...opts.headers };
  let body: string | undefined;
  if (typeof opts.body === 'string') body = opts.body;
  else if (opts.body) {
    body = new URLSearchParams(opts.body).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: host,
        path,
        method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ca: sim.certPem,
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
