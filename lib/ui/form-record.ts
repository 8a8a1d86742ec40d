import type { FormRaw } from '../forms/form-raw';

/**
 * A submitted form as the pure parsers read it: one text per field, a list where a name repeats
 * (checkbox groups). Unticked checkboxes are absent, as in any form submission.
 */
export function formRecord(form: HTMLFormElement): FormRaw {
  const raw: Record<string, string | string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue; // files are read elsewhere
    const prev = raw[name];
    raw[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return raw;
}
