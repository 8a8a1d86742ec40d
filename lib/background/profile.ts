// The runner's profile for the pure core: their options over Strava's profile.
import type { Profile } from '../model/profile';
import { readSettings } from '../store/settings-item';
import type { AppContext } from './context';

export async function readProfile(ctx: AppContext): Promise<Profile> {
  const [settings, connection] = await Promise.all([readSettings(), ctx.strava.getConnection()]);
  return {
    units: settings.profile.units ?? connection.athlete?.units ?? 'metric',
    trainingPhase: settings.profile.trainingPhase,
    weightKg: settings.profile.weightKg,
    ...(connection.athlete?.weightKg ? { stravaWeightKg: connection.athlete.weightKg } : {}),
    age: settings.profile.age,
    timeZone: ctx.timeZone(),
  };
}
