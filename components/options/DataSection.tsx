import { useRef, useState } from 'preact/hooks';
import type { MergeReport } from '../../lib/data/merge-import';
import { MAX_IMPORT_BYTES } from '../../lib/data/parse-import';
import type { SaveOutcome } from '../shared/SaveOutcome';
import { ImportReportView } from './ImportReportView';

export type ImportOutcome = { ok: true; report: MergeReport } | { ok: false; error: string };

export interface DataActions {
  /** Builds the file and offers it as a download. */
  exportData(): Promise<SaveOutcome>;
  /** Parses, merges and stores the file's text (lib/data/parse-import + merge-import). */
  importData(text: string): Promise<ImportOutcome>;
  deleteEverything(): Promise<SaveOutcome>;
  disconnect(): Promise<SaveOutcome>;
}

export interface DataSectionProps {
  connected: boolean;
  actions: DataActions;
  maxImportBytes?: number;
}

type Line = { ok: boolean; text: string } | null;

/** Export, import, delete everything, disconnect: the runner's data is theirs. */
export function DataSection({
  connected,
  actions,
  maxImportBytes = MAX_IMPORT_BYTES,
}: DataSectionProps) {
  const [exportLine, setExportLine] = useState<Line>(null);
  const [importState, setImportState] = useState<ImportOutcome | { busy: true } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleteLine, setDeleteLine] = useState<Line>(null);
  const [disconnectLine, setDisconnectLine] = useState<Line>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);

  async function run(action: () => Promise<SaveOutcome>, set: (l: Line) => void, fallback: string) {
    setBusy(true);
    try {
      const outcome = await action();
      set({ ok: outcome.ok, text: outcome.message ?? (outcome.ok ? 'Done.' : fallback) });
    } catch {
      set({ ok: false, text: fallback });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Checked before reading, so a huge file is never loaded into memory.
    if (file.size > maxImportBytes) {
      setImportState({ ok: false, error: 'This file is too large to be a Bounceback export.' });
      input.value = '';
      return;
    }
    setImportState({ busy: true });
    try {
      setImportState(await actions.importData(await file.text()));
    } catch {
      setImportState({ ok: false, error: 'The file could not be read.' });
    } finally {
      input.value = ''; // choosing the same file again imports it again
    }
  }

  function startDelete() {
    setConfirming(true);
    setDeleteLine(null);
    queueMicrotask(() => confirmRef.current?.focus());
  }
  function cancelDelete() {
    setConfirming(false);
    queueMicrotask(() => deleteRef.current?.focus());
  }
  async function confirmDelete() {
    setConfirming(false);
    await run(
      actions.deleteEverything,
      setDeleteLine,
      'Could not delete everything. Please try again.',
    );
    queueMicrotask(() => deleteRef.current?.focus());
  }

  const line = (l: Line) => (
    <p role="status" class={l?.ok === false ? 'bb-error' : 'bb-ok'}>
      {l?.text}
    </p>
  );

  return (
    <section class="bb-section" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="bb-hint">
        Everything stays in this browser. The export holds your check-ins, weigh-ins, runs with
        their plans and classifications, and settings; never your Strava tokens or client secret.
      </p>

      <div class="bb-data-row">
        <h3>Export</h3>
        <button
          type="button"
          disabled={busy}
          onClick={() => run(actions.exportData, setExportLine, 'Export failed. Please try again.')}
        >
          Export everything (JSON)
        </button>
        {line(exportLine)}
      </div>

      <div class="bb-data-row">
        <h3>Import</h3>
        <label for="d-import">Import a Bounceback export</label>
        <input
          id="d-import"
          type="file"
          accept="application/json,.json"
          aria-describedby="d-import-hint"
          disabled={busy || (importState !== null && 'busy' in importState)}
          onChange={importFile}
        />
        <p id="d-import-hint" class="bb-hint">
          Records are merged: nothing is duplicated, and a day’s check-in is replaced only by a
          newer edit.
        </p>
        <div role="status" aria-live="polite">
          {importState && 'busy' in importState && <p>Importing…</p>}
          {importState && 'ok' in importState && !importState.ok && (
            <p class="bb-error">{importState.error}</p>
          )}
          {importState && 'ok' in importState && importState.ok && (
            <ImportReportView report={importState.report} />
          )}
        </div>
      </div>

      <div class="bb-data-row">
        <h3>Delete</h3>
        {!confirming ? (
          <button
            type="button"
            class="bb-danger"
            ref={deleteRef}
            disabled={busy}
            onClick={startDelete}
          >
            Delete everything…
          </button>
        ) : (
          <div class="bb-confirm">
            <p id="d-confirm-text">
              Delete all check-ins, weigh-ins, runs, plans and settings from this browser? The
              Strava connection stays (disconnect below). This cannot be undone; export first if you
              may want them back.
            </p>
            <button
              type="button"
              class="bb-danger"
              ref={confirmRef}
              aria-describedby="d-confirm-text"
              onClick={confirmDelete}
            >
              Yes, delete everything
            </button>{' '}
            <button type="button" onClick={cancelDelete}>
              Cancel
            </button>
          </div>
        )}
        {line(deleteLine)}
      </div>

      {connected && (
        <div class="bb-data-row">
          <h3>Disconnect</h3>
          <p class="bb-hint">
            Withdraws Bounceback’s access at Strava and forgets the tokens. Your check-ins and plans
            stay.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(actions.disconnect, setDisconnectLine, 'Could not disconnect. Please try again.')
            }
          >
            Disconnect Strava
          </button>
          {line(disconnectLine)}
        </div>
      )}
    </section>
  );
}
