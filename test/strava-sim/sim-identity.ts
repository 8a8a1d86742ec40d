// browser.identity as Chromium behaves, against the simulator: load Strava's authorize page,
// press Authorize or Cancel (untick scopes if asked), and hand back the redirect URL.
import type { Identity } from '../../lib/strava/connect';
import { simRequest } from './sim-request';

export interface SimIdentityOptions {
  redirectUrl?: string;
  decision?: 'authorize' | 'cancel';
  /** Scopes the runner leaves ticked; default all requested. */
  grant?: string[];
}

export function simIdentity(
  sim: { port: number; certPem: string },
  opts: SimIdentityOptions = {},
): Identity {
  const redirectUrl =
    opts.redirectUrl ?? 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
  return {
    getRedirectURL: () => redirectUrl,
    async launchWebAuthFlow({ url }) {
      const u = new URL(url);
      const page = await simRequest(sim, u.pathname + u.search);
      // Approved before (approval_prompt=auto): Strava redirects straight back.
      if (page.status === 302 && typeof page.headers.location === 'string') {
        return page.headers.location;
      }
      if (page.status !== 200) throw new Error('Authorization page could not be loaded.');
      const form = new URLSearchParams();
      for (const [k, v] of u.searchParams) if (k !== 'scope') form.set(k, v);
      form.set('decision', opts.decision ?? 'authorize');
      const requested = (u.searchParams.get('scope') ?? 'read').split(',');
      for (const s of opts.grant ?? requested) form.append('scope', s);
      const res = await simRequest(sim, '/oauth/accept', {
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const location = res.headers.location;
      if (res.status !== 302 || typeof location !== 'string') {
        throw new Error('Authorization page could not be loaded.');
      }
      // Chromium rejects when the runner closes or cancels; Strava redirects with an error.
      return location;
    },
  };
}
