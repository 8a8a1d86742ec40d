// The popup's morning check-in form → a CheckIn, or one friendly message per field. Every field is
// optional (runners skip what they did not measure), but an empty check-in says nothing, so at
// least one reading is required. Ranges match what lib/recovery/readiness.ts can use.

import { type CheckIn, SORENESS_AREAS, type SorenessArea } from '../model/check-in';
import { isDateKey } from '../recovery/local-date';
import { type FormRaw, fieldList, fieldText } from './form-raw';
import { parseNumber } from './parse-number';

export type CheckInField =
  | 'sleepHours'
  | 'sleepQuality'
  | 'soreness'
  | 'sorenessAreas'
  | 'energy'
  | 'restingHr'
  | 'form';

export type CheckInFormResult =
  | { ok: true; value: CheckIn }
  | { ok: false; errors: Partial<Record<CheckInField, string>> };

const SLEEP_HOURS_MAX = 16;
/** Beyond these a morning pulse is a misread watch or a typo, not a sign. */
const RESTING_HR_RANGE = { min: 25, max: 220 } as const;

/** Sleep also accepts "7:30" (hours:minutes), since that is how many people think of it. */
function parseHours(text: string): number | undefined {
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text.trim());
  if (clock) return Number(clock[1]) + Number(clock[2]) / 60;
  return parseNumber(text);
}

interface Scale {
  min: number;
  max: number;
  integer: boolean;
  message: string;
}

function inScale(value: number, scale: Scale): boolean {
  return (
    Number.isFinite(value) &&
    value >= scale.min &&
    value <= scale.max &&
    (!scale.integer || Number.isInteger(value))
  );
}

const SCALES = {
  sleepHours: {
    min: 0,
    max: SLEEP_HOURS_MAX,
    integer: false,
    message: `Sleep must be between 0 and ${SLEEP_HOURS_MAX} hours (for example 7.5 or 7:30)`,
  },
  sleepQuality: {
    min: 1,
    max: 5,
    integer: true,
    message: 'Sleep quality is a whole number from 1 (poor) to 5 (great)',
  },
  soreness: {
    min: 0,
    max: 10,
    integer: true,
    message: 'Soreness is 0 (none) to 10 (worst), in whole numbers',
  },
  energy: {
    min: 1,
    max: 5,
    integer: true,
    message: 'Energy is a whole number from 1 (flat) to 5 (raring to go)',
  },
  restingHr: {
    min: RESTING_HR_RANGE.min,
    max: RESTING_HR_RANGE.max,
    integer: true,
    message: `Resting heart rate is in beats per minute, between ${RESTING_HR_RANGE.min} and ${RESTING_HR_RANGE.max}`,
  },
} satisfies Record<string, Scale>;

type NumberField = keyof typeof SCALES;

const isArea = (value: string): value is SorenessArea =>
  (SORENESS_AREAS as readonly string[]).includes(value);

export function parseCheckInForm(
  raw: FormRaw,
  ctx: { date: string; now: number },
): CheckInFormResult {
  const errors: Partial<Record<CheckInField, string>> = {};
  const values: Partial<Record<NumberField, number>> = {};

  for (const field of Object.keys(SCALES) as NumberField[]) {
    const text = fieldText(raw, field);
    const value = field === 'sleepHours' ? parseHours(text) : parseNumber(text);
    if (value === undefined) continue;
    if (!inScale(value, SCALES[field])) errors[field] = SCALES[field].message;
    else values[field] = value;
  }

  const areaTexts = fieldList(raw, 'sorenessAreas');
  const unknown = areaTexts.filter((a) => !isArea(a));
  const areas = SORENESS_AREAS.filter((a) => areaTexts.includes(a));
  if (unknown.length) {
    errors.sorenessAreas = `Pick areas from the list (${SORENESS_AREAS.join(', ')})`;
  } else if (areas.length && fieldText(raw, 'soreness') === '') {
    // Areas alone carry no number readiness could use.
    errors.soreness = 'Give an overall soreness from 0 to 10 for the areas you ticked';
  }

  if (!isDateKey(ctx.date)) errors.form = 'The date of this check-in is missing; reopen the popup';

  if (Object.keys(errors).length) return { ok: false, errors };
  if (Object.keys(values).length === 0) {
    return {
      ok: false,
      errors: {
        form: 'Fill in at least one thing: sleep, soreness, energy or resting heart rate',
      },
    };
  }

  const value: CheckIn = { date: ctx.date, updatedAt: ctx.now };
  // Sleep keeps minutes' precision without float noise (7:20 → 7.33).
  if (values.sleepHours !== undefined) value.sleepHours = Math.round(values.sleepHours * 100) / 100;
  if (values.sleepQuality !== undefined) value.sleepQuality = values.sleepQuality;
  if (values.soreness !== undefined) value.soreness = values.soreness;
  if (areas.length) value.sorenessAreas = [...areas];
  if (values.energy !== undefined) value.energy = values.energy;
  if (values.restingHr !== undefined) value.restingHr = values.restingHr;
  return { ok: true, value };
}
