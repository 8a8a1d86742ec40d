// The one API application registered with the simulated Strava (strava.com/settings/api).
// Callback-domain policy, as on Strava: a redirect_uri is accepted when its host equals one of
// the app's callback domains or is a subdomain of it ("*.x" and "x" both mean x and its
// subdomains); localhost and 127.0.0.1 are always accepted (Strava whitelists them for
// development). The default domains cover Chromium's and Firefox's extension redirect hosts.

export interface SimApp {
  clientId: string;
  clientSecret: string;
  callbackDomains: string[];
}

export const DEFAULT_CLIENT_ID = '90210';
// 40 hex characters, like a real Strava client secret (the options page checks the shape).
export const DEFAULT_CLIENT_SECRET = '5eed5eed0000000000000000000000000000b0bb';
const DEFAULT_CALLBACK_DOMAINS = [
  '*.chromiumapp.org',
  '*.extensions.allizom.org',
  'localhost',
  '127.0.0.1',
];

export function defaultApp(): SimApp {
  return {
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    callbackDomains: [...DEFAULT_CALLBACK_DOMAINS],
  };
}

export function redirectAllowed(app: SimApp, redirectUri: string): boolean {
  let host: string;
  try {
    host = new URL(redirectUri).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '127.0.0.1') return true;
  return app.callbackDomains.some((d) => {
    const domain = d.toLowerCase().replace(/^\*\./, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
}
