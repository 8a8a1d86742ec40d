import type { Plan } from '../../lib/model/plan';
import type { RunnerSays } from '../../lib/model/runner-says';
import { formatClock } from '../../lib/recovery/local-date';
import { HOUR_MS } from '../../lib/time';

/** What the runner can tell us about a run, as the message takes it. */
export interface RunAnswer {
  hardSessionInHours?: number | null;
  hot?: boolean;
}

export interface RunQuestionsProps {
  plan: Plan;
  says?: RunnerSays;
  now: number;
  idBase: string;
  /** IANA zone for the time the runner named (the browser's). */
  timeZone: string;
  onAnswer(answer: RunAnswer): void;
}

/** Rapid refuelling pays only when the next hard session is under ~8 h after the run. */
const ASK_WITHIN_MS = 8 * HOUR_MS;
const HOURS = [2, 4, 6] as const;

/**
 * Two one-tap questions a plan cannot answer from Strava: after a hard run, "another hard session
 * soon?" (it turns rapid refuelling on), and "it was hot" (more to drink, cooling first). Asked
 * only while the answer can still change the plan.
 */
export function RunQuestions({ plan, says, now, idBase, timeZone, onAnswer }: RunQuestionsProps) {
  const sinceEnd = now - plan.runEndedAt;
  const askSoon = plan.routine !== 'light' && sinceEnd < ASK_WITHIN_MS;
  const askHot = sinceEnd < 4 * HOUR_MS && (says?.hot === true || !plan.hot);
  if (!askSoon && !askHot) return null;
  const next = says?.nextHardSessionAt;
  return (
    <div class="bb-questions">
      {askSoon && (
        <fieldset class="bb-question" aria-labelledby={`${idBase}-soon`}>
          <span id={`${idBase}-soon`} class="bb-question-text">
            Another hard session today?
          </span>{' '}
          {HOURS.map((h) => (
            <button
              key={h}
              type="button"
              class="bb-chip-button"
              onClick={() => onAnswer({ hardSessionInHours: h })}
            >
              in ~{h} h
            </button>
          ))}
          <button
            type="button"
            class="bb-chip-button"
            aria-pressed={next === null}
            onClick={() => onAnswer({ hardSessionInHours: null })}
          >
            not today
          </button>
          {typeof next === 'number' && (
            <span class="bb-muted-inline" role="status">
              {' '}
              You said around <time>{formatClock(next, timeZone)}</time>
              {next - plan.runEndedAt < ASK_WITHIN_MS ? ': refuel fast until then.' : '.'}
            </span>
          )}
        </fieldset>
      )}
      {askHot && (
        <button
          type="button"
          class="bb-chip-button"
          aria-pressed={says?.hot === true}
          onClick={() => onAnswer({ hot: !(says?.hot === true) })}
        >
          It was hot
        </button>
      )}
    </div>
  );
}
