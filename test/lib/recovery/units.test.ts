import { describe, expect, it } from 'vitest';
import {
  formatBodyWeight,
  formatDistance,
  formatDuration,
  formatMass,
  formatVolume,
  formatVolumeRange,
} from '../../../lib/recovery/units';

describe('units', () => {
  it.each([
    [250, 'metric', '250 ml'],
    [1250, 'metric', '1.3 L'],
    [1000, 'metric', '1 L'],
    [473.176, 'imperial', '16 fl oz'],
    [710, 'imperial', '24 fl oz'],
  ] as const)('formatVolume(%s, %s) = %s', (ml, units, text) => {
    expect(formatVolume(ml, units)).toBe(text);
  });

  it('ranges collapse when both ends read the same', () => {
    expect(formatVolumeRange(500, 500, 'metric')).toBe('500 ml');
    expect(formatVolumeRange(800, 1500, 'metric')).toBe('0.8–1.5 L');
  });

  it.each([
    [25, 'metric', '25 g'],
    [28.35, 'imperial', '28 g (1 oz)'],
  ] as const)('formatMass(%s, %s) = %s', (g, units, text) => {
    expect(formatMass(g, units)).toBe(text);
  });

  it.each([
    [70, 'metric', '70 kg'],
    [0.45359237, 'imperial', '1 lb'],
    [70, 'imperial', '154.3 lb'],
  ] as const)('formatBodyWeight(%s, %s) = %s', (kg, units, text) => {
    expect(formatBodyWeight(kg, units)).toBe(text);
  });

  it.each([
    [10_000, 'metric', '10.0 km'],
    [1609.344, 'imperial', '1.0 mi'],
  ] as const)('formatDistance(%s, %s) = %s', (m, units, text) => {
    expect(formatDistance(m, units)).toBe(text);
  });

  it.each([
    [45_000, '45 s'],
    [25 * 60_000, '25 min'],
    [65 * 60_000, '1 h 05 min'],
    [2 * 3_600_000, '2 h'],
    [36 * 3_600_000, '36 h'],
    [-5, '0 s'],
  ])('formatDuration(%s) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
