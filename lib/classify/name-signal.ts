/** What a run's name says about it; each field holds the words that matched, for reasons. */
export interface NameSignal {
  workout?: string;
  race?: string;
  long?: string;
  easy?: string;
  /** The name describes a warm-up or cool-down, i.e. part of a session around a harder run. */
  warmup?: string;
}

// Word lists in English with the common French, German, Spanish, Italian and Dutch terms:
// runners name their sessions with a small shared vocabulary. Other languages simply give no
// signal, and the classifier does not depend on names alone.
const WORKOUT = new RegExp(
  [
    // fr: fractionné, séance de VMA, seuil, côtes; de: Intervalle, Tempo(dauer)lauf, Fahrtspiel,
    // Schwelle; es: series, intervalos, cuestas, umbral; it: ripetute, soglia; nl: drempel.
    String.raw`\bfractionn(?:é|e\b)`,
    String.raw`\bvma\b`,
    String.raw`\bseuil\b`,
    String.raw`\bc[ôo]tes\b`,
    String.raw`\bintervall(?:e|en|es)?\b`,
    String.raw`\bintervalos\b`,
    String.raw`\btempo(?:dauer)?lauf\b`,
    String.raw`\btdl\b`,
    String.raw`\bfahrtspiel\b`,
    String.raw`\bschwelle\b`,
    String.raw`\bseries\b`,
    String.raw`\bcuestas\b`,
    String.raw`\bumbral\b`,
    String.raw`\bripetute\b`,
    String.raw`\bsoglia\b`,
    String.raw`\btempoloop\b`,
    String.raw`\bdrempel\b`,
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
    // "400m fast 300m slow X6": the count after the set (three or more; "x2" is twice a day).
    String.raw`(?:^|[\s/(])[x×]\s?(?:[3-9]|\d{2,})\b`,
    String.raw`\b\d+(?:\.\d+)?\s*(?:k|km|m|mi|min)\s*@`,
    String.raw`@\s*(?:\d|pace|mp|hmp|tempo|10k|5k)`,
  ].join('|'),
  'i',
);

const RACE = new RegExp(
  [
    // Half marathon: fr/es/it "semi(-marathon)", de "Halbmarathon", es "media maratón", it
    // "mezza maratona"; marathon: es "maratón", it "maratona"; fr "foulées" names road races.
    String.raw`\bsemi\b`,
    String.raw`\bhalbmarathon\b`,
    String.raw`\bmarat[óo]n\b`,
    String.raw`\bmaratona\b`,
    String.raw`\bfoul[ée]es\b`,
    String.raw`\bwettkampf\b`,
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

// fr "sortie longue", de "langer Lauf", es "tirada larga", it "lungo", nl "lange duurloop";
// but French "le long de" is "along".
const LONG =
  /\blong\b(?!\s+(?:de|du|des|d['’]))|\blr\b|\blsd\b|\blongue\b|\blanger\s+lauf\b|\btirada\s+larga\b|\blungo\b|\blange\s+duurloop\b/i;
// fr footing, décrassage, récup; de locker, Regeneration; es rodaje, suave; it lento; nl rustig.
const EASY =
  /\beasy\b|\brecovery\b|\bshake\s*out\b|\bjog\b|\bslow\b|\bsuper\s*slow\b|\brecover\b|\bfooting\b|\bd[ée]crassage\b|\br[ée]cup(?:[ée]ration)?\b|\blocker(?:e[rsn]?)?\b|\bregeneration\b|\brodaje\b|\bsuave\b|\blento\b|\brustig\b/i;
const WARMUP =
  /^\s*(?:morning |afternoon |evening |lunch )?(?:run\s*[-–—:]?\s*)?(?:warm\s*-?\s*up|cool\s*-?\s*down|w\/u|c\/d)\b/i;

// The names Strava gives by itself (by time of day, in the athlete's language), and other names
// that only say "a run": they carry no signal, whatever words they share with the lists above.
const GENERIC = new RegExp(
  String.raw`^\s*(?:` +
    [
      String.raw`(?:morning|lunch|afternoon|evening|night|early\s+morning)\s+(?:trail\s+|treadmill\s+)?run`,
      String.raw`(?:trail\s+|treadmill\s+|virtual\s+)?run(?:ning)?`,
      '(?:morgen|mittags|nachmittags|abend|nacht)lauf',
      String.raw`lauf\s+(?:am\s+(?:morgen|mittag|nachmittag|abend)|in\s+der\s+nacht)`,
      String.raw`course\s+à\s+pied(?:\s+(?:le\s+matin|le\s+midi|du\s+midi|l['’]après-midi|dans\s+l['’]après-midi|le\s+soir|en\s+soirée|matinale|nocturne|de\s+nuit))?`,
      String.raw`carrera(?:\s+(?:matutina|de\s+mañana|por\s+la\s+mañana|a\s+la\s+hora\s+del\s+almuerzo|al\s+mediodía|por\s+la\s+tarde|vespertina|de\s+tarde|nocturna|por\s+la\s+noche))?`,
      String.raw`corsa(?:\s+(?:mattutina|all['’]ora\s+di\s+pranzo|pomeridiana|serale|notturna))?`,
      String.raw`corrida(?:\s+(?:matinal|matutina|na\s+hora\s+do\s+almoço|à\s+tarde|vespertina|noturna|da\s+manhã|da\s+tarde|da\s+noite))?`,
      '(?:ochtend|middag|lunch|avond|nacht)(?:loop|hardloopsessie)',
    ].join('|') +
    String.raw`)\s*$`,
  'i',
);

// Elsewhere in the name ("Race Warmup", "Parkrun cool down") it still names the part, unless the
// name also describes the session itself ("2k warm up + 9k tempo").
const WARMUP_ANYWHERE = /\b(?:warm\s*-?\s*up|cool\s*-?\s*down)\b/i;

export function nameSignal(name: string | undefined | null): NameSignal {
  if (!name || GENERIC.test(name)) return {};
  const out: NameSignal = {};
  const workout = WORKOUT.exec(name);
  if (workout) out.workout = workout[0].trim();
  const race = RACE.exec(name);
  if (race && !NOT_RACE.test(name)) out.race = race[0].trim();
  const long = LONG.exec(name);
  if (long) out.long = long[0].trim();
  const easy = EASY.exec(name);
  if (easy) out.easy = easy[0].trim();
  const warm = WARMUP.exec(name) ?? (out.workout ? null : WARMUP_ANYWHERE.exec(name));
  if (warm) out.warmup = warm[0].trim();
  return out;
}
