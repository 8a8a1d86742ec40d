/** What a save (or any action) answered, for a short status line. */
export interface SaveOutcome {
  ok: boolean;
  message?: string;
}
