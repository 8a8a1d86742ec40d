// Body weight before and after one run → a WeighIn in kg. Weights are typed in the runner's
// units. The same limits as the plan's own reading of a weigh-in (lib/recovery/quantities.ts), so
// the form refuses what the plan would otherwise call a typo.

import type { Units } from '../model/profile';
import type { WeighIn } from '../model/weigh-in';
import {
  BODY_WEIGHT_KG,
  IMPLAUSIBLE_LOSS_FRACTION,
  isPlausibleWeight,
} from '../recovery/quantities';
import { formatBodyWeight, KG_PER_LB } from '../recovery/units';
import { type FormRaw, fieldText } from './form-raw';
import { parseNumber } from './parse-number';

type WeighInField = 'before' | 'after' | 'form';

export type WeighInFormResult =
  | { ok: true; value: WeighIn }
  | { ok: false; errors: Partial<Record<WeighInField, string>> };

/** Drinking during a run can add weight, but not more than this. */
const MAX_GAIN_KG = 2;

export function parseWeighInForm(
  raw: FormRaw,
  ctx: { activityId: number; units: Units },
): WeighInFormResult {
  const { units } = ctx;
  const unit = units === 'imperial' ? 'lb' : 'kg';
  const range = `${formatBodyWeight(BODY_WEIGHT_KG.min, units)} and ${formatBodyWeight(BODY_WEIGHT_KG.max, units)}`;
  const errors: Partial<Record<WeighInField, string>> = {};
  const kg: Partial<Record<'before' | 'after', number>> = {};

  for (const field of ['before', 'after'] as const) {
    const value = parseNumber(fieldText(raw, field));
    if (value === undefined) {
      errors[field] = `Enter your weight ${field} the run, in ${unit}`;
      continue;
    }
    const inKg = units === 'imperial' ? value * KG_PER_LB : value;
    // Rounded to 10 g: scales do not weigh finer, and lb → kg leaves long decimals.
    const rounded = Math.round(inKg * 100) / 100;
    if (!Number.isFinite(value) || !isPlausibleWeight(rounded)) {
      errors[field] = `Weight ${field} the run must be a number between ${range}`;
    } else kg[field] = rounded;
  }
  if (!Number.isInteger(ctx.activityId) || ctx.activityId <= 0) {
    errors.form = 'This weigh-in has no run to belong to';
  }
  if (Object.keys(errors).length || kg.before === undefined || kg.after === undefined) {
    return { ok: false, errors };
  }

  const { before, after } = kg as { before: number; after: number };
  if (after > before + MAX_GAIN_KG) {
    return {
      ok: false,
      errors: {
        after: `After the run can’t be more than ${formatBodyWeight(MAX_GAIN_KG, units)} above before; check both weights`,
      },
    };
  }
  if (before - after > before * IMPLAUSIBLE_LOSS_FRACTION) {
    return {
      ok: false,
      errors: {
        after: `A loss of ${formatBodyWeight(before - after, units)} in one run looks like a typo; check both weights`,
      },
    };
  }
  return { ok: true, value: { activityId: ctx.activityId, beforeKg: before, afterKg: after } };
}
