import type { CheckIn } from '../../lib/model/check-in';
import type { RunView } from '../../lib/model/run-view';
import { formatDateKey } from '../../lib/ui/format-run-date';
import { type HistoryDay, historyDays } from '../../lib/ui/history-days';
import { historySummary } from '../../lib/ui/history-summary';

export interface HistoryChartProps {
  checkIns: readonly CheckIn[];
  runs: readonly RunView[];
  /** Today's local date, YYYY-MM-DD: the chart's last day. */
  today: string;
  timeZone: string;
  days?: number;
}

// Geometry in SVG units; the SVG scales to the popup's width.
const W = 340;
const LEFT = 26;
const RIGHT = 22;
const TOP = 8;
const MAIN_H = 84;
const GAP = 16;
const STRIP_H = 26;
const BOTTOM = 16;
const H = TOP + MAIN_H + GAP + STRIP_H + BOTTOM;
const SLEEP_MAX = 12;
const SORE_MAX = 10;
const READY_MAX = 96;

const fmt = (n: number | undefined, unit = '') => (n === undefined ? '–' : `${n}${unit}`);

/**
 * Two weeks at a glance: sleep as bars (left scale, hours), soreness as a line (right scale,
 * 0–10), and below them each day's readiness in hours. Screen readers get a sentence and a table.
 */
export function HistoryChart({ checkIns, runs, today, timeZone, days = 14 }: HistoryChartProps) {
  const rows = historyDays(checkIns, runs, today, timeZone, days);
  const summary = historySummary(rows);
  const slot = (W - LEFT - RIGHT) / Math.max(1, rows.length);
  const x = (i: number) => LEFT + i * slot + slot / 2;
  const yMain = (v: number, max: number) => TOP + MAIN_H - (Math.min(v, max) / max) * MAIN_H;
  const stripTop = TOP + MAIN_H + GAP;

  // The soreness line breaks where a day has no reading, instead of inventing one.
  const segments: string[][] = [];
  let current: string[] = [];
  rows.forEach((d, i) => {
    if (d.soreness === undefined) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(`${x(i).toFixed(1)},${yMain(d.soreness, SORE_MAX).toFixed(1)}`);
  });
  if (current.length) segments.push(current);

  return (
    <figure class="bb-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        class="bb-chart-svg"
        data-days={rows.length}
      >
        <g class="bb-grid">
          {[0, 6, 12].map((h) => (
            <g key={h}>
              <line x1={LEFT} x2={W - RIGHT} y1={yMain(h, SLEEP_MAX)} y2={yMain(h, SLEEP_MAX)} />
              <text x={LEFT - 4} y={yMain(h, SLEEP_MAX) + 3} text-anchor="end">
                {h}h
              </text>
            </g>
          ))}
          {[0, 5, 10].map((s) => (
            <text key={s} x={W - RIGHT + 4} y={yMain(s, SORE_MAX) + 3} class="bb-sore-axis">
              {s}
            </text>
          ))}
          <line x1={LEFT} x2={W - RIGHT} y1={stripTop + STRIP_H} y2={stripTop + STRIP_H} />
        </g>
        {rows.map((d, i) =>
          d.sleepHours === undefined ? null : (
            <rect
              key={`s${d.date}`}
              class="bb-sleep"
              x={x(i) - slot * 0.3}
              width={slot * 0.6}
              y={yMain(d.sleepHours, SLEEP_MAX)}
              height={TOP + MAIN_H - yMain(d.sleepHours, SLEEP_MAX)}
            />
          ),
        )}
        {segments.map((points) =>
          points.length > 1 ? (
            <polyline key={points[0]} class="bb-sore-line" points={points.join(' ')} />
          ) : null,
        )}
        {rows.map((d, i) =>
          d.soreness === undefined ? null : (
            <circle
              key={`p${d.date}`}
              class="bb-sore-dot"
              cx={x(i)}
              cy={yMain(d.soreness, SORE_MAX)}
              r={2.8}
            />
          ),
        )}
        {rows.map((d, i) => {
          if (d.readinessHours === undefined) return null;
          const h = Math.max(2, (Math.min(d.readinessHours, READY_MAX) / READY_MAX) * STRIP_H);
          return (
            <g key={`r${d.date}`}>
              <rect
                class="bb-ready"
                x={x(i) - slot * 0.3}
                width={slot * 0.6}
                y={stripTop + STRIP_H - h}
                height={h}
              />
              <text
                class="bb-ready-text"
                x={x(i)}
                y={stripTop + STRIP_H - h - 2}
                text-anchor="middle"
              >
                {Math.round(d.readinessHours)}
              </text>
            </g>
          );
        })}
        <g class="bb-grid">
          {rows.map((d, i) =>
            i % 2 === (rows.length - 1) % 2 ? (
              <text key={`d${d.date}`} x={x(i)} y={H - 4} text-anchor="middle">
                {Number(d.date.slice(8))}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <figcaption class="bb-legend" aria-hidden="true">
        <span class="bb-key bb-key-sleep">Sleep (h)</span>
        <span class="bb-key bb-key-sore">Soreness (0–10)</span>
        <span class="bb-key bb-key-ready">Ready after (h)</span>
      </figcaption>
      <HistoryTable rows={rows} />
    </figure>
  );
}

function HistoryTable({ rows }: { rows: HistoryDay[] }) {
  return (
    <table class="bb-sr">
      <caption>Sleep, soreness and readiness, last {rows.length} days</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Sleep</th>
          <th scope="col">Soreness (0–10)</th>
          <th scope="col">Ready after</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.date}>
            <th scope="row">{formatDateKey(d.date)}</th>
            <td>{fmt(d.sleepHours, ' h')}</td>
            <td>{fmt(d.soreness)}</td>
            <td>{d.readinessHours === undefined ? '–' : `${Math.round(d.readinessHours)} h`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
