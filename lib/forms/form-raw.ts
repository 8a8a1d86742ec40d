// What a submitted form looks like to the pure parsers: every field as text (or several texts for
// checkbox groups), absent when the control was not submitted. Lets the parsers run without a DOM.
export type FormRaw = Record<string, string | string[] | undefined>;

/** The single text of a field, trimmed; '' when absent or when a list came instead. */
export function fieldText(raw: FormRaw, name: string): string {
  const value = raw[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** All values of a checkbox group, whatever shape it arrived in. */
export function fieldList(raw: FormRaw, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}
