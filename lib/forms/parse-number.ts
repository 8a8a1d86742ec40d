// Number fields as people type them: "7.5", "7,5", " 8 ". Anything else ("seven", "1e3", "0x10",
// "Infinity") is not a number here, so the message can say what to type instead.

/** undefined for an empty field, NaN for text that is not a plain decimal number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  // One decimal comma is a decimal point in much of Europe.
  const normalized = t.replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}
