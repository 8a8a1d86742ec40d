import { formatNumber } from '../recovery/units';
import { formatDateKey } from './format-run-date';
import type { HistoryDay } from './history-days';

/** The chart in one or two sentences, for screen readers and for anyone who prefers reading. */
export function historySummary(days: readonly HistoryDay[]): string {
  const sleep = days.flatMap((d) => (d.sleepHours === undefined ? [] : [d.sleepHours]));
  const sore = days.filter((d) => d.soreness !== undefined);
  const ready = days.flatMap((d) => (d.readinessHours === undefined ? [] : [d.readinessHours]));
  const runs = days.reduce((n, d) => n + d.runs, 0);
  const parts: string[] = [];
  if (sleep.length) {
    const avg = sleep.reduce((a, b) => a + b, 0) / sleep.length;
    parts.push(
      `sleep averaged ${formatNumber(avg, 1)} h over ${sleep.length} ${sleep.length === 1 ? 'night' : 'nights'} (least ${formatNumber(Math.min(...sleep), 1)} h)`,
    );
  }
  if (sore.length) {
    const values = sore.map((d) => d.soreness as number);
    const last = sore[sore.length - 1] as HistoryDay;
    parts.push(
      `soreness ranged ${Math.min(...values)}–${Math.max(...values)} of 10, latest ${last.soreness} on ${formatDateKey(last.date)}`,
    );
  }
  if (runs) {
    parts.push(
      `${runs} ${runs === 1 ? 'run' : 'runs'} needing ${formatNumber(Math.min(...ready))}${ready.length > 1 && Math.max(...ready) !== Math.min(...ready) ? `–${formatNumber(Math.max(...ready))}` : ''} h to be ready`,
    );
  }
  const span = `Last ${days.length} days`;
  return parts.length ? `${span}: ${parts.join('; ')}.` : `${span}: no check-ins or runs yet.`;
}
