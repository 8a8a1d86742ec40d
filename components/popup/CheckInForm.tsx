import { type Dispatch, type StateUpdater, useState } from 'preact/hooks';
import { type CheckInField, parseCheckInForm } from '../../lib/forms/check-in-form';
import { type CheckIn, SORENESS_AREAS } from '../../lib/model/check-in';
import { FieldError } from '../shared/FieldError';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { type FormStatus, useFormSubmit } from '../shared/useFormSubmit';

export interface CheckInFormProps {
  /** Today's local date (YYYY-MM-DD): the key the entry is saved under. */
  date: string;
  /** Today's entry, if any: the form starts from it and saving replaces it. */
  entry?: CheckIn;
  now: number;
  onSubmit(c: CheckIn): Promise<SaveOutcome>;
}

const QUALITY = ['poor', 'restless', 'okay', 'good', 'great'];
const ENERGY = ['flat', 'low', 'okay', 'good', 'raring to go'];
const AREA_LABEL: Record<(typeof SORENESS_AREAS)[number], string> = {
  calves: 'Calves',
  hamstrings: 'Hamstrings',
  quads: 'Quads',
  hips: 'Hips',
  feet: 'Feet',
};

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * The morning check-in. Inputs are uncontrolled, since the live countdowns re-render the popup
 * every second; the fields are keyed by the entry so a saved (or newly loaded) entry refills them,
 * while the status line lives out here and survives that refill.
 */
export function CheckInForm(props: CheckInFormProps) {
  const [status, setStatus] = useState<FormStatus>(null);
  return (
    <Fields
      key={`${props.date}:${props.entry?.updatedAt ?? 0}`}
      {...props}
      status={status}
      setStatus={setStatus}
    />
  );
}

function Fields({
  date,
  entry,
  now,
  onSubmit,
  status,
  setStatus,
}: CheckInFormProps & { status: FormStatus; setStatus: Dispatch<StateUpdater<FormStatus>> }) {
  const { errors, busy, submit, invalid } = useFormSubmit({
    parse: (fields) => parseCheckInForm(fields, { date, now }),
    save: onSubmit,
    saved: 'Check-in saved.',
    failed: 'Could not save the check-in.',
    threw: 'Could not save the check-in. Please try again.',
    fallbackFocus: '#ci-form-error',
    status: [status, setStatus],
  });

  const describedBy = (field: CheckInField, hint?: boolean) =>
    [hint ? `ci-${field}-hint` : '', `ci-${field}-error`].filter(Boolean).join(' ');

  return (
    <form class="bb-form bb-check-in" noValidate onSubmit={submit} aria-describedby="ci-form-error">
      <p id="ci-form-error" class="bb-error" role="alert" tabIndex={-1} hidden={!errors.form}>
        {errors.form}
      </p>
      <fieldset>
        <legend>Sleep last night</legend>
        <div class="bb-row">
          <div class="bb-field">
            <label for="ci-sleepHours">Hours</label>
            <input
              id="ci-sleepHours"
              name="sleepHours"
              inputMode="decimal"
              autoComplete="off"
              size={5}
              defaultValue={text(entry?.sleepHours)}
              aria-invalid={invalid('sleepHours')}
              aria-describedby={describedBy('sleepHours', true)}
            />
            <p id="ci-sleepHours-hint" class="bb-hint">
              0–16, e.g. 7.5 or 7:30
            </p>
          </div>
          <div class="bb-field">
            <label for="ci-sleepQuality">Quality</label>
            <select
              id="ci-sleepQuality"
              name="sleepQuality"
              defaultValue={text(entry?.sleepQuality)}
              aria-invalid={invalid('sleepQuality')}
              aria-describedby={describedBy('sleepQuality')}
            >
              <option value="">Not given</option>
              {QUALITY.map((label, i) => (
                <option key={label} value={String(i + 1)}>
                  {i + 1}: {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FieldError id="ci-sleepHours-error" message={errors.sleepHours} />
        <FieldError id="ci-sleepQuality-error" message={errors.sleepQuality} />
      </fieldset>

      <fieldset>
        <legend>Soreness</legend>
        <div class="bb-field">
          <label for="ci-soreness">Overall, 0 (none) to 10 (worst)</label>
          <input
            id="ci-soreness"
            name="soreness"
            inputMode="numeric"
            autoComplete="off"
            size={3}
            defaultValue={text(entry?.soreness)}
            aria-invalid={invalid('soreness')}
            aria-describedby={describedBy('soreness')}
          />
        </div>
        <FieldError id="ci-soreness-error" message={errors.soreness} />
        <fieldset
          class="bb-areas"
          aria-describedby={describedBy('sorenessAreas')}
          aria-invalid={invalid('sorenessAreas')}
        >
          <legend>Where (optional)</legend>
          {SORENESS_AREAS.map((area) => (
            <label key={area} class="bb-check">
              <input
                type="checkbox"
                name="sorenessAreas"
                value={area}
                defaultChecked={entry?.sorenessAreas?.includes(area) ?? false}
              />
              {AREA_LABEL[area]}
            </label>
          ))}
          <FieldError id="ci-sorenessAreas-error" message={errors.sorenessAreas} />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>This morning</legend>
        <div class="bb-row">
          <div class="bb-field">
            <label for="ci-energy">Energy and motivation</label>
            <select
              id="ci-energy"
              name="energy"
              defaultValue={text(entry?.energy)}
              aria-invalid={invalid('energy')}
              aria-describedby={describedBy('energy')}
            >
              <option value="">Not given</option>
              {ENERGY.map((label, i) => (
                <option key={label} value={String(i + 1)}>
                  {i + 1}: {label}
                </option>
              ))}
            </select>
          </div>
          <div class="bb-field">
            <label for="ci-restingHr">Resting heart rate (bpm, optional)</label>
            <input
              id="ci-restingHr"
              name="restingHr"
              inputMode="numeric"
              autoComplete="off"
              size={4}
              defaultValue={text(entry?.restingHr)}
              aria-invalid={invalid('restingHr')}
              aria-describedby={describedBy('restingHr')}
            />
          </div>
        </div>
        <FieldError id="ci-energy-error" message={errors.energy} />
        <FieldError id="ci-restingHr-error" message={errors.restingHr} />
      </fieldset>

      <div class="bb-actions">
        <button type="submit" class="bb-primary" disabled={busy}>
          {entry ? 'Update today’s check-in' : 'Save check-in'}
        </button>
        <p role="status" class={status?.ok === false ? 'bb-error' : 'bb-ok'}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
