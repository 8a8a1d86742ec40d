import type { Units } from '../model/profile';

const METRES_PER_MILE = 1609.344;

/** Distance and pace in the runner's units, for reasons shown to them. */
export const formatUnits = {
  distance(metres: number, units: Units): string {
    return units === 'imperial'
      ? `${(metres / METRES_PER_MILE).toFixed(1)} mi`
      : `${(metres / 1000).toFixed(1)} km`;
  },
  pace(metresPerSecond: number, units: Units): string {
    if (!(metresPerSecond > 0)) return '–';
    const unit = units === 'imperial' ? METRES_PER_MILE : 1000;
    const total = Math.round(unit / metresPerSecond);
    const min = Math.floor(total / 60);
    const sec = total % 60;
    return `${min}:${String(sec).padStart(2, '0')} /${units === 'imperial' ? 'mi' : 'km'}`;
  },
};
