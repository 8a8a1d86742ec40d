export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))));
  return s[i]!;
}

/** "median 12.3 (p10 10.1 – p90 15.2, n 20)" */
export function spread(xs: readonly number[], digits = 1): string {
  return `median ${median(xs).toFixed(digits)} (p10 ${quantile(xs, 0.1).toFixed(digits)} – p90 ${quantile(xs, 0.9).toFixed(digits)}, n ${xs.length})`;
}
