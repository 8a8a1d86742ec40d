// Body weight before and after one run: gives that run's fluid target.
import { z } from 'zod/mini';
import { id, inRange } from './fields';

/** A body weight in kg: the weigh-in form, the profile's weight, messages and exports. */
export const BODY_WEIGHT_KG = { min: 30, max: 250 } as const;

export const WeighInSchema = z.object({
  activityId: id(),
  beforeKg: inRange(BODY_WEIGHT_KG),
  afterKg: inRange(BODY_WEIGHT_KG),
});
export type WeighIn = z.output<typeof WeighInSchema>;
