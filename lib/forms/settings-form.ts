// The options page's profile and notifications forms → Settings. Each section submits only its
// own fields (`part`), so the other section's values are kept from `current`. A checkbox that is
// not ticked is simply absent from a submitted form, which is why absent means off here.

import type { Profile, Units } from '../model/profile';
import { type Settings, SettingsSchema } from '../model/settings';
import { BODY_WEIGHT_KG } from '../recovery/quantities';
import { formatBodyWeight, KG_PER_LB } from '../recovery/units';
import { type FormRaw, fieldText } from './form-raw';
import { parseNumber } from './parse-number';

type SettingsField =
  | 'weight'
  | 'age'
  | 'units'
  | 'trainingPhase'
  | 'morningTime'
  | 'pollMinutes'
  | 'form';

export type SettingsFormResult =
  | { ok: true; value: Settings }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

export interface SettingsFormContext {
  current: Settings;
  /** Units from the Strava profile: what "from Strava" means and how weight is typed then. */
  stravaUnits: Units;
  part: 'profile' | 'notifications' | 'all';
}

const AGE_RANGE = { min: 10, max: 100 } as const;
export const POLL_MINUTES = { min: 2, max: 60 } as const;

const ticked = (raw: FormRaw, name: string) => {
  const v = fieldText(raw, name);
  return v !== '' && v !== 'false' && v !== 'off';
};

function parseProfile(
  raw: FormRaw,
  ctx: SettingsFormContext,
  errors: Partial<Record<SettingsField, string>>,
): Settings['profile'] {
  const profile: Settings['profile'] = { trainingPhase: ctx.current.profile.trainingPhase };

  const unitsText = fieldText(raw, 'units');
  if (unitsText === 'metric' || unitsText === 'imperial') profile.units = unitsText;
  else if (unitsText !== '' && unitsText !== 'strava') {
    errors.units = 'Choose metric, imperial, or the units from Strava';
  }
  // Weight is typed in the units the page shows, i.e. the ones chosen in this same form.
  const units: Units = profile.units ?? ctx.stravaUnits;

  const weight = parseNumber(fieldText(raw, 'weight'));
  if (weight !== undefined) {
    const kg = Math.round((units === 'imperial' ? weight * KG_PER_LB : weight) * 10) / 10;
    if (!Number.isFinite(kg) || kg < BODY_WEIGHT_KG.min || kg > BODY_WEIGHT_KG.max) {
      errors.weight = `Weight must be between ${formatBodyWeight(BODY_WEIGHT_KG.min, units)} and ${formatBodyWeight(BODY_WEIGHT_KG.max, units)}, or left empty to use Strava’s`;
    } else profile.weightKg = kg;
  }

  const age = parseNumber(fieldText(raw, 'age'));
  if (age !== undefined) {
    if (!Number.isInteger(age) || age < AGE_RANGE.min || age > AGE_RANGE.max) {
      errors.age = `Age must be a whole number between ${AGE_RANGE.min} and ${AGE_RANGE.max}, or left empty`;
    } else profile.age = age;
  }

  const phase = fieldText(raw, 'trainingPhase');
  if (phase === 'building' || phase === 'taper') {
    profile.trainingPhase = phase satisfies Profile['trainingPhase'];
  } else if (phase !== '') {
    errors.trainingPhase = 'Choose building, or taper / race week';
  }
  return profile;
}

function parseNotifications(
  raw: FormRaw,
  errors: Partial<Record<SettingsField, string>>,
  current: Settings,
): Pick<Settings, 'notifications' | 'pollMinutes'> {
  let morningTime = fieldText(raw, 'morningTime');
  // Some browsers submit "07:30:00" from a time input.
  morningTime = morningTime.replace(/^(\d{2}:\d{2}):00$/, '$1');
  if (morningTime === '') morningTime = current.notifications.morningTime;
  else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(morningTime)) {
    errors.morningTime = 'Reminder time must be a time of day like 07:30';
  }

  let pollMinutes = current.pollMinutes;
  const poll = parseNumber(fieldText(raw, 'pollMinutes'));
  if (poll === undefined) {
    errors.pollMinutes = `Enter how often to check Strava, ${POLL_MINUTES.min} to ${POLL_MINUTES.max} minutes`;
  } else if (!Number.isInteger(poll) || poll < POLL_MINUTES.min || poll > POLL_MINUTES.max) {
    // Under 2 min would spend more than Strava's 1,000 daily reads.
    errors.pollMinutes = `Check Strava every ${POLL_MINUTES.min} to ${POLL_MINUTES.max} minutes, in whole minutes`;
  } else pollMinutes = poll;

  return {
    notifications: {
      classified: ticked(raw, 'classified'),
      refuelClosing: ticked(raw, 'refuelClosing'),
      morningReminder: ticked(raw, 'morningReminder'),
      morningTime,
    },
    pollMinutes,
  };
}

export function parseSettingsForm(raw: FormRaw, ctx: SettingsFormContext): SettingsFormResult {
  const errors: Partial<Record<SettingsField, string>> = {};
  const next: Settings = structuredClone(ctx.current);
  if (ctx.part !== 'notifications') next.profile = parseProfile(raw, ctx, errors);
  if (ctx.part !== 'profile') Object.assign(next, parseNotifications(raw, errors, ctx.current));
  if (Object.keys(errors).length) return { ok: false, errors };

  // The schema is the last word: whatever the form allowed, storage must accept.
  const checked = SettingsSchema.safeParse(next);
  if (!checked.success) {
    return { ok: false, errors: { form: 'These settings could not be saved; please check them' } };
  }
  return { ok: true, value: checked.data };
}
