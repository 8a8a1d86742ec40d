import type { Counts, MergeReport } from '../../lib/data/merge-import';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counts = (c: Counts) =>
  [plural(c.checkIns, 'check-in'), plural(c.weighIns, 'weigh-in'), plural(c.runs, 'run')].join(
    ', ',
  );
const total = (c: Counts) => c.checkIns + c.weighIns + c.runs;

/** What an import did: added, updated, already there, and each refusal with its reason. */
export function ImportReportView({ report }: { report: MergeReport }) {
  return (
    <div class="bb-report">
      <h3>Import finished</h3>
      <ul>
        <li>Added: {total(report.added) ? counts(report.added) : 'nothing new'}</li>
        {total(report.updated) > 0 && <li>Updated: {counts(report.updated)}</li>}
        {total(report.unchanged) > 0 && <li>Already here: {counts(report.unchanged)}</li>}
        <li>
          Settings:{' '}
          {report.settings === 'replaced'
            ? 'taken from the file'
            : report.settings === 'unchanged'
              ? 'the same as yours'
              : 'none in the file, yours kept'}
        </li>
      </ul>
      {report.refused.length > 0 && (
        <>
          <h4>Not imported ({report.refused.length})</h4>
          <ul class="bb-refused">
            {report.refused.map((r, i) => (
              <li key={i}>
                <strong>{r.what}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
