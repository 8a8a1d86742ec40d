// Every way talking to Strava can fail, as one discriminated type with a message a runner can act
// on. Thrown as StravaError; crosses the message boundary as plain StravaErrorInfo.

type OAuthReason =
  | 'cancelled'
  | 'scope-refused'
  | 'bad-client'
  | 'redirect-mismatch'
  | 'bad-code'
  | 'state-mismatch'
  | 'failed';

type ReconnectReason = 'not-connected' | 'refresh-failed';

export type StravaErrorDetail =
  | { kind: 'bad-response'; endpoint: string; path: string; issue: string }
  | { kind: 'unauthorized'; endpoint: string; missingPermission?: string }
  | { kind: 'reconnect-needed'; reason: ReconnectReason }
  | { kind: 'rate-limited'; until: number; selfImposed: boolean }
  | { kind: 'offline'; endpoint: string }
  | { kind: 'server'; endpoint: string; status: number }
  | { kind: 'not-found'; endpoint: string }
  | { kind: 'timeout'; endpoint: string; afterMs: number }
  | { kind: 'oauth'; reason: OAuthReason; redirectDomain?: string };

export type StravaErrorKind = StravaErrorDetail['kind'];

/** What crosses to the UI: the kind, the runner-readable message and the detail's fields. */
export type StravaErrorInfo = StravaErrorDetail & { message: string };

const clock = (epochMs: number): string =>
  new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Connecting is the runner's own action; everything else is retried by the sync. */
function later(endpoint: string): string {
  return endpoint.startsWith('oauth/') && !endpoint.includes('refresh')
    ? 'Check your connection and try again.'
    : 'Bounceback will try again later; nothing is lost.';
}

function describe(detail: StravaErrorDetail): string {
  switch (detail.kind) {
    case 'bad-response':
      return `Strava sent an answer Bounceback doesn't understand (${detail.path || 'body'}: ${detail.issue}). ${later(detail.endpoint)}`;
    case 'unauthorized':
      return detail.missingPermission
        ? `Strava refused: the permission "${detail.missingPermission}" was not granted. Reconnect Strava in Bounceback's options and leave every box ticked.`
        : "Strava refused Bounceback's access. Reconnect Strava in Bounceback's options.";
    case 'reconnect-needed':
      return detail.reason === 'not-connected'
        ? "Bounceback isn't connected to Strava yet. Open Bounceback's options and connect."
        : "Strava no longer accepts Bounceback's sign-in (access was revoked or expired). Reconnect Strava in Bounceback's options; your plans and check-ins are kept.";
    case 'rate-limited':
      return detail.selfImposed
        ? `Bounceback is pacing itself to stay inside Strava's limits; it will check again after ${clock(detail.until)}.`
        : `Strava's request limit was reached; Bounceback will wait until ${clock(detail.until)} and then continue.`;
    case 'offline':
      return `Can't reach Strava: you seem to be offline. ${later(detail.endpoint)}`;
    case 'server':
      return `Strava is having trouble right now (error ${detail.status}). ${later(detail.endpoint)}`;
    case 'not-found':
      return 'Strava says this no longer exists (it may have been deleted or made private).';
    case 'timeout':
      return `Strava didn't answer within ${Math.round(detail.afterMs / 1000)} s. ${later(detail.endpoint)}`;
    case 'oauth':
      return describeOAuth(detail.reason, detail.redirectDomain);
  }
}

function describeOAuth(reason: OAuthReason, domain?: string): string {
  const domainHint = domain ? `"${domain}"` : 'the domain shown above';
  switch (reason) {
    case 'cancelled':
      return `Strava wasn't connected: the Strava window was closed or access was declined. If Strava showed "redirect_uri invalid", set the Authorization Callback Domain of your app to ${domainHint} first.`;
    case 'scope-refused':
      return 'Strava wasn\'t connected: reading your activities was not allowed. Connect again and leave "View data about your activities" (including private ones) ticked; Bounceback cannot build plans without it.';
    case 'bad-client':
      return 'Strava rejected the Client ID or Client Secret. Copy both again from strava.com/settings/api (the secret may have been regenerated).';
    case 'redirect-mismatch':
      return `Strava rejected the callback: your app's Authorization Callback Domain must be exactly ${domainHint}. Change it at strava.com/settings/api and connect again.`;
    case 'bad-code':
      return 'Strava did not accept the sign-in code (it expired or was already used). Click "Connect with Strava" again.';
    case 'state-mismatch':
      return 'The answer from Strava did not match this connect attempt, so it was ignored. Click "Connect with Strava" again.';
    case 'failed':
      return 'Connecting to Strava failed. Check your connection and try again.';
  }
}

export class StravaError extends Error {
  readonly detail: StravaErrorDetail;

  constructor(detail: StravaErrorDetail) {
    super(describe(detail));
    this.name = 'StravaError';
    this.detail = detail;
  }

  get kind(): StravaErrorKind {
    return this.detail.kind;
  }

  info(): StravaErrorInfo {
    return { ...this.detail, message: this.message };
  }
}

export function isStravaError<K extends StravaErrorKind>(
  error: unknown,
  kind?: K,
): error is StravaError & { detail: Extract<StravaErrorDetail, { kind: K }> } {
  return error instanceof StravaError && (kind === undefined || error.detail.kind === kind);
}
