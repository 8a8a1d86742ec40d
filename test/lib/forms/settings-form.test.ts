import { describe, expect, it } from 'vitest';
import { parseSettingsForm, type SettingsFormContext } from '../../../lib/forms/settings-form';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model/settings';

const current: Settings = structuredClone(DEFAULT_SETTINGS);
const profileCtx: SettingsFormContext = { current, stravaUnits: 'metric', part: 'profile' };
const notifCtx: SettingsFormContext = { current, stravaUnits: 'metric', part: 'notifications' };

describe('parseSettingsForm: profile', () => {
  it('saves weight, age, units and phase, keeping notifications as they were', () => {
    const result = parseSettingsForm(
      { weight: '68.5', age: '41', units: 'metric', trainingPhase: 'taper' },
      profileCtx,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...current,
        profile: { weightKg: 68.5, age: 41, units: 'metric', trainingPhase: 'taper' },
      },
    });
  });

  it('empty fields and "from Strava" leave the overrides unset', () => {
    const result = parseSettingsForm(
      { weight: '', age: '', units: 'strava', trainingPhase: 'building' },
      {
        ...profileCtx,
        current: { ...current, profile: { weightKg: 70, age: 30, trainingPhase: 'taper' } },
      },
    );
    expect(result.ok && result.value.profile).toEqual({ trainingPhase: 'building' });
  });

  it('reads weight in the units chosen in the same form', () => {
    const lb = parseSettingsForm(
      { weight: '154', units: 'imperial', trainingPhase: 'building' },
      profileCtx,
    );
    expect(lb.ok && lb.value.profile.weightKg).toBe(69.9);
    const fromStrava = parseSettingsForm(
      { weight: '154', units: '', trainingPhase: 'building' },
      { ...profileCtx, stravaUnits: 'imperial' },
    );
    expect(fromStrava.ok && fromStrava.value.profile.weightKg).toBe(69.9);
    const kg = parseSettingsForm(
      { weight: '154', units: 'metric', trainingPhase: 'building' },
      profileCtx,
    );
    expect(kg.ok && kg.value.profile.weightKg).toBe(154);
  });

  it.each([
    [{ weight: '20' }, 'weight', /between 30 kg and 250 kg/],
    [{ weight: 'seventy' }, 'weight', /between 30 kg and 250 kg/],
    [{ weight: '600', units: 'imperial' }, 'weight', /between 66.1 lb and 551.2 lb/],
    [{ age: '9' }, 'age', /between 10 and 100/],
    [{ age: '35.5' }, 'age', /whole number/],
    [{ units: 'furlongs' }, 'units', /metric, imperial/],
    [{ trainingPhase: 'peak' }, 'trainingPhase', /building, or taper/],
  ])('%o → %s error', (raw, field, message) => {
    const result = parseSettingsForm({ trainingPhase: 'building', ...raw }, profileCtx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as 'age']).toMatch(message);
  });
});

describe('parseSettingsForm: notifications', () => {
  it('unticked boxes are off; profile is kept', () => {
    const result = parseSettingsForm(
      { classified: 'on', morningTime: '06:45', pollMinutes: '15' },
      { ...notifCtx, current: { ...current, profile: { trainingPhase: 'taper', age: 50 } } },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...current,
        profile: { trainingPhase: 'taper', age: 50 },
        notifications: {
          classified: true,
          refuelClosing: false,
          morningReminder: false,
          morningTime: '06:45',
        },
        pollMinutes: 15,
      },
    });
  });

  it.each([
    ['2', true],
    ['60', true],
    ['1', false],
    ['61', false],
    ['5.5', false],
    ['', false],
    ['often', false],
  ])('poll interval %j accepted: %s', (text, ok) => {
    const result = parseSettingsForm({ morningTime: '07:00', pollMinutes: text }, notifCtx);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors.pollMinutes).toMatch(/2 to 60 minutes/);
  });

  it.each([
    ['07:30:00', true],
    ['23:59', true],
    ['24:00', false],
    ['7:30', false],
    ['morning', false],
  ])('reminder time %j accepted: %s', (text, ok) => {
    const result = parseSettingsForm(
      { morningTime: text, pollMinutes: '5', morningReminder: 'on' },
      notifCtx,
    );
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.value.notifications.morningTime).toMatch(/^\d\d:\d\d$/);
    else expect(result.errors.morningTime).toMatch(/like 07:30/);
  });
});
