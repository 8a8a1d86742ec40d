// The simulated athlete's profile (DetailedAthlete), picked from a seed. The avatar points at
// the simulator's own origin so the page never loads anything from the internet.
import type { Prng } from './prng.ts';
import type { SimAthlete } from './types.ts';

const FIRST_F = ['Maya', 'Lena', 'Ines', 'Sofia', 'Nora'];
const FIRST_M = ['Jonas', 'Luca', 'Tomás', 'Felix', 'Arjun'];
const LAST = ['Kovač', 'Lindqvist', 'Moreau', 'Okafor', 'Brennan', 'Takahashi'];
const CITIES: [string, string, string][] = [
  ['Lyon', 'Auvergne-Rhône-Alpes', 'France'],
  ['Portland', 'OR', 'United States'],
  ['Leeds', 'England', 'United Kingdom'],
  ['Freiburg', 'Baden-Württemberg', 'Germany'],
];

const SIM_ATHLETE_ID = 31_415_926;

export function makeAthleteProfile(prng: Prng, origin: string, createdAt: Date): SimAthlete {
  const sex = prng.chance(0.5) ? 'F' : 'M';
  const firstname = prng.pick(sex === 'F' ? FIRST_F : FIRST_M);
  const lastname = prng.pick(LAST);
  const [city, state, country] = prng.pick(CITIES);
  const feet = country === 'United States';
  const avatar = `${origin}/athlete/avatar.svg`;
  return {
    id: SIM_ATHLETE_ID,
    username: `${firstname}${lastname}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, ''),
    resource_state: 3,
    firstname,
    lastname,
    bio: 'Running the long way round.',
    city,
    state,
    country,
    sex,
    premium: true,
    summit: true,
    created_at: createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    updated_at: createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    badge_type_id: 1,
    weight: Math.round((sex === 'F' ? prng.range(52, 66) : prng.range(62, 80)) * 10) / 10,
    profile_medium: avatar,
    profile: avatar,
    friend: null,
    follower: null,
    measurement_preference: feet ? 'feet' : 'meters',
    ftp: null,
    follower_count: prng.int(20, 300),
    friend_count: prng.int(20, 300),
    clubs: [],
    bikes: [],
    shoes: [
      { id: 'g9001', primary: true, name: 'Daily trainer', resource_state: 2, distance: 412_000 },
    ],
  };
}
