import type { Units } from '../model/profile';
// Small pure formatters for amounts in the runner's units. Stored values stay SI (g, ml, m, ms);
// only the text changes. Nutrients stay in grams in both systems (food labels use grams), with
// ounces added for imperial readers; body weight, fluids and distance switch units.

export const ML_PER_FL_OZ = 29.5735295625;
const G_PER_OZ = 28.349523125;
export const KG_PER_LB = 0.45359237;
const M_PER_MILE = 1609.344;

/** Trims a number to at most `digits` decimals and drops trailing zeros: 1.50 → "1.5". */
export function formatNumber(value: number, digits = 0): string {
  const rounded =
    digits >= 0
      ? Math.round(value * 10 ** digits) / 10 ** digits
      : Math.round(value / 10 ** -digits) * 10 ** -digits;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function range(min: string, max: string, unit: string): string {
  return min === max ? `${min} ${unit}` : `${min}–${max} ${unit}`;
}

/** Grams of a nutrient: "25 g", or "25 g (0.9 oz)" for imperial. */
export function formatMass(g: number, units: Units): string {
  return formatMassRange(g, g, units);
}

export function formatMassRange(minG: number, maxG: number, units: Units): string {
  const metric = range(formatNumber(minG), formatNumber(maxG), 'g');
  if (units === 'metric') return metric;
  return `${metric} (${range(formatNumber(minG / G_PER_OZ, 1), formatNumber(maxG / G_PER_OZ, 1), 'oz')})`;
}

/** Body weight: "70 kg" or "154 lb". */
export function formatBodyWeight(kg: number, units: Units): string {
  return units === 'imperial'
    ? `${formatNumber(kg / KG_PER_LB, 1)} lb`
    : `${formatNumber(kg, 1)} kg`;
}

/** Fluids: "750 ml", "1.2 L", or "25 fl oz". */
export function formatVolume(ml: number, units: Units): string {
  return formatVolumeRange(ml, ml, units);
}

export function formatVolumeRange(minMl: number, maxMl: number, units: Units): string {
  if (units === 'imperial') {
    return range(formatNumber(minMl / ML_PER_FL_OZ), formatNumber(maxMl / ML_PER_FL_OZ), 'fl oz');
  }
  if (maxMl >= 1000) {
    return range(formatNumber(minMl / 1000, 1), formatNumber(maxMl / 1000, 1), 'L');
  }
  return range(formatNumber(minMl, -1), formatNumber(maxMl, -1), 'ml');
}

/** Fluid per body mass lost: "1.2–1.5 L per kg lost" or "18–23 fl oz per lb lost". */
export function formatVolumePerMassRange(minMlPerKg: number, maxMlPerKg: number, units: Units) {
  if (units === 'imperial') {
    const perLb = (mlPerKg: number) => formatNumber((mlPerKg * KG_PER_LB) / ML_PER_FL_OZ);
    return `${range(perLb(minMlPerKg), perLb(maxMlPerKg), 'fl oz')} per lb lost`;
  }
  const perKg = (mlPerKg: number) => formatNumber(mlPerKg / 1000, 1);
  return `${range(perKg(minMlPerKg), perKg(maxMlPerKg), 'L')} per kg lost`;
}

/** Sodium concentration: per litre, or per 12 fl oz (a can) for imperial. */
export function formatSodiumRange(minMgPerL: number, maxMgPerL: number, units: Units): string {
  if (units === 'imperial') {
    const perCan = (mgPerL: number) => formatNumber((mgPerL * 12 * ML_PER_FL_OZ) / 1000);
    return `${range(perCan(minMgPerL), perCan(maxMgPerL), 'mg')} sodium per 12 fl oz`;
  }
  return `${range(formatNumber(minMgPerL, -1), formatNumber(maxMgPerL, -1), 'mg')} sodium per litre`;
}

export function formatDistance(m: number, units: Units): string {
  return units === 'imperial' ? `${(m / M_PER_MILE).toFixed(1)} mi` : `${(m / 1000).toFixed(1)} km`;
}

/** A duration for people: "45 s", "25 min", "1 h 05 min", "36 h". Negative reads as zero. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours >= 10) return `${Math.round(totalMinutes / 60)} h`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')} min`;
}
