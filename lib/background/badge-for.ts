// What the toolbar badge says: the refuel window's minutes while it runs (coloured by urgency),
// then the hours until ready in a calm colour, "!" when Strava needs reconnecting, else nothing.
import type { Plan } from '../recovery/plan-types';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const MIN = 60_000;
const HOUR = 3_600_000;

export function badgeFor(input: {
  plans: readonly { plan: Plan; done: readonly string[] }[];
  now: number;
  reconnectNeeded: boolean;
}): Badge {
  const { now } = input;
  if (input.reconnectNeeded) {
    return { text: '!', color: '#B91C1C', title: 'Bounceback: reconnect Strava in the options' };
  }
  const refuel = input.plans
    .filter(({ plan, done }) => !done.includes('refuel-snack') && plan.runEndedAt <= now)
    .map(({ plan }) => plan.timers.find((t) => t.id === 'refuel'))
    .filter((t) => t !== undefined && t.startsAt <= now && now < t.endsAt)
    .sort((a, b) => a!.endsAt - b!.endsAt)[0];
  if (refuel) {
    const left = Math.max(1, Math.ceil((refuel.endsAt - now) / MIN));
    const color = left <= 5 ? '#B91C1C' : left <= 15 ? '#C2410C' : '#B45309';
    return { text: `${left}m`, color, title: `Bounceback: refuel within ${left} min` };
  }
  const readyAt = Math.max(
    0,
    ...input.plans.filter(({ plan }) => plan.runEndedAt <= now).map(({ plan }) => plan.readyAt),
  );
  if (readyAt > now) {
    const hours = Math.ceil((readyAt - now) / HOUR);
    return {
      text: `${hours}h`,
      color: '#4B5563',
      title: `Bounceback: ready for a hard session in about ${hours} h`,
    };
  }
  return { text: '', color: '#4B5563', title: 'Bounceback' };
}

/** A countdown is on the badge, so it needs the once-a-minute alarm. */
export function badgeTicks(badge: Badge): boolean {
  return badge.text !== '' && badge.text !== '!';
}
