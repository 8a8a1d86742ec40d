import { describe, expect, it } from 'vitest';
import { nameSignal } from '../../../lib/classify/name-signal';

describe('nameSignal', () => {
  it.each([
    ['6 x 800m', 'workout'],
    ['1k X 4 @ 4:20 min/k', 'workout'],
    ['10 x (90s @ 10k - 45s Rec)', 'workout'],
    ['Tempo 10k', 'workout'],
    ['Hill Repeats at the park', 'workout'],
    ['Fartlek Friday', 'workout'],
    ['18mi | 3 x 3mi @ MP', 'workout'],
    ['Speed Workout', 'workout'],
    ['Berlin Marathon', 'race'],
    ['Half Marathon PR (1:34:53)', 'race'],
    ['Lifetime Chicago Spring Half - 1:59:05', 'race'],
    ['5km TT', 'race'],
    ['Saturday Long Run', 'long'],
    ['Easy 45', 'easy'],
    ['Recovery Run', 'easy'],
    ['Warm up', 'warmup'],
    ['Morning Run - Cool Down', 'warmup'],
    ['Race Warmup', 'warmup'],
    ['6k warmup / 400m fast 300m slow X6 / 7k easy', 'workout'],
    ['Fractionné 10 x 400', 'workout'],
    ['Séance VMA', 'workout'],
    ['Côtes à Chantenay', 'workout'],
    ['Intervalle auf der Bahn', 'workout'],
    ['Tempodauerlauf', 'workout'],
    ['Series de 1000', 'workout'],
    ['Ripetute in pista', 'workout'],
    ['1er Semi !', 'race'],
    ['Semi-marathon de Paris', 'race'],
    ['Berliner Halbmarathon', 'race'],
    ['Media Maratón de Sevilla', 'race'],
    ['Foulées du Numérique 2022', 'race'],
    ['Sortie longue du dimanche', 'long'],
    ['Langer Lauf am Sonntag', 'long'],
    ['Tirada larga', 'long'],
    ['Footing tranquille', 'easy'],
    ['Décrassage lendemain de match', 'easy'],
    ['Lockerer Lauf', 'easy'],
  ] as const)('%s → %s', (name, field) => {
    expect(nameSignal(name)[field]).toBeDefined();
  });

  it.each([
    'Morning Run',
    'Afternoon Run',
    'Chicago Running',
    'Lunch Run',
    '',
    // Strava's own names in other languages say nothing either.
    'Lauf am Morgen',
    'Abendlauf',
    'Course à pied le matin',
    "Course à pied l'après-midi",
    'Course à pied en soirée',
    'Carrera matutina',
    'Corsa serale',
    'Corrida matinal',
    'Ochtendloop',
    'Morning Run x2',
    // "le long de" is "along", not a long run.
    'Dernière course le long de la Chézine',
  ])('"%s" says nothing', (name) => {
    expect(nameSignal(name)).toEqual({});
  });

  it('a warm-up named for a race is no race, and a session with its warm-up is a workout', () => {
    expect(nameSignal('Race Cooldown')).toMatchObject({ warmup: 'Cooldown' });
    const session = nameSignal('2k Warm Up + 9k Tempo');
    expect(session.workout).toBe('Tempo');
    expect(session.warmup).toBeUndefined();
  });

  it('training on a race course, or at race pace, is not a race', () => {
    expect(nameSignal('Running Tel Aviv Marathon Course (15k-39k)').race).toBeUndefined();
    expect(nameSignal('25k, Marathon goal pace').race).toBeUndefined();
  });
});
