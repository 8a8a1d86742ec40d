/** "24:05" under an hour, "5 h 12 min" under two days, else "2 d 3 h". */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const m = Math.floor(s / 60);
  if (m < 48 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  const h = Math.floor(m / 60);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
