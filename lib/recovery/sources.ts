// Every fact in a plan names where it came from. Seeds are the articles in ../shared/seeds, named
// the way recovery-protocol.md names them ("seed 004"); the rest are references that
// recovery-protocol.md itself cites. A test checks this list against the real files when present.

export const SOURCES = {
  'seed 000': {
    kind: 'seed',
    title: "Post-run recovery tips from experts and elites (Runner's World, Julia Lucas)",
  },
  'seed 001': {
    kind: 'seed',
    title: '8 Post-Run Recovery Tips From Experts To Help You Bounce Back Faster',
  },
  'seed 002': { kind: 'seed', title: 'Top Running Recovery Tips (The Wired Runner)' },
  'seed 003': { kind: 'seed', title: 'Step-by-step recovery after running (Lena Sage)' },
  'seed 004': {
    kind: 'seed',
    title: 'Running Recovery Extreme: How to Bounce Back From Hard Training Quickly',
  },
  'ISSN 2017': {
    kind: 'reference',
    title: 'ISSN position stand: nutrient timing (Kerksick et al. 2008/2017)',
  },
  'ACSM/AND/DC 2016': {
    kind: 'reference',
    title:
      'Nutrition and Athletic Performance: ACSM, AND and Dietitians of Canada (Thomas et al. 2016)',
  },
  'ACSM 2007': {
    kind: 'reference',
    title: 'ACSM position stand: exercise and fluid replacement (Sawka et al. 2007)',
  },
  'Baker 2017': {
    kind: 'reference',
    title: 'Sweating rate and sweat sodium concentration in athletes (Baker 2017)',
  },
  'Garmin "Recovery Time"': {
    kind: 'reference',
    title: 'Garmin Recovery Time: a 0–96 h countdown to the next hard session',
  },
} as const satisfies Record<string, { kind: 'seed' | 'reference'; title: string }>;

export type SourceId = keyof typeof SOURCES;

export function isSourceId(value: string): value is SourceId {
  return Object.hasOwn(SOURCES, value);
}

/** The seed number of a seed source ('seed 004' → '004'), for matching `004_<hash>.txt`. */
export function seedNumber(source: SourceId): string | undefined {
  return /^seed (\d{3})$/.exec(source)?.[1];
}
