// Options page section: connect Bounceback to the runner's own Strava API application. Props in
// like its siblings: the options page loads the connection and sends the messages; everything
// secret goes straight to the background, and this section only ever shows status.
import { useState } from 'preact/hooks';
import type { DisconnectOutcome, MessageError, Result } from '../../../lib/messaging/protocol';
import type { Connection } from '../../../lib/model/connection';
import { ConnectedAccount } from './ConnectedAccount';
import { ConnectForm } from './ConnectForm';
import { HostedConnect } from './HostedConnect';

interface ConnectActions {
  connect(clientId: string, clientSecret: string | undefined): Promise<Result<Connection>>;
  /** One click through the broker (hosted builds). */
  connectHosted(): Promise<Result<Connection>>;
  disconnect(): Promise<Result<DisconnectOutcome>>;
  setTagOnStrava(on: boolean): Promise<{ on: boolean; message: string }>;
}

interface Props {
  /** Null while loading. */
  connection: Connection | null;
  redirectUrl: string | null;
  /** Loading the connection failed: shown instead of the form. */
  loadError: MessageError | null;
  /** The "Also tag it on Strava" setting. */
  tagOnStrava: boolean;
  /** A hosted build: one-click connect through Bounceback's broker comes first. */
  hosted?: boolean;
  actions: ConnectActions;
}

/** The background did not answer at all (extension reloaded, worker crashed). */
const unexpected = (message: string): MessageError => ({
  kind: 'oauth',
  reason: 'failed',
  message,
});

type Phase = 'idle' | 'connecting' | 'disconnecting';

function callbackHost(redirectUrl: string | null): string | null {
  if (!redirectUrl) return null;
  try {
    return new URL(redirectUrl).hostname;
  } catch {
    return null;
  }
}

export function ConnectStrava({
  connection,
  redirectUrl,
  loadError,
  tagOnStrava,
  hosted = false,
  actions,
}: Props) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<MessageError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const loading = !connection && !loadError;

  async function connect(clientId: string, clientSecret: string | undefined) {
    await attempt(() => actions.connect(clientId, clientSecret));
  }

  async function attempt(run: () => Promise<Result<Connection>>) {
    setPhase('connecting');
    setError(null);
    setNotice(null);
    try {
      const result = await run();
      if (!result.ok) setError(result.error);
    } catch {
      setError(unexpected('Connecting failed unexpectedly. Reload this page and try again.'));
    } finally {
      setPhase('idle');
    }
  }

  async function disconnect() {
    setPhase('disconnecting');
    setError(null);
    try {
      const result = await actions.disconnect();
      if (result.ok)
        setNotice(
          result.value.notice ??
            'Disconnected. Bounceback no longer has access to your Strava account.',
        );
      else setError(result.error);
    } catch {
      setError(unexpected('Disconnecting failed unexpectedly. Reload this page and try again.'));
    } finally {
      setPhase('idle');
    }
  }

  const shown = error ?? loadError;
  return (
    <section class="connect-strava" aria-labelledby="connect-strava-title" aria-busy={loading}>
      <h2 id="connect-strava-title">Strava</h2>
      {loading && <p>Loading…</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {shown && (
        <p class="error" role="alert">
          {shown.message}
        </p>
      )}
      {connection?.state === 'connected' && (
        <ConnectedAccount
          connection={connection}
          busy={phase === 'disconnecting'}
          onDisconnect={disconnect}
          tagOnStrava={tagOnStrava}
          onTagOnStrava={actions.setTagOnStrava}
        />
      )}
      {connection && connection.state !== 'connected' && hosted && (
        <HostedConnect
          busy={phase === 'connecting'}
          reconnect={connection.state === 'reconnect-needed' && connection.mode === 'hosted'}
          onConnect={() => void attempt(() => actions.connectHosted())}
        >
          <ConnectForm
            host={callbackHost(redirectUrl)}
            savedClientId={connection.mode === 'own-app' ? connection.clientId : null}
            busy={phase === 'connecting'}
            onConnect={connect}
          />
        </HostedConnect>
      )}
      {connection && connection.state !== 'connected' && !hosted && (
        <>
          {connection.state === 'reconnect-needed' && (
            <p class="warning" role="alert">
              Strava no longer accepts Bounceback’s sign-in. Enter your app’s details and connect
              again; your plans and check-ins are kept.
            </p>
          )}
          <ConnectForm
            host={callbackHost(redirectUrl)}
            savedClientId={connection.state === 'reconnect-needed' ? connection.clientId : null}
            busy={phase === 'connecting'}
            onConnect={connect}
          />
        </>
      )}
    </section>
  );
}
