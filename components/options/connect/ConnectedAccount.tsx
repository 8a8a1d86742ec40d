// What Bounceback may read from the connected account, and the way out.
import type { Connection } from '../../../lib/model/connection';
import { TagOnStrava } from './TagOnStrava';

const SCOPE_NAMES: Record<string, string> = {
  read: 'Public profile, segments and routes',
  'activity:read_all': 'All your activities, including private ones',
  'activity:read': 'Your activities except private ones',
  'profile:read_all': 'Your full profile (weight, units)',
  'activity:write': 'Set the workout type of your activities (your corrections)',
};

const UNIT_NAMES = { metric: 'Metric (km, kg)', imperial: 'Imperial (mi, lb)' } as const;

export function ConnectedAccount(props: {
  connection: Connection;
  busy: boolean;
  onDisconnect: () => void;
  tagOnStrava: boolean;
  onTagOnStrava(on: boolean): Promise<{ on: boolean; message: string }>;
}) {
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
      <TagOnStrava
        on={props.tagOnStrava && scopes.includes('activity:write')}
        onChange={props.onTagOnStrava}
      />
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
