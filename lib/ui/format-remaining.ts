import { MINUTE_MS } from '../time';
/** "24:05" under an hour, "5 h 12 min" under two days, else "2 d 3 h". */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const m = Math.floor(s / 60);
  if (m < 48 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  const h = Math.floor(m / 60);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/**
 * What a screen reader hears for a time left: minutes under an hour, else whole hours, so a
 * polite live region speaks at most once a minute, and only once an hour for long countdowns.
 */
export function spokenRemaining(ms: number): string {
  const minutes = Math.ceil(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `about ${Math.floor(hours / 24)} days ${hours % 24} hours`;
}
