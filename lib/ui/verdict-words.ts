// How the verdict reads, in the panel, the popup and the morning notification alike.
import type { Verdict } from '../model/verdict';

export const VERDICT_WORDS: Record<Verdict['verdict'], string> = {
  hard: 'a hard session is fine',
  easy: 'easy running only',
  rest: 'rest day',
};

/** "Today: easy running only, because …" (a hard day needs no because). */
export function verdictSentence(v: Verdict, day = 'Today'): string {
  const why = v.verdict === 'hard' ? '' : v.reasons[0]?.replace(/\.$/, '');
  return `${day}: ${VERDICT_WORDS[v.verdict]}${why ? `, because ${why[0]!.toLowerCase()}${why.slice(1)}` : ''}`;
}
