import { useRef, useState } from 'preact/hooks';
import { parseNumber } from '../../lib/forms/parse-number';
import type { Units } from '../../lib/model/profile';
import type { Settings } from '../../lib/model/settings';
import { formatNumber, KG_PER_LB } from '../../lib/recovery/units';
import { FieldError } from '../shared/FieldError';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { useSettingsForm } from './useSettingsForm';

export interface ProfileSectionProps {
  settings: Settings;
  /** Units from the Strava profile (metric when not known yet). */
  stravaUnits: Units;
  /** Weight from the Strava profile, kg, shown as the fallback. */
  stravaWeightKg?: number;
  /** The zone check-ins are keyed in. */
  timeZone: string;
  onSave(next: Settings): Promise<SaveOutcome>;
}

/** Weight, age, units and training phase; empty fields fall back to Strava's profile. */
export function ProfileSection({
  settings,
  stravaUnits,
  stravaWeightKg,
  timeZone,
  onSave,
}: ProfileSectionProps) {
  const { errors, status, busy, submit, invalid } = useSettingsForm(
    settings,
    stravaUnits,
    'profile',
    onSave,
  );
  const { profile } = settings;
  // Weight is typed in the units chosen in this form, so the label follows the choice and a typed
  // weight is converted when the choice changes (70 kg must not become 70 lb).
  const [choice, setChoice] = useState<string>(profile.units ?? 'strava');
  const [shownFor, setShownFor] = useState(profile);
  if (shownFor !== profile) {
    setShownFor(profile);
    setChoice(profile.units ?? 'strava');
  }
  const weightRef = useRef<HTMLInputElement>(null);
  const unitsOf = (c: string): Units => (c === 'metric' || c === 'imperial' ? c : stravaUnits);
  const units = unitsOf(choice);
  const unit = units === 'imperial' ? 'lb' : 'kg';
  const savedUnits = profile.units ?? stravaUnits;
  const weight = (kg: number | undefined, u: Units = savedUnits) =>
    kg === undefined ? '' : formatNumber(u === 'imperial' ? kg / KG_PER_LB : kg, 1);

  function changeUnits(next: string) {
    const input = weightRef.current;
    const typed = input ? parseNumber(input.value) : undefined;
    if (input && typed !== undefined && Number.isFinite(typed) && unitsOf(next) !== units) {
      const kg = units === 'imperial' ? typed * KG_PER_LB : typed;
      input.value = weight(kg, unitsOf(next));
    }
    setChoice(next);
  }

  return (
    <section class="bb-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form class="bb-form" noValidate onSubmit={submit} key={JSON.stringify(profile)}>
        <div class="bb-field">
          <label for="p-units">Units</label>
          <select
            id="p-units"
            name="units"
            defaultValue={profile.units ?? 'strava'}
            onChange={(e) => changeUnits(e.currentTarget.value)}
            aria-invalid={invalid('units')}
            aria-describedby="p-units-error"
          >
            <option value="strava">As on Strava ({stravaUnits})</option>
            <option value="metric">Metric (kg, km, ml)</option>
            <option value="imperial">Imperial (lb, mi, fl oz)</option>
          </select>
          <FieldError id="p-units-error" message={errors.units} />
        </div>
        <div class="bb-field">
          <label for="p-weight">Body weight ({unit})</label>
          <input
            id="p-weight"
            name="weight"
            inputMode="decimal"
            autoComplete="off"
            size={6}
            ref={weightRef}
            defaultValue={weight(profile.weightKg)}
            aria-invalid={invalid('weight')}
            aria-describedby="p-weight-hint p-weight-error"
          />
          <p id="p-weight-hint" class="bb-hint">
            Sizes protein and carbohydrate amounts.{' '}
            {stravaWeightKg !== undefined
              ? `Leave empty to use Strava’s (${weight(stravaWeightKg, units)} ${unit}).`
              : 'Leave empty to use Strava’s, if set there.'}{' '}
            Typed in the units chosen above.
          </p>
          <FieldError id="p-weight-error" message={errors.weight} />
        </div>
        <div class="bb-field">
          <label for="p-age">Age</label>
          <input
            id="p-age"
            name="age"
            inputMode="numeric"
            autoComplete="off"
            size={4}
            defaultValue={profile.age === undefined ? '' : String(profile.age)}
            aria-invalid={invalid('age')}
            aria-describedby="p-age-hint p-age-error"
          />
          <p id="p-age-hint" class="bb-hint">
            Past 35, recovery takes a little longer.
          </p>
          <FieldError id="p-age-error" message={errors.age} />
        </div>
        <fieldset aria-describedby="p-phase-error">
          <legend>Training phase</legend>
          <label class="bb-check">
            <input
              type="radio"
              name="trainingPhase"
              value="building"
              defaultChecked={profile.trainingPhase === 'building'}
            />
            Building
          </label>
          <label class="bb-check">
            <input
              type="radio"
              name="trainingPhase"
              value="taper"
              defaultChecked={profile.trainingPhase === 'taper'}
            />
            Taper or race week
          </label>
          <FieldError id="p-phase-error" message={errors.trainingPhase} />
        </fieldset>
        <p class="bb-zone">
          Time zone in use: <strong>{timeZone}</strong>
          <span class="bb-hint"> Check-ins are dated in this zone.</span>
        </p>
        <div class="bb-actions">
          <button type="submit" class="bb-primary" disabled={busy}>
            Save profile
          </button>
          <p role="status" class={status?.ok === false ? 'bb-error' : 'bb-ok'}>
            {status?.text}
          </p>
        </div>
      </form>
    </section>
  );
}
