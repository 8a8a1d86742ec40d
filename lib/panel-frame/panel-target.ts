/** Which activity the panel shows, as its host page asked for it. */
export interface PanelTarget {
  activityId: number;
  /** The page showed owner controls (a hint: the background decides from its own records). */
  own: boolean;
  /** No anchor: render as a small fixed card. */
  fallback: boolean;
}

/**
 * The panel page's hash (`#activity=…&own=1&fallback=0`, written by mountPanelFrame) as a target,
 * or null for anything else: the hash comes through Strava's page, so it is checked like input.
 */
export function panelTargetFrom(hash: string): PanelTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get('activity') ?? '';
  if (!/^\d{1,20}$/.test(raw)) return null;
  const activityId = Number(raw);
  if (!Number.isSafeInteger(activityId) || activityId <= 0) return null;
  return { activityId, own: params.get('own') === '1', fallback: params.get('fallback') === '1' };
}
