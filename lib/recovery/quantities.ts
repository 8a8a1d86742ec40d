// Amounts for the steps that carry them, from body weight and the run's weigh-in. Numbers are SI
// (g, ml); text is in the runner's units. Seed 003 writes protein as "oz per pound": that is grams
// per pound, and we never repeat it: protein here is g/kg (ISSN 2017), shown in grams.

import type { Quantity } from '../model/plan';
import type { Units } from '../model/profile';
import type { WeighIn } from '../model/weigh-in';
import type { AmountsKey } from './protocol';
import {
  formatBodyWeight,
  formatMassRange,
  formatNumber,
  formatSodiumRange,
  formatVolume,
  formatVolumePerMassRange,
  ML_PER_FL_OZ,
} from './units';

/** ISSN 2017: about 0.25–0.4 g protein per kg after exercise (20–40 g when weight is unknown). */
const PROTEIN_G_PER_KG = { min: 0.25, max: 0.4 } as const;
const PROTEIN_G_UNKNOWN_WEIGHT = { min: 20, max: 40 } as const;
/** ISSN 2017; GSSI 2022: about 1.0–1.2 g/kg carbohydrate in the first eating window. */
const CARB_G_PER_KG = { min: 1.0, max: 1.2 } as const;
/** GSSI 2022 (ISSN 2017: 1.2): rapid restoration, about 1.0–1.2 g/kg/h for the first 4 h. */
const RAPID_CARB_G_PER_KG_H = { min: 1.0, max: 1.2 } as const;
const RAPID_HOURS = 4;
/** ACSM/AND/DC 2016: about 6–10 g/kg carbohydrate on a day of 1–3 h endurance work. */
const DAY_CARB_G_PER_KG = { min: 6, max: 10 } as const;
/** Seed 003: 150% of the mass lost, i.e. 1.5 L per kg; its softer range is 18–22 fl oz per lb. */
const FLUID_ML_PER_KG_LOST = 1500;
const FLUID_ML_PER_KG_LOST_SOFT = Math.round((18 * ML_PER_FL_OZ) / 0.45359237);
/** Seed 003: 135–340 mg sodium per 12 fl oz, here per litre. */
const ML_PER_12_FL_OZ = 12 * ML_PER_FL_OZ;
const SODIUM_MG_PER_L = {
  min: (135 * 1000) / ML_PER_12_FL_OZ,
  max: (340 * 1000) / ML_PER_12_FL_OZ,
} as const;
/** Seed 001: losing more than 2% of body weight hurts performance. */
const DEHYDRATION_WARN_FRACTION = 0.02;
/** A "loss" above 5% of body weight in one run is more likely a typo than sweat. */
export const IMPLAUSIBLE_LOSS_FRACTION = 0.05;
/** Adult body weights we trust; outside this the weight is treated as unknown. */
export const BODY_WEIGHT_KG = { min: 30, max: 250 } as const;

export function isPlausibleWeight(kg: number | undefined): kg is number {
  return (
    kg !== undefined && Number.isFinite(kg) && kg >= BODY_WEIGHT_KG.min && kg <= BODY_WEIGHT_KG.max
  );
}

export interface AmountsContext {
  /** Plausible body weight in kg, or undefined when unknown. */
  weightKg?: number;
  /** Mass lost during this run in kg (≥ 0), from a plausible weigh-in; undefined without one. */
  lossKg?: number;
  units: Units;
  /** Hours of running (moving time), for a sweat estimate without a weigh-in. */
  runHours?: number;
  /** A hot run (device temperature ≥ 28 °C): the top of the sweat range. */
  hot?: boolean;
}

/** Baker 2017: sweat rates of about 0.5–2.0 L/h; ~0.5–1.0 L/h running, 1.0–1.5 L/h when hot. */
const SWEAT_L_PER_H = { mild: { min: 0.5, max: 1.0 }, hot: { min: 1.0, max: 1.5 } } as const;
/** ACSM/AND/DC 2016: drink 125–150 % of the loss. */
const REPLACE_SHARE = { min: 1.25, max: 1.5 } as const;
const MAX_ESTIMATE_HOURS = 4;
/** Rounded to 50 ml: an estimate should not look more exact than it is. */
const to50 = (ml: number) => Math.max(50, Math.round(ml / 50) * 50);

export interface Amounts {
  quantities: Quantity[];
  prompt?: string;
}

/** Reads a weigh-in: the loss in kg, or a warning when it cannot be right. */
export function readWeighIn(
  weighIn: WeighIn | undefined,
  units: Units,
): { lossKg?: number; warnings: string[] } {
  if (!weighIn) return { warnings: [] };
  const { beforeKg, afterKg } = weighIn;
  if (!isPlausibleWeight(beforeKg) || !isPlausibleWeight(afterKg)) {
    return { warnings: ['The weigh-in for this run looks wrong, so fluids use a general range.'] };
  }
  const lossKg = Math.max(0, beforeKg - afterKg);
  const fraction = lossKg / beforeKg;
  if (fraction > IMPLAUSIBLE_LOSS_FRACTION) {
    return {
      warnings: [
        `A loss of ${formatBodyWeight(lossKg, units)} in one run looks like a typo; please check the weigh-in.`,
      ],
    };
  }
  const warnings =
    fraction > DEHYDRATION_WARN_FRACTION
      ? [
          `You lost ${formatNumber(fraction * 100, 1)}% of your body weight: beyond 2% performance suffers, so drink steadily and carry fluids next time.`,
        ]
      : [];
  return { lossKg, warnings };
}

/** 1.0, 0.25, 6: as a sports dietitian writes them. */
const perKgFigure = (n: number) => (Number.isInteger(n) && n < 5 ? n.toFixed(1) : String(n));

/** Grams for this runner, or the per-kg range with the prompt to add a weight. */
function perKg(
  kind: Quantity['kind'],
  range: { min: number; max: number },
  what: string,
  ctx: AmountsContext,
  perHour = false,
): Quantity {
  const { weightKg, units } = ctx;
  const per = perHour ? ' an hour' : '';
  if (weightKg === undefined) {
    return {
      kind,
      ...range,
      unit: perHour ? 'g/kg/h' : 'g/kg',
      text: `${perKgFigure(range.min)}–${perKgFigure(range.max)} g ${what} per kg of body weight${per}`,
    };
  }
  const min = Math.round(range.min * weightKg);
  const max = Math.round(range.max * weightKg);
  return {
    kind,
    min,
    max,
    unit: perHour ? 'g/h' : 'g',
    text: `${formatMassRange(min, max, units)} ${what}${per}`,
  };
}

const WEIGHT_PROMPT = 'Add your body weight in options for amounts sized to you.';

function snack(ctx: AmountsContext): Amounts {
  const protein = perKg('protein', PROTEIN_G_PER_KG, 'protein', ctx);
  const carbs = perKg('carbohydrate', CARB_G_PER_KG, 'carbohydrate', ctx);
  if (ctx.weightKg !== undefined) return { quantities: [protein, carbs] };
  // Ranges per kg until the runner adds a weight (grams for "everyone" would be a guess).
  protein.text += ` (${PROTEIN_G_UNKNOWN_WEIGHT.min}–${PROTEIN_G_UNKNOWN_WEIGHT.max} g for most runners)`;
  return { quantities: [protein, carbs], prompt: WEIGHT_PROMPT };
}

function fluids(ctx: AmountsContext): Amounts {
  const { units, lossKg } = ctx;
  const sodium: Quantity = {
    kind: 'sodium',
    min: Math.round(SODIUM_MG_PER_L.min),
    max: Math.round(SODIUM_MG_PER_L.max),
    unit: 'mg/L',
    text: formatSodiumRange(SODIUM_MG_PER_L.min, SODIUM_MG_PER_L.max, units),
  };
  if (lossKg === undefined && ctx.runHours !== undefined && ctx.runHours > 0) {
    const rate = ctx.hot ? SWEAT_L_PER_H.hot : SWEAT_L_PER_H.mild;
    // Beyond 4 h a duration says little about what is still missing (runners drink on the way).
    const hours = Math.min(ctx.runHours, MAX_ESTIMATE_HOURS);
    const min = to50(rate.min * hours * REPLACE_SHARE.min * 1000);
    const max = to50(rate.max * hours * REPLACE_SHARE.max * 1000);
    return {
      quantities: [
        {
          kind: 'fluids',
          min,
          max,
          unit: 'ml',
          text: `About ${formatVolume(min, units)}–${formatVolume(max, units)} over the next hours (an estimate from ${ctx.hot ? 'a hot' : 'a'} run this long)`,
        },
        sodium,
      ],
      prompt: 'Weigh yourself before and after a run to make this exact.',
    };
  }
  if (lossKg === undefined) {
    return {
      quantities: [
        {
          kind: 'fluids-per-kg-lost',
          min: FLUID_ML_PER_KG_LOST_SOFT,
          max: FLUID_ML_PER_KG_LOST,
          unit: 'ml/kg',
          text: formatVolumePerMassRange(FLUID_ML_PER_KG_LOST_SOFT, FLUID_ML_PER_KG_LOST, units),
        },
        sodium,
      ],
      prompt: 'Enter your weight before and after this run to get your exact amount.',
    };
  }
  const ml = Math.round(lossKg * FLUID_ML_PER_KG_LOST);
  const text =
    ml === 0
      ? 'No weight lost: drink to thirst'
      : `${formatVolume(ml, units)} (150% of the ${formatBodyWeight(lossKg, units)} you lost)`;
  return { quantities: [{ kind: 'fluids', min: ml, max: ml, unit: 'ml', text }, sodium] };
}

function rapidRefuel(ctx: AmountsContext): Amounts {
  const rate = perKg('carbohydrate-rate', RAPID_CARB_G_PER_KG_H, 'carbohydrate', ctx, true);
  rate.text += ` for ${RAPID_HOURS} h, counting your snack and meal`;
  return {
    quantities: [rate],
    ...(ctx.weightKg === undefined ? { prompt: WEIGHT_PROMPT } : {}),
  };
}

function dayFuel(ctx: AmountsContext): Amounts {
  const carbs = perKg('carbohydrate-day', DAY_CARB_G_PER_KG, 'carbohydrate', ctx);
  carbs.text += ' over the whole day';
  const protein = perKg('protein', PROTEIN_G_PER_KG, 'protein', ctx);
  protein.text += ' at each meal, every 3–4 h';
  return {
    quantities: [carbs, protein],
    ...(ctx.weightKg === undefined ? { prompt: WEIGHT_PROMPT } : {}),
  };
}

export function amountsFor(key: AmountsKey, ctx: AmountsContext): Amounts {
  switch (key) {
    case 'snack':
      return snack(ctx);
    case 'fluids':
      return fluids(ctx);
    case 'rapid-refuel':
      return rapidRefuel(ctx);
    case 'day-fuel':
      return dayFuel(ctx);
  }
}
