// The panel on an own activity that sync has not stored: one direct fetch of that activity, at most
// one per tab every 10 minutes, never urgent and never a list. Strava's page controls the tab's URL
// and the frame's hash, so nothing here may cost more than that one call per tab and window.
import { storage } from 'wxt/utils/storage';
import type { LookUpNote, PanelState } from '../messaging/views';
import { syncStatusItem } from '../store/sync-items';
import { isStravaError } from '../strava/errors';
import { lookUpActivity } from '../sync/look-up';
import type { AppContext } from './context';
import { announcer } from './notifications';
import { readProfile } from './profile';
import { readPanel } from './views';

export const LOOK_UP_EVERY_MS = 10 * 60_000;

interface TabLookUp {
  activityId: number;
  at: number;
  note: LookUpNote | null;
}

/** Per tab, in session storage: a worker restart must not reset the allowance. */
const lookUpsItem = storage.defineItem<Record<string, TabLookUp>>('session:panelLookUps', {
  fallback: {},
});

/** One look-up at a time per tab: a second one then sees the first's claim. */
const queues = new Map<string, Promise<unknown>>();

function noteFor(error: unknown, now: number): LookUpNote {
  if (isStravaError(error, 'rate-limited')) {
    return {
      outcome: 'paused',
      message: 'Strava’s rate limit is reached, so Bounceback did not ask about this run.',
      retryAt: error.detail.until,
    };
  }
  return {
    outcome: 'failed',
    message: 'Strava did not answer about this run; Bounceback will look again later.',
    retryAt: now + LOOK_UP_EVERY_MS,
  };
}

async function unknown(note: LookUpNote | null): Promise<PanelState> {
  return { state: 'unknown', sync: await syncStatusItem.getValue(), lookUp: note ?? undefined };
}

async function fetchOnce(ctx: AppContext, activityId: number, key: string): Promise<PanelState> {
  const now = ctx.now();
  const all = await lookUpsItem.getValue();
  const last = all[key];
  // Bounded by the clock both ways: a clock set back must not lock the panel out for hours.
  const recent = last && now >= last.at && now - last.at < LOOK_UP_EVERY_MS;
  if (recent && last.activityId === activityId) return unknown(last.note);
  if (recent) {
    return unknown({
      outcome: 'throttled',
      message: 'Bounceback looked up another activity in this tab a moment ago.',
      retryAt: last.at + LOOK_UP_EVERY_MS,
    });
  }
  const connection = await ctx.strava.getConnection();
  // Claim the slot before the call: a killed worker must not get a second try on restart.
  await lookUpsItem.setValue({ ...all, [key]: { activityId, at: now, note: null } });
  let note: LookUpNote | null;
  try {
    await ctx.strava.ready;
    const found = await lookUpActivity(
      {
        source: ctx.source(),
        collections: ctx.collections,
        profile: () => readProfile(ctx),
        now: ctx.now,
        ...announcer(ctx),
      },
      activityId,
      connection.athlete?.id ?? null,
    );
    note =
      found.outcome === 'stored'
        ? null
        : {
            outcome: found.outcome,
            message:
              found.outcome === 'not-found'
                ? 'Strava did not show Bounceback this activity: it may be private, or deleted.'
                : 'This activity belongs to another athlete.',
            retryAt: null,
          };
  } catch (error) {
    note = noteFor(error, now);
  }
  await lookUpsItem.setValue({
    ...(await lookUpsItem.getValue()),
    [key]: { activityId, at: now, note },
  });
  return (await readPanel(ctx, activityId, true)) ?? unknown(note);
}

/** `tabId`: the panel's tab (null when a page of ours asks, which shares one allowance). */
export function panelLookUp(
  ctx: AppContext,
  activityId: number,
  tabId: number | null,
): Promise<PanelState> {
  const key = String(tabId ?? 'pages');
  const next = (queues.get(key) ?? Promise.resolve()).then(() => fetchOnce(ctx, activityId, key));
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
