import { type Dispatch, type StateUpdater, useState } from 'preact/hooks';
import { parseWeighInForm } from '../../lib/forms/weigh-in-form';
import type { Units } from '../../lib/model/profile';
import type { WeighIn } from '../../lib/model/weigh-in';
import { formatNumber, KG_PER_LB } from '../../lib/recovery/units';
import { FieldError } from '../shared/FieldError';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { type FormStatus, useFormSubmit } from '../shared/useFormSubmit';

export interface WeighInFormProps {
  activityId: number;
  units: Units;
  existing?: WeighIn;
  onSubmit(w: WeighIn): Promise<SaveOutcome>;
}

/**
 * Weight before and after the run: gives the run its own fluid target. Fields are keyed by the
 * saved weights so they refill when those change; the status line survives that.
 */
export function WeighInForm(props: WeighInFormProps) {
  const [status, setStatus] = useState<FormStatus>(null);
  const { activityId, existing } = props;
  return (
    <Fields
      key={`${activityId}:${existing?.beforeKg}:${existing?.afterKg}`}
      {...props}
      status={status}
      setStatus={setStatus}
    />
  );
}

function Fields({
  activityId,
  units,
  existing,
  onSubmit,
  status,
  setStatus,
}: WeighInFormProps & { status: FormStatus; setStatus: Dispatch<StateUpdater<FormStatus>> }) {
  const { errors, busy, submit } = useFormSubmit({
    parse: (fields) => parseWeighInForm(fields, { activityId, units }),
    save: onSubmit,
    saved: 'Weights saved.',
    failed: 'Could not save the weights.',
    threw: 'Could not save the weights. Please try again.',
    status: [status, setStatus],
  });
  const unit = units === 'imperial' ? 'lb' : 'kg';
  const shown = (kg: number | undefined) =>
    kg === undefined ? '' : formatNumber(units === 'imperial' ? kg / KG_PER_LB : kg, 1);

  const field = (name: 'before' | 'after', label: string, kg?: number) => (
    <div class="bb-field">
      <label for={`wi-${name}`}>
        {label} ({unit})
      </label>
      <input
        id={`wi-${name}`}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        size={6}
        defaultValue={shown(kg)}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={`wi-${name}-error`}
      />
    </div>
  );

  return (
    <form class="bb-form bb-weigh-in" noValidate onSubmit={submit}>
      <fieldset>
        <legend>Weigh-in for this run</legend>
        <p class="bb-hint">Weigh yourself before and after, without clothes if you can.</p>
        <div class="bb-row">
          {field('before', 'Before', existing?.beforeKg)}
          {field('after', 'After', existing?.afterKg)}
        </div>
        <FieldError id="wi-before-error" message={errors.before} />
        <FieldError id="wi-after-error" message={errors.after ?? errors.form} />
      </fieldset>
      <div class="bb-actions">
        <button type="submit" disabled={busy}>
          {existing ? 'Update weights' : 'Save weights'}
        </button>
        <p role="status" class={status?.ok === false ? 'bb-error' : 'bb-ok'}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
