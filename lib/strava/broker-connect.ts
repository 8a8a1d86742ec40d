// Hosted mode's one-click connect, run in the background: launchWebAuthFlow on the broker's
// /connect, which sends the runner to Strava with the shared app and comes back to this
// extension's redirect URL with `#session=…&state=…&athlete_id=…&scope=…` or `#error=…`.
// The state is ours and checked; the fragment is untrusted input and parsed with zod.
import type { BrokerSession } from '../model/broker-session';
import type { BrokerClient } from './broker-client';
import { BrokerGrantSchema } from './broker-schemas';
import type { Identity } from './connect';
import { StravaError } from './errors';

/** The runner's session as the broker granted it (not yet stored). */
export async function authorizeThroughBroker(
  broker: BrokerClient,
  identity: Identity,
  randomState: () => string = () => crypto.randomUUID(),
): Promise<BrokerSession> {
  const state = randomState();
  const url = broker.connectUrl(identity.getRedirectURL(), state);
  let redirected: string | undefined;
  try {
    redirected = await identity.launchWebAuthFlow({ url, interactive: true });
  } catch {
    redirected = undefined;
  }
  if (!redirected) throw new StravaError({ kind: 'oauth', reason: 'cancelled' });
  return readGrant(redirected, state);
}

/** Reads the broker's redirect; throws StravaError('oauth') for anything but a matching grant. */
export function readGrant(redirected: string, expectedState: string): BrokerSession {
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries(new URLSearchParams(new URL(redirected).hash.slice(1)));
  } catch {
    throw new StravaError({ kind: 'oauth', reason: 'failed' });
  }
  if (fields.state !== expectedState) {
    throw new StravaError({ kind: 'oauth', reason: 'state-mismatch' });
  }
  if (fields.error) {
    const reason =
      fields.error === 'access_denied'
        ? 'cancelled'
        : fields.error === 'insufficient_scope'
          ? 'scope-refused'
          : 'failed';
    throw new StravaError({ kind: 'oauth', reason });
  }
  const grant = BrokerGrantSchema.safeParse(fields);
  if (!grant.success) throw new StravaError({ kind: 'oauth', reason: 'failed' });
  return {
    session: grant.data.session,
    athleteId: grant.data.athlete_id,
    scopes: grant.data.scope.split(/[,\s]+/).filter(Boolean),
    accessToken: null,
    expiresAt: 0,
    needsReconnect: false,
    eventCursor: 0,
    listedAt: 0,
  };
}
