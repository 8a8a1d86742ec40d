/** What a run's name says about it; each field holds the words that matched, for reasons. */
export interface NameSignal {
  workout?: string;
  race?: string;
  long?: string;
  easy?: string;
  /** The name describes a warm-up or cool-down, i.e. part of a session around a harder run. */
  warmup?: string;
}

// Word lists in English: runners name their sessions with a small shared vocabulary. Unknown
// languages simply give no signal, and the classifier does not depend on names alone.
const WORKOUT = new RegExp(
  [
    String.raw`\bintervals?\b`,
    String.raw`\brepeats?\b`,
    String.raw`\breps\b`,
    String.raw`\bfartlek\b`,
    String.raw`\btempo\b`,
    String.raw`\bthreshold\b`,
    String.raw`\btrack\s*(?:workout|session|intervals?|reps?)\b`,
    String.raw`\bhill\s*(?:sprints?|repeats?|reps?|intervals?|loops?)\b`,
    String.raw`\bhills?\b.*\brepeats?\b`,
    String.raw`\bspeed\s*(?:work(?:out)?|session)?\b`,
    String.raw`\bsprints?\b`,
    String.raw`\bprogression\b`,
    String.raw`\bpyramid\b`,
    String.raw`\bladder\b`,
    String.raw`\bhiit\b`,
    String.raw`\bvo2\s*max\b`,
    String.raw`\bworkout\b`,
    String.raw`\bcruise\b`,
    String.raw`\b(?:mp|hmp|lt|gmp)\b`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:k|km|m|mi|min|s|sec)?\s*[x×]\s*\(?\d`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:k|km|m|mi|min)\s*@`,
    String.raw`@\s*(?:\d|pace|mp|hmp|tempo|10k|5k)`,
  ].join('|'),
  'i',
);

const RACE = new RegExp(
  [
    String.raw`\brace\b`,
    String.raw`\bmarathon\b`,
    String.raw`\bhalf\b`,
    String.raw`\b(?:pr|pb)\b`,
    String.raw`\bpersonal\s+(?:record|best)\b`,
    String.raw`\btime\s*tri?al\b`,
    String.raw`\btt\b`,
    String.raw`\bparkrun\b`,
    String.raw`\b\d:\d\d:\d\d\b`,
    String.raw`\b(?:5|10|15|21)\s*km?\b.*\b\d{1,2}:\d\d\b`,
  ].join('|'),
  'i',
);

// Training runs over a race course or at race pace are not races.
const NOT_RACE = /\b(?:course|pace|easy|training|shake\s*out)\b/i;

const LONG = /\blong\b|\blr\b/i;
const EASY = /\beasy\b|\brecovery\b|\bshake\s*out\b|\bjog\b|\bslow\b|\bsuper\s*slow\b|\brecover\b/i;
const WARMUP =
  /^\s*(?:morning |afternoon |evening |lunch )?(?:run\s*[-–—:]?\s*)?(?:warm\s*-?\s*up|cool\s*-?\s*down|w\/u|c\/d)\b/i;

export function nameSignal(name: string | undefined | null): NameSignal {
  if (!name) return {};
  const out: NameSignal = {};
  const workout = WORKOUT.exec(name);
  if (workout) out.workout = workout[0].trim();
  const race = RACE.exec(name);
  if (race && !NOT_RACE.test(name)) out.race = race[0].trim();
  const long = LONG.exec(name);
  if (long) out.long = long[0].trim();
  const easy = EASY.exec(name);
  if (easy) out.easy = easy[0].trim();
  const warm = WARMUP.exec(name);
  if (warm) out.warmup = warm[0].trim();
  return out;
}
