// "Can I go hard today?": the verdict first, its reasons, and what changes later today and
// tomorrow. The panel and the popup both open with it; the countdown is the detail behind it.

import type { DailyVerdicts } from '../../lib/model/verdict';
import { formatClock } from '../../lib/recovery/local-date';
import { VERDICT_WORDS } from '../../lib/ui/verdict-words';

interface Props {
  verdicts: DailyVerdicts;
  timeZone: string;
  locale?: string;
}

export function VerdictCard({ verdicts, timeZone, locale }: Props) {
  const { now, later, tomorrow } = verdicts;
  return (
    <section class={`bb-verdict bb-verdict-${now.verdict}`} aria-label="Today’s verdict">
      <p class="bb-verdict-head">
        <strong>Today: {VERDICT_WORDS[now.verdict]}</strong>
      </p>
      <ul class="bb-verdict-reasons">
        {now.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {now.warnings.length > 0 && (
        <ul class="bb-warnings">
          {now.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <p class="bb-verdict-next">
        {later && (
          <>
            From {formatClock(later.at, timeZone, locale)}: {VERDICT_WORDS[later.verdict]}.{' '}
          </>
        )}
        Tomorrow: {VERDICT_WORDS[tomorrow.verdict]}.
      </p>
    </section>
  );
}
