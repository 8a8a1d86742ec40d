// Hosted mode in the background (a build that names a broker): one-click connect through the
// broker, disconnect (the broker deletes the athlete's tokens, sessions and events, then the
// session is forgotten here), and the broker client the event follower reads the feed with.
import type { Connection } from '../model/connection';
import type { BrokerClient } from '../strava/broker-client';
import { authorizeThroughBroker } from '../strava/broker-connect';
import type { BrokerTokens } from '../strava/broker-tokens';
import type { StravaClient } from '../strava/client';
import { athleteOf, type Identity, limitationsFor } from '../strava/connect';
import { StravaError } from '../strava/errors';
import type { DetailedAthlete } from '../strava/schemas';

export interface HostedAccess {
  readonly broker: BrokerClient;
  readonly tokens: BrokerTokens;
}

/** Authorizes through the broker, stores the session, reads the athlete with the new token. */
export async function connectHosted(
  hosted: HostedAccess,
  deps: { identity: Identity; client: StravaClient; now: () => number },
): Promise<Omit<Connection, 'budget'>> {
  const record = await authorizeThroughBroker(hosted.broker, deps.identity);
  const limitations = limitationsFor(record.scopes);
  await hosted.tokens.connect(record);
  let detail: DetailedAthlete | null = null;
  try {
    detail = await deps.client.athlete({ urgent: true });
  } catch {
    // The connection stands; the name shows once a later read succeeds.
  }
  if (detail && detail.id !== record.athleteId) {
    // The broker's token is for someone else: nothing of that account is kept or shown.
    await hosted.tokens.clear();
    throw new StravaError({ kind: 'oauth', reason: 'failed' });
  }
  return {
    state: 'connected',
    mode: 'hosted',
    clientId: null,
    athlete: athleteOf({ id: record.athleteId }, detail),
    scopes: record.scopes,
    limitations,
    updatedAt: deps.now(),
  };
}

/** Tells the broker (which tells Strava), then forgets the session whatever it answered. */
export async function disconnectHosted(hosted: HostedAccess): Promise<{ told: boolean }> {
  const record = await hosted.tokens.record();
  let told = false;
  if (record) {
    try {
      await hosted.broker.disconnect(record.session);
      told = true;
    } catch {
      told = false;
    }
  }
  await hosted.tokens.clear();
  return { told };
}
