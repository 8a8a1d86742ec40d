import type { Units } from '../../lib/model/profile';
import { planKindOf, runKindLabel } from '../../lib/model/run-kind';
import type { RunView } from '../../lib/model/run-view';
import { formatDistance } from '../../lib/recovery/units';
import { formatRemaining } from '../../lib/ui/format-remaining';
import { formatDateKey, runDateKey } from '../../lib/ui/format-run-date';
import { StravaLink } from './StravaLink';

export interface RecentRunsProps {
  runs: readonly RunView[];
  now: number;
  timeZone: string;
  units: Units;
}

/** Recent runs: what each was, when, how long its recovery took, and a way back to Strava. */
export function RecentRuns({ runs, now, timeZone, units }: RecentRunsProps) {
  return (
    <ul class="bb-runs">
      {runs.map((run) => {
        const { activity, plan } = run;
        const readiness =
          plan.readyAt > now
            ? `ready in ${formatRemaining(plan.readyAt - now)}`
            : `ready after ${Math.round(plan.readiness.hours)} h`;
        return (
          <li key={activity.id} class="bb-run">
            <div class="bb-run-head">
              <span class={`bb-kind bb-kind-${planKindOf(run.classification)}`}>
                {runKindLabel(run.classification)}
              </span>
              <span class="bb-muted">{formatDateKey(runDateKey(activity, timeZone))}</span>
            </div>
            <p class="bb-run-name">{activity.name}</p>
            <p class="bb-run-meta">
              {formatDistance(activity.distance, units)} · {readiness}
            </p>
            <StravaLink activityId={activity.id} name={activity.name} />
          </li>
        );
      })}
    </ul>
  );
}
