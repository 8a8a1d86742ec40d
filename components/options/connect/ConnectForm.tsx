// The runner's own Strava API app: where to create it, the callback domain to give it, and its
// id and secret (checked here, sent to the background only).
import { useState } from 'preact/hooks';
import { STRAVA_API_SETTINGS_URL } from '../../../lib/strava/base-url';
import { clientIdProblem, clientSecretProblem } from '../../../lib/strava/credentials';
import { StravaConnectButton } from './StravaConnectButton';

export function ConnectForm(props: {
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
