// `fetch` for Node code that thinks it talks to www.strava.com: every request goes to the
// simulator (trusting only its certificate), keeping Strava's Host header. Lets the extension's
// own client, token lifecycle and sync run unchanged in tests and the bench.
import type { Agent } from 'node:https';
import type { Fetch } from '../../lib/strava/request';
import { simRequest } from './sim-request';

export function simFetch(
  sim: { port: number; certPem: string },
  opts: { agent?: Agent } = {},
): Fetch {
  return async (input, init) => {
    const url = new URL(input);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    const pending = simRequest(sim, url.pathname + url.search, {
      method: init?.method ?? 'GET',
      host: url.host,
      headers,
      body,
      agent: opts.agent,
    });
    const res = await (init?.signal
      ? Promise.race([
          pending,
          new Promise<never>((_, reject) =>
            init.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            ),
          ),
        ])
      : pending);
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    return new Response(res.status === 204 ? null : res.text, { status: res.status, headers: out });
  };
}
