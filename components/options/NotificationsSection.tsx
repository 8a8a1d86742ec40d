import { POLL_MINUTES } from '../../lib/forms/settings-form';
import type { Settings } from '../../lib/model/settings';
import { FieldError } from '../shared/FieldError';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { useSettingsForm } from './useSettingsForm';

export interface NotificationsSectionProps {
  settings: Settings;
  onSave(next: Settings): Promise<SaveOutcome>;
}

const KINDS = [
  ['classified', 'A new run has its plan'],
  ['refuelClosing', 'The refuel window is closing'],
  ['morningReminder', 'Morning check-in reminder'],
] as const;

/** Which notifications to show, when the morning reminder comes, and how often to check Strava. */
export function NotificationsSection({ settings, onSave }: NotificationsSectionProps) {
  const { errors, status, busy, submit, invalid } = useSettingsForm(
    settings,
    'metric',
    'notifications',
    onSave,
  );
  const { notifications } = settings;
  return (
    <section class="bb-section" aria-labelledby="notif-title">
      <h2 id="notif-title">Notifications</h2>
      <form
        class="bb-form"
        noValidate
        onSubmit={submit}
        key={JSON.stringify([notifications, settings.pollMinutes])}
      >
        <fieldset>
          <legend>Notify me when</legend>
          {KINDS.map(([name, label]) => (
            <label key={name} class="bb-check">
              <input type="checkbox" name={name} defaultChecked={notifications[name]} />
              {label}
            </label>
          ))}
        </fieldset>
        <div class="bb-field">
          <label for="n-time">Morning reminder at</label>
          <input
            id="n-time"
            type="time"
            name="morningTime"
            defaultValue={notifications.morningTime}
            aria-invalid={invalid('morningTime')}
            aria-describedby="n-time-error"
          />
          <FieldError id="n-time-error" message={errors.morningTime} />
        </div>
        <div class="bb-field">
          <label for="n-poll">Check Strava every (minutes)</label>
          <input
            id="n-poll"
            name="pollMinutes"
            inputMode="numeric"
            size={4}
            defaultValue={String(settings.pollMinutes)}
            aria-invalid={invalid('pollMinutes')}
            aria-describedby="n-poll-hint n-poll-error"
          />
          <p id="n-poll-hint" class="bb-hint">
            {POLL_MINUTES.min} to {POLL_MINUTES.max}. More often spends more of your Strava app’s
            daily allowance.
          </p>
          <FieldError id="n-poll-error" message={errors.pollMinutes} />
        </div>
        <div class="bb-actions">
          <button type="submit" class="bb-primary" disabled={busy}>
            Save notifications
          </button>
          <p role="status" class={status?.ok === false ? 'bb-error' : 'bb-ok'}>
            {status?.text}
          </p>
        </div>
      </form>
    </section>
  );
}
