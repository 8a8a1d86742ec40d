import type { RunnerTagKind } from '../../lib/model/runner-tag';
import type { RunAnswer } from '../shared/RunQuestions';

/** What the panel asks of its host; the content script wires these to the background. */
export interface PanelActions {
  toggleCollapsed(): void;
  /** "Check now": look this activity up on Strava (the background allows one look-up a while). */
  lookAgain(): void;
  openOptions(): void;
  openCheckIn(): void;
  setStepDone(stepId: string, done: boolean): void;
  /** The runner corrects the run's kind (null takes it back). */
  setRunKind(kind: RunnerTagKind | null): void;
  /** The runner's answers about the run (next hard session, "it was hot"). */
  answer(answer: RunAnswer): void;
}
