/** What the panel asks of its host; the content script wires these to the background. */
export interface PanelActions {
  toggleCollapsed(): void;
  /** "Check now": sync with Strava. */
  syncNow(): void;
  openOptions(): void;
  openCheckIn(): void;
  setStepDone(stepId: string, done: boolean): void;
}
