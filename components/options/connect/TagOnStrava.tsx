// "Also tag it on Strava": off by default. Ticking it asks Strava, once, for permission to edit
// activities (a second authorization), and says plainly what happens if the runner refuses.
import { useState } from 'preact/hooks';

export function TagOnStrava(props: {
  on: boolean;
  onChange(on: boolean): Promise<{ on: boolean; message: string }>;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="tag-on-strava">
      <label>
        <input
          type="checkbox"
          checked={props.on}
          disabled={busy}
          onChange={async (e) => {
            const want = (e.currentTarget as HTMLInputElement).checked;
            setBusy(true);
            setMessage(null);
            try {
              setMessage((await props.onChange(want)).message);
            } catch {
              setMessage('Bounceback’s background did not answer. Reload this page.');
            } finally {
              setBusy(false);
            }
          }}
        />{' '}
        Also tag my corrections on Strava
      </label>
      <p class="hint">
        When you tell Bounceback a run was easy, a workout, a long run or a race, it can set the
        same tag (workout type) on Strava. That needs Strava’s permission to edit your activities:
        Strava asks you once when you tick this. Bounceback changes nothing else.
      </p>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
