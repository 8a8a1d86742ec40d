// The step table: every step a plan can show, with its window (minutes from the end of the run),
// the routines it belongs to and the source of its facts (recovery-protocol.md). Wording is ours;
// the facts are the seeds'. Rows sharing an id never apply to the same run (different routines or
// conditions), so a plan never holds two steps with one id.

import type { Priority, Routine, StepId, TimerId } from '../model/plan';
import type { SourceId } from './sources';

/** Which amounts a step carries (built from body weight and weigh-ins in quantities.ts). */
export type AmountsKey = 'snack' | 'fluids' | 'rapid-refuel' | 'day-fuel';

/**
 * Extra conditions beyond the routine:
 * `rapid-refuel` the runner's next hard session is under 8 h away;
 * `cold-fits` an easy run, a race, or taper (cold does not cost adaptation then);
 * `cold-blunts` a hard session while building fitness (cold may blunt adaptation), not hot;
 * `hot` / `mild` the device read 28 °C or more, or the runner said it was hot / neither;
 * `big-day` a long run or a race (the day's carbohydrate target matters).
 */
export type Condition = 'rapid-refuel' | 'cold-fits' | 'cold-blunts' | 'hot' | 'mild' | 'big-day';

export interface StepRow {
  id: StepId;
  routines: readonly Routine[];
  fromMin: number;
  toMin: number;
  priority: Priority;
  title: string;
  detail: string;
  source: SourceId;
  timer?: Exclude<TimerId, 'ready'>;
  amounts?: AmountsKey;
  when?: Condition;
  /** Show the cold-exposure caution with this step. */
  coldCaution?: true;
}

/** "Any time" steps run from the end of the refuel window to a day after the run. */
const ANY_FROM = 30;
const ANY_TO = 24 * 60;

const HARD: readonly Routine[] = ['hard', 'long'];
const ALL: readonly Routine[] = ['light', 'hard', 'long'];

/** Seed 001: people with these conditions should ask a doctor before cold exposure. */
export const COLD_CAUTION =
  'Cold water is not for everyone: with heart disease, high blood pressure or diabetes, ask your doctor first.';

export const NOTICE = 'General guidance, not medical advice.';

export const STEP_TABLE: readonly StepRow[] = [
  {
    id: 'cool-off',
    routines: ALL,
    fromMin: 0,
    toMin: 30,
    priority: 'essential',
    title: 'Cool off first',
    detail:
      'Walk it off in the shade, drink something cold and cool your skin with water: after a hot run cold water is fine whatever the session.',
    source: 'ACSM 2007',
    when: 'hot',
  },
  {
    id: 'cool-down',
    routines: HARD,
    fromMin: 0,
    toMin: 10,
    priority: 'essential',
    title: 'Cool down on your feet',
    detail: 'Walk or jog gently for 5–10 min and slow your breathing before you stop moving.',
    source: 'seed 003',
    // On hot runs cooling off takes its place.
    when: 'mild',
  },
  {
    id: 'dry-clothes',
    routines: HARD,
    fromMin: 0,
    toMin: 10,
    priority: 'recommended',
    title: 'Put on dry, warm clothes',
    detail: 'Muscles left to get cold miss out on the repair work; change out of wet kit first.',
    source: 'seed 000',
    // Warm clothes are no advice on a hot day.
    when: 'mild',
  },
  {
    id: 'refuel-snack',
    routines: HARD,
    fromMin: 0,
    toMin: 30,
    priority: 'essential',
    title: 'Recovery snack',
    detail:
      'Carbohydrate plus some protein, 3–4 g of carbs for each gram of protein: e.g. chocolate milk and fruit.',
    source: 'seed 000',
    timer: 'refuel',
    amounts: 'snack',
  },
  {
    id: 'refuel-snack',
    routines: ['light'],
    fromMin: 0,
    toMin: 30,
    priority: 'optional',
    title: 'Snack if you are hungry',
    detail:
      'After an easy run the refuel window is optional; carbs with a little protein if you like.',
    source: 'seed 004',
    amounts: 'snack',
  },
  {
    id: 'drink-now',
    routines: HARD,
    fromMin: 0,
    toMin: 30,
    priority: 'essential',
    title: 'Start drinking',
    detail: 'About three glasses of water in the first half hour, thirsty or not.',
    source: 'seed 004',
  },
  {
    id: 'drink-now',
    routines: ['light'],
    fromMin: 0,
    toMin: 30,
    priority: 'essential',
    title: 'Start drinking',
    detail: 'Begin replacing fluid soon after you stop, even if you do not feel thirsty.',
    source: 'seed 003',
  },
  {
    id: 'mobility',
    routines: HARD,
    fromMin: 10,
    toMin: 30,
    priority: 'recommended',
    title: 'Light strength and drills',
    detail:
      '10–15 min of easy strength moves, drills or dynamic stretches so you do not stiffen up.',
    source: 'seed 004',
  },
  {
    id: 'fluids',
    routines: ALL,
    fromMin: 0,
    toMin: 240,
    priority: 'essential',
    title: 'Replace 150% of sweat loss',
    detail: 'Spread it over 4 hours; a drink with some sodium helps you hold on to it.',
    source: 'seed 003',
    timer: 'fluids',
    amounts: 'fluids',
    when: 'mild',
  },
  {
    id: 'fluids',
    routines: ALL,
    fromMin: 0,
    toMin: 240,
    priority: 'essential',
    title: 'Drink back what you sweated',
    detail:
      'A hot run costs more sweat and salt: spread it over 4 hours and make part of it an electrolyte drink.',
    source: 'seed 003',
    timer: 'fluids',
    amounts: 'fluids',
    when: 'hot',
  },
  {
    id: 'rapid-refuel',
    // Easy runs keep their light plan; normal meals restock them.
    routines: HARD,
    fromMin: 0,
    toMin: 240,
    priority: 'essential',
    title: 'Refill glycogen fast',
    detail:
      'Your next hard session is under 8 h away: carbohydrate every hour for 4 hours, your snack and meal included.',
    source: 'ACSM/AND/DC 2016',
    amounts: 'rapid-refuel',
    when: 'rapid-refuel',
  },
  {
    id: 'meal',
    routines: HARD,
    fromMin: 45,
    toMin: 60,
    priority: 'essential',
    title: 'Proper meal',
    detail: 'Protein, slow-release (low-GI) carbs, healthy fats and plenty of vegetables.',
    source: 'seed 004',
    timer: 'meal',
  },
  {
    id: 'day-fuel',
    routines: HARD,
    fromMin: 60,
    toMin: ANY_TO,
    priority: 'recommended',
    title: 'Eat well all day',
    detail: 'A big day: carbohydrate at every meal and snack, and protein every 3–4 hours.',
    source: 'ACSM/AND/DC 2016',
    amounts: 'day-fuel',
    when: 'big-day',
  },
  {
    id: 'meal',
    routines: ['light'],
    fromMin: 0,
    toMin: 120,
    priority: 'recommended',
    title: 'Eat a normal meal',
    detail: 'An easy run needs no special refuelling: your next usual meal restocks you.',
    source: 'seed 004',
    timer: 'meal',
  },
  {
    id: 'wind-down',
    routines: HARD,
    fromMin: 60,
    toMin: 90,
    priority: 'recommended',
    title: 'Shower and wind down',
    detail: 'Keep sipping, get clean and let your head switch off too.',
    source: 'seed 004',
  },
  {
    id: 'nap',
    routines: ['long'],
    fromMin: 120,
    toMin: 240,
    priority: 'recommended',
    title: 'Long nap',
    detail: 'From two hours after the run, sleep 1.5–2 h: much of the repair happens then.',
    source: 'seed 004',
    timer: 'nap',
  },
  {
    id: 'power-nap',
    routines: ['hard'],
    fromMin: 120,
    toMin: 150,
    priority: 'optional',
    title: 'Power nap',
    detail: '15–30 min with your eyes shut; resting counts even if you do not fall asleep.',
    source: 'seed 000',
    timer: 'nap',
  },
  {
    id: 'after-nap-walk',
    routines: ['long'],
    fromMin: 240,
    toMin: 250,
    priority: 'optional',
    title: 'Easy walk',
    detail: 'After the nap, 10 min of easy walking or light drills to loosen up.',
    source: 'seed 004',
  },
  {
    id: 'after-nap-walk',
    routines: ['hard'],
    fromMin: 150,
    toMin: 160,
    priority: 'optional',
    title: 'Easy walk',
    detail: 'After the nap, 10 min of easy walking or light drills to loosen up.',
    source: 'seed 004',
  },
  {
    id: 'legs-up',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Legs up the wall',
    detail: 'Lie on your back with your legs resting up a wall for about 3 min.',
    source: 'seed 002',
  },
  {
    id: 'foam-roll',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Foam roll',
    detail: 'A quick 5-min session on tight spots helps mobility.',
    source: 'seed 000',
  },
  {
    id: 'stretch',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Gentle stretching',
    detail: 'Hold static stretches gently, and only now the run is over, never before one.',
    source: 'seed 001',
  },
  {
    id: 'cold',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Cold soak if you like',
    detail:
      'Cold suits easy days, tapers and race weeks: start with 5 min and stay 10 min at most.',
    source: 'seed 004',
    when: 'cold-fits',
    coldCaution: true,
  },
  {
    id: 'cold',
    routines: HARD,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'recommended',
    title: 'Skip the ice bath today',
    detail:
      'While you build fitness, icing after a hard session may blunt the adaptation it was for.',
    source: 'seed 004',
    when: 'cold-blunts',
    coldCaution: true,
  },
  {
    id: 'contrast-shower',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Contrast shower',
    detail: 'Alternate 1–2 min cool and 1–2 min warm water, 3–5 rounds.',
    source: 'seed 003',
    when: 'cold-fits',
    coldCaution: true,
  },
  {
    id: 'skip-anti-inflammatories',
    routines: HARD,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'optional',
    title: 'Go easy on anti-inflammatories',
    detail: 'Taking them out of habit can slow normal healing and hide how tired you are.',
    source: 'seed 000',
  },
  {
    id: 'limit-alcohol',
    routines: HARD,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'recommended',
    title: 'Limit alcohol and sweets',
    detail: 'Both slow recovery in the hours after a hard run; fruit is the better sugar.',
    source: 'seed 003',
  },
  {
    id: 'sleep',
    routines: ALL,
    fromMin: ANY_FROM,
    toMin: ANY_TO,
    priority: 'recommended',
    title: 'Sleep 7–9 hours tonight',
    detail: 'Less than 7 h lengthens recovery; your check-in tomorrow takes it into account.',
    source: 'seed 003',
  },
];
