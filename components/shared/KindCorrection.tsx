import { useState } from 'preact/hooks';
import { PLAN_KIND_LABELS, type PlanKind, planKindOf } from '../../lib/model/run-kind';
import { RUNNER_TAGS, type RunnerTagKind } from '../../lib/model/runner-tag';

export interface KindCorrectionProps {
  classification: { kind: 'easy' | 'workout' | 'long'; race: boolean; source: string };
  /** Unique on its page: ties the disclosure button to its choices. */
  idBase: string;
  /** The runner's choice, or null to take their word back. */
  onSet(kind: RunnerTagKind | null): void;
}

/**
 * "Not right?": one click to say what the run was (easy, workout, long run, race), one to take it
 * back. Closed by default so it never crowds the plan; the choices are plain buttons.
 */
export function KindCorrection({ classification, idBase, onSet }: KindCorrectionProps) {
  const [open, setOpen] = useState(false);
  const current: PlanKind = planKindOf(classification);
  const said = classification.source === 'runner-tag';
  const choicesId = `${idBase}-kinds`;
  return (
    <div class="bb-correct">
      <button
        type="button"
        class="bb-link"
        aria-expanded={open}
        aria-controls={choicesId}
        onClick={() => setOpen(!open)}
      >
        {said ? 'Change what you said' : 'Not right?'}
      </button>
      <fieldset id={choicesId} class="bb-correct-choices" hidden={!open} aria-label="This run was">
        {RUNNER_TAGS.map((kind) => (
          <button
            key={kind}
            type="button"
            class="bb-chip-button"
            aria-pressed={said && current === kind}
            onClick={() => {
              setOpen(false);
              onSet(kind);
            }}
          >
            {PLAN_KIND_LABELS[kind]}
          </button>
        ))}
        {said ? (
          <button
            type="button"
            class="bb-link"
            onClick={() => {
              setOpen(false);
              onSet(null);
            }}
          >
            Undo: let Bounceback decide
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
