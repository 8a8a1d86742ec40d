import { useState } from 'preact/hooks';
import type { Classification } from '../../lib/model/classification';
import { PLAN_KIND_LABELS, planKindOf } from '../../lib/model/run-kind';

export interface KindChipProps {
  classification: Classification;
  /** Unique within the shadow root: ties the disclosure button to its list. */
  idBase: string;
  /** Header form: the label and source only, no reasons. */
  compact?: boolean;
  /** Extra facts after the source, e.g. the distance in the runner's units. */
  extra?: string;
}

/**
 * In words, not a percentage: the classifier's confidence is a score, not a calibrated probability,
 * and "100% sure" would promise what a heuristic cannot.
 */
export function sourceText(classification: Classification): string {
  if (classification.source === 'runner-tag') return 'you said';
  if (classification.source === 'strava-tag') return 'tagged on Strava';
  const { confidence } = classification;
  return confidence >= 0.8
    ? 'detected, confident'
    : confidence >= 0.55
      ? 'detected, likely'
      : 'detected, a best guess';
}

/** The kind of run, where it came from, and (on expand) why. */
export function KindChip({ classification, idBase, compact, extra }: KindChipProps) {
  const [open, setOpen] = useState(false);
  const kind = planKindOf(classification);
  const reasonsId = `${idBase}-reasons`;
  const chip = (
    <span class={`bb-chip bb-kind-${kind}`}>
      <strong>{PLAN_KIND_LABELS[kind]}</strong>
      <span class="bb-chip-source">{sourceText(classification)}</span>
    </span>
  );
  if (compact) return chip;
  const reasons = classification.reasons;
  return (
    <div class="bb-kind">
      <div class="bb-kind-row">
        {chip}
        {extra ? <span class="bb-muted-inline">{extra}</span> : null}
        {reasons.length > 0 ? (
          <button
            type="button"
            class="bb-link"
            aria-expanded={open}
            aria-controls={reasonsId}
            onClick={() => setOpen(!open)}
          >
            Why this kind?
          </button>
        ) : null}
      </div>
      {reasons.length > 0 ? (
        <ul id={reasonsId} class="bb-reasons" hidden={!open}>
          {reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
