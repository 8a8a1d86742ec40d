import type { Classification } from '../classify/classification';

const KIND: Record<Classification['kind'], string> = {
  easy: 'Easy run',
  workout: 'Workout',
  long: 'Long run',
};

/** "Long run", or "Race" when the run was one (a race is planned as one whatever its length). */
export function runKindLabel(c: Pick<Classification, 'kind' | 'race'>): string {
  return c.race ? 'Race' : KIND[c.kind];
}
