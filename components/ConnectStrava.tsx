// Options page section: connect Bounceback to the runner's own Strava API application.
// Everything secret goes straight to the background; this page only ever shows status.

import { useEffect, useState } from 'preact/hooks';
import { type MessageError, sendMessage } from '../lib/messages';
import { type Connection, connectionItem } from '../lib/store/connection';
import { STRAVA_API_SETTINGS_URL } from '../lib/strava/base-url';
import { clientIdProblem, clientSecretProblem } from '../lib/strava/credentials';
import { StravaConnectButton } from './StravaConnectButton';

const SCOPE_NAMES: Record<string, string> = {
  read: 'Public profile, segments and routes',
  'activity:read_all': 'All your activities, including private ones',
  'activity:read': 'Your activities except private ones',
  'profile:read_all': 'Your full profile (weight, units)',
};

const UNIT_NAMES = { metric: 'Metric (km, kg)', imperial: 'Imperial (mi, lb)' } as const;

/** The background did not answer at all (extension reloaded, worker crashed). */
const unexpected = (message: string): MessageError => ({
  kind: 'oauth',
  reason: 'failed',
  message,
});

type Phase = 'loading' | 'idle' | 'connecting' | 'disconnecting';

function callbackHost(redirectUrl: string | null): string | null {
  if (!redirectUrl) return null;
  try {
    return new URL(redirectUrl).hostname;
  } catch {
    return null;
  }
}

export function ConnectStrava() {
  const [connection, setConnection] = useState<Connection | null>(null);
  const [redirectUrl, setRedirectUrl] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<MessageError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([sendMessage('getConnection'), sendMessage('getRedirectUrl')])
      .then(([c, url]) => {
        if (!live) return;
        setConnection(c);
        setRedirectUrl(url);
        setPhase('idle');
      })
      .catch(() => {
        if (!live) return;
        setError(unexpected('Bounceback’s background did not answer. Reload this page.'));
        setPhase('idle');
      });
    // A refresh failing in the background flips the state to "reconnect needed" while open.
    const unwatch = connectionItem.watch((c) => setConnection(c));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  async function connect(clientId: string, clientSecret: string | undefined) {
    setPhase('connecting');
    setError(null);
    setNotice(null);
    try {
      const result = await sendMessage('connect', { clientId, clientSecret });
      if (result.ok) setConnection(result.value);
      else setError(result.error);
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
      const result = await sendMessage('disconnect');
      if (result.ok) {
        setConnection(result.value.connection);
        setNotice(
          result.value.notice ??
            'Disconnected. Bounceback no longer has access to your Strava account.',
        );
      } else {
        setError(result.error);
      }
    } catch {
      setError(unexpected('Disconnecting failed unexpectedly. Reload this page and try again.'));
    } finally {
      setPhase('idle');
    }
  }

  const host = callbackHost(redirectUrl);

  return (
    <section
      class="connect-strava"
      aria-labelledby="connect-strava-title"
      aria-busy={phase === 'loading'}
    >
      <h2 id="connect-strava-title">Strava</h2>
      {phase === 'loading' && <p>Loading…</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {phase !== 'loading' && connection?.state === 'connected' && (
        <Connected
          connection={connection}
          busy={phase === 'disconnecting'}
          onDisconnect={disconnect}
        />
      )}
      {phase !== 'loading' && connection && connection.state !== 'connected' && (
        <>
          {connection.state === 'reconnect-needed' && (
            <p class="warning" role="alert">
              Strava no longer accepts Bounceback’s sign-in. Enter your app’s details and connect
              again; your plans and check-ins are kept.
            </p>
          )}
          <ConnectForm
            host={host}
            savedClientId={connection.state === 'reconnect-needed' ? connection.clientId : null}
            busy={phase === 'connecting'}
            onConnect={connect}
          />
        </>
      )}
    </section>
  );
}

function Connected(props: { connection: Connection; busy: boolean; onDisconnect: () => void }) {
  const { athlete, scopes, limitations } = props.connection;
  return (
    <div class="connected">
      <div class="athlete">
        {athlete?.avatarUrl && <img src={athlete.avatarUrl} alt="" width={56} height={56} />}
        <div>
          <p class="athlete-name">
            Connected as <strong>{athlete?.name ?? 'your Strava account'}</strong>
          </p>
          <p>
            Units on Strava: {athlete?.units ? UNIT_NAMES[athlete.units] : 'not shared by Strava'}
          </p>
        </div>
      </div>
      <h3>Bounceback may read</h3>
      <ul>
        {scopes.map((s) => (
          <li key={s}>{SCOPE_NAMES[s] ?? s}</li>
        ))}
      </ul>
      {limitations.length > 0 && (
        <ul class="warning" aria-label="What will not work">
          {limitations.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="secondary"
        onClick={props.onDisconnect}
        disabled={props.busy}
        aria-busy={props.busy}
      >
        {props.busy ? 'Disconnecting…' : 'Disconnect'}
      </button>
    </div>
  );
}

function ConnectForm(props: {
  host: string | null;
  /** Reconnecting: the secret saved for this app may be reused by leaving the field empty. */
  savedClientId: string | null;
  busy: boolean;
  onConnect: (id: string, secret: string | undefined) => void;
}) {
  const [clientId, setClientId] = useState(props.savedClientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [showSecret, setShowSecret] = useState(false);
  const [touched, setTouched] = useState({ id: false, secret: false });
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const idProblem = clientIdProblem(clientId);
  const reuseSecret =
    props.savedClientId !== null && clientId.trim() === props.savedClientId && !clientSecret.trim();
  const secretProblem = reuseSecret ? null : clientSecretProblem(clientSecret);

  function submit() {
    setTouched({ id: true, secret: true });
    if (idProblem || secretProblem) {
      document.getElementById(idProblem ? 'strava-client-id' : 'strava-client-secret')?.focus();
      return;
    }
    props.onConnect(clientId.trim(), reuseSecret ? undefined : clientSecret.trim());
  }

  async function copy() {
    if (!props.host) return;
    try {
      await navigator.clipboard.writeText(props.host);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <form
      class="connect-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <p class="why">
        Strava’s sign-in needs the secret of a Strava API app, and a public extension must not ship
        one. So you register your own free app at Strava; its secret stays in this browser only.
      </p>
      <ol class="steps">
        <li>
          Open{' '}
          <a href={STRAVA_API_SETTINGS_URL} target="_blank" rel="noreferrer">
            strava.com/settings/api
          </a>{' '}
          and create an application (any name and website).
        </li>
        <li>
          Set its <strong>Authorization Callback Domain</strong> to exactly:
          <div class="copy-field">
            <code id="strava-callback-domain">{props.host ?? 'unavailable'}</code>
            <button
              type="button"
              class="secondary"
              onClick={copy}
              disabled={!props.host}
              aria-describedby="strava-callback-domain"
            >
              Copy
            </button>
            <span role="status" class="copy-status">
              {copied === 'yes'
                ? 'Copied.'
                : copied === 'no'
                  ? 'Copy failed: select the text and copy it.'
                  : ''}
            </span>
          </div>
          <small>This domain belongs to this browser; another browser needs its own app.</small>
        </li>
        <li>Copy the app’s Client ID and Client Secret here:</li>
      </ol>

      <div class="field">
        <label for="strava-client-id">Client ID</label>
        <input
          id="strava-client-id"
          name="clientId"
          inputMode="numeric"
          autoComplete="off"
          spellcheck={false}
          value={clientId}
          onInput={(e) => setClientId(e.currentTarget.value)}
          onBlur={() => setTouched((t) => ({ ...t, id: true }))}
          aria-invalid={touched.id && !!idProblem}
          aria-describedby={touched.id && idProblem ? 'strava-client-id-error' : undefined}
        />
        {touched.id && idProblem && (
          <p id="strava-client-id-error" class="field-error">
            {idProblem}
          </p>
        )}
      </div>

      <div class="field">
        <label for="strava-client-secret">Client Secret</label>
        <div class="secret-row">
          <input
            id="strava-client-secret"
            name="clientSecret"
            type={showSecret ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            value={clientSecret}
            onInput={(e) => setClientSecret(e.currentTarget.value)}
            onBlur={() => setTouched((t) => ({ ...t, secret: true }))}
            aria-invalid={touched.secret && !!secretProblem}
            aria-describedby={
              touched.secret && secretProblem ? 'strava-client-secret-error' : undefined
            }
          />
          <button
            type="button"
            class="secondary"
            onClick={() => setShowSecret((s) => !s)}
            aria-pressed={showSecret}
          >
            {showSecret ? 'Hide' : 'Show'}
          </button>
        </div>
        {props.savedClientId !== null && (
          <p id="strava-client-secret-hint" class="hint">
            Leave empty to reuse the secret saved for app {props.savedClientId}; paste a new one if
            you regenerated it.
          </p>
        )}
        {touched.secret && secretProblem && (
          <p id="strava-client-secret-error" class="field-error">
            {secretProblem}
          </p>
        )}
      </div>

      <StravaConnectButton onClick={submit} busy={props.busy} />
      {props.busy && <p role="status">Waiting for Strava… finish in the Strava window.</p>}
    </form>
  );
}
