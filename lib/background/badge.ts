// The toolbar badge, its only writer: the open eating window's minutes (refuel, or the "meal
// now" of a plan seen after it; an hour at most) (coloured by
// urgency), then the hours until ready in a calm colour, "!" when Strava needs reconnecting.
import { browser } from 'wxt/browser';
import type { Plan } from '../model/plan';
import { refuelDone } from '../model/step-ids';
import { HOUR_MS, MINUTE_MS } from '../time';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export interface BadgeInput {
  plans: readonly { plan: Plan; done: readonly string[] }[];
  now: number;
  reconnectNeeded: boolean;
}

const RED = '#B91C1C';
const CALM = '#4B5563';

export function badgeFor(input: BadgeInput): Badge {
  const { now } = input;
  if (input.reconnectNeeded) {
    return { text: '!', color: RED, title: 'Bounceback: reconnect Strava in the options' };
  }
  const refuel = input.plans
    .filter(({ plan, done }) => !refuelDone(done) && plan.runEndedAt <= now)
    .flatMap(({ plan }) => plan.timers.filter((t) => t.id === 'refuel'))
    .filter((t) => t.startsAt <= now && now < t.endsAt)
    .sort((a, b) => a.endsAt - b.endsAt)[0];
  if (refuel) {
    const left = Math.max(1, Math.ceil((refuel.endsAt - now) / MINUTE_MS));
    const color = left <= 5 ? RED : left <= 15 ? '#C2410C' : '#B45309';
    return { text: `${left}m`, color, title: `Bounceback: eat within ${left} min` };
  }
  const readyAt = Math.max(
    0,
    ...input.plans.filter(({ plan }) => plan.runEndedAt <= now).map(({ plan }) => plan.readyAt),
  );
  if (readyAt > now) {
    const hours = Math.ceil((readyAt - now) / HOUR_MS);
    return {
      text: `${hours}h`,
      color: CALM,
      title: `Bounceback: ready for a hard session in about ${hours} h`,
    };
  }
  return { text: '', color: CALM, title: 'Bounceback' };
}

/** A countdown is on the badge, so it needs the once-a-minute alarm. */
export function badgeTicks(badge: Badge): boolean {
  return badge.text !== '' && badge.text !== '!';
}

export async function paintBadge(badge: Badge): Promise<void> {
  // MV3 `action`; Firefox's MV2 build has `browserAction`.
  const action =
    browser.action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}
