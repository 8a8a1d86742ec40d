import type { PanelTarget } from '../lib/content/panel-mounter';

export function Panel({ target }: { target: PanelTarget }) {
  return (
    <section
      class={target.fallback ? 'bb-panel bb-card' : 'bb-panel'}
      aria-label="Bounceback recovery"
    >
      <header class="bb-head">
        <span class="bb-logo" aria-hidden="true">
          ↺
        </span>
        <h2>Bounceback</h2>
      </header>
      <p class="bb-muted">
        {target.own
          ? 'Looking for this run’s recovery plan…'
          : 'Recovery plans are shown for your own runs.'}
      </p>
    </section>
  );
}
