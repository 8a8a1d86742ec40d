// Strava's rate limits as a pure state machine: figures come from response headers, windows are
// UTC quarter hours (:00/:15/:30/:45) and UTC days. No timers, no storage: callers pass `now`
// and keep the snapshot (it is plain JSON, persisted with the connection status).
import {
  type BudgetSnapshot,
  EMPTY_BUDGET,
  type LimitFigures,
  type WindowFigures,
} from '../model/connection';
import { DAY_MS } from '../time';

const QUARTER_MS = 15 * 60 * 1000;
/** Above this share of any window, non-urgent calls wait for the window to reset. */
const HOLD_BACK_SHARE = 0.8;

function quarterStart(now: number): number {
  return Math.floor(now / QUARTER_MS) * QUARTER_MS;
}
export function nextQuarter(now: number): number {
  return quarterStart(now) + QUARTER_MS;
}
function dayStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}
export function nextMidnightUtc(now: number): number {
  return dayStart(now) + DAY_MS;
}

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | undefined>)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

function pair(value: string | undefined): [number, number] | null {
  if (!value) return null;
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n) || n < 0)) return null;
  return [parts[0]!, parts[1]!];
}

function readFamily(headers: HeaderSource, prefix: string, now: number): LimitFigures | null {
  const limit = pair(header(headers, `${prefix}-Limit`));
  const usage = pair(header(headers, `${prefix}-Usage`));
  if (!limit || !usage) return null;
  return {
    quarter: { limit: limit[0], usage: usage[0] },
    day: { limit: limit[1], usage: usage[1] },
    at: now,
  };
}

/** Take the figures a response carries; a family the response lacks keeps its last figures. */
export function updateFromHeaders(
  budget: BudgetSnapshot,
  headers: HeaderSource,
  now: number,
): BudgetSnapshot {
  return {
    overall: readFamily(headers, 'X-RateLimit', now) ?? budget.overall,
    read: readFamily(headers, 'X-ReadRateLimit', now) ?? budget.read,
    pausedUntil:
      budget.pausedUntil !== null && budget.pausedUntil > now ? budget.pausedUntil : null,
  };
}

export interface WindowView extends WindowFigures {
  family: 'overall' | 'read';
  window: 'quarter' | 'day';
  resetsAt: number;
}

/** Usage as it stands at `now`: figures from an earlier window count as zero (it has reset). */
export function windows(budget: BudgetSnapshot, now: number): WindowView[] {
  const out: WindowView[] = [];
  for (const family of ['overall', 'read'] as const) {
    const f = budget[family];
    if (!f) continue;
    const sameQuarter = quarterStart(f.at) === quarterStart(now);
    const sameDay = dayStart(f.at) === dayStart(now);
    out.push({
      family,
      window: 'quarter',
      limit: f.quarter.limit,
      usage: sameQuarter ? f.quarter.usage : 0,
      resetsAt: nextQuarter(now),
    });
    out.push({
      family,
      window: 'day',
      limit: f.day.limit,
      usage: sameDay ? f.day.usage : 0,
      resetsAt: nextMidnightUtc(now),
    });
  }
  return out;
}

/**
 * When a call may go out (epoch ms), or null if it may go now. Urgent calls (the runner pressed a
 * button) only wait for a 429 pause or a full window; background calls also wait above 80%.
 */
export function blockedUntil(budget: BudgetSnapshot, urgent: boolean, now: number): number | null {
  let until = activePause(budget, now);
  for (const w of windows(budget, now)) {
    if (w.limit <= 0) continue;
    const full = w.usage >= w.limit;
    const high = w.usage >= w.limit * HOLD_BACK_SHARE;
    if (full || (!urgent && high)) until = Math.max(until ?? 0, w.resetsAt);
  }
  return until;
}

export function canSpend(budget: BudgetSnapshot, urgent: boolean, now: number): boolean {
  return blockedUntil(budget, urgent, now) === null;
}

/**
 * After a 429 (headers already applied): pause until the window that ran out resets. A full
 * daily window means midnight UTC; otherwise the next quarter hour (also when we cannot tell).
 */
export function recordRateLimited(budget: BudgetSnapshot, now: number): BudgetSnapshot {
  const dayFull = windows(budget, now).some((w) => w.window === 'day' && w.usage >= w.limit);
  const until = dayFull ? nextMidnightUtc(now) : nextQuarter(now);
  return { ...budget, pausedUntil: Math.max(activePause(budget, now) ?? 0, until) };
}

/**
 * The 429 pause still in force. No Strava window lasts past the next midnight UTC, so a pause
 * beyond it (recorded while the clock was far ahead, or corrupt) is not one.
 */
function activePause(budget: BudgetSnapshot, now: number): number | null {
  const p = budget.pausedUntil;
  return p !== null && p > now && p <= nextMidnightUtc(now) ? p : null;
}

/** Where the client keeps the current snapshot (memory in tests, memory + storage in the app). */
export interface BudgetStore {
  get(): BudgetSnapshot;
  set(next: BudgetSnapshot): void;
}

export function memoryBudgetStore(
  initial: BudgetSnapshot = EMPTY_BUDGET,
  onChange?: (next: BudgetSnapshot) => void,
): BudgetStore {
  let current = initial;
  return {
    get: () => current,
    set(next) {
      current = next;
      onChange?.(next);
    },
  };
}
