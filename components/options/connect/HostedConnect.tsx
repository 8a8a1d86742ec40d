// Hosted builds: one click through Bounceback's own Strava app (the token broker holds its
// secret), shown first; the runner's own app stays available underneath.
import type { ComponentChildren } from 'preact';
import { StravaConnectButton } from './StravaConnectButton';

export function HostedConnect(props: {
  busy: boolean;
  reconnect: boolean;
  onConnect: () => void;
  /** The own-app form, folded away under "use your own Strava app". */
  children: ComponentChildren;
}) {
  return (
    <div class="hosted-connect">
      {props.reconnect && (
        <p class="warning" role="alert">
          Strava no longer accepts Bounceback’s sign-in. Connect again; your plans and check-ins are
          kept.
        </p>
      )}
      <p class="why">
        One click: Strava asks you to approve Bounceback, and your runs stay in this browser. The
        Bounceback service only passes on Strava’s sign-in and says when a new run is there.
      </p>
      <StravaConnectButton onClick={props.onConnect} busy={props.busy} />
      {props.busy && <p role="status">Waiting for Strava… finish in the Strava window.</p>}
      <details class="own-app">
        <summary>Use your own Strava app instead</summary>
        {props.children}
      </details>
    </div>
  );
}
