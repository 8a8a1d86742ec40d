// One HTTP exchange with Strava: timeout, network failure, JSON and schema checks, and Strava's
// error bodies, all turned into StravaError. Used by the API client and by the OAuth calls.

import type { z } from 'zod/mini';
import { StravaError } from './errors';
import { type Fault, FaultSchema } from './schemas';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Http {
  fetch: Fetch;
  timeoutMs: number;
  now: () => number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/** A finished exchange: the body is already read, so the timeout covered all of it. */
export interface StravaResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/** Sends the request and reads the body; rejects only with StravaError (offline or timeout). */
export async function send(
  http: Http,
  url: string,
  init: RequestInit,
  endpoint: string,
): Promise<StravaResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  try {
    const response = await http.fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { status: response.status, ok: response.ok, headers: response.headers, text };
  } catch {
    if (controller.signal.aborted) {
      throw new StravaError({ kind: 'timeout', endpoint, afterMs: http.timeoutMs });
    }
    // fetch rejects only when no (complete) HTTP answer came back.
    throw new StravaError({ kind: 'offline', endpoint });
  } finally {
    clearTimeout(timer);
  }
}

export function readJson(response: StravaResponse, endpoint: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    throw new StravaError({ kind: 'bad-response', endpoint, path: '', issue: 'not JSON' });
  }
}

export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  endpoint: string,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new StravaError({
    kind: 'bad-response',
    endpoint,
    path: issue ? issue.path.map(String).join('.') : '',
    issue: issue ? describeIssue(issue) : 'invalid',
  });
}

/** The first issue, with its path: what a quarantined record says was wrong with it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${describeIssue(issue)}` : describeIssue(issue);
}

// zod/mini carries no locale texts ("Invalid input"), so name the expectation ourselves.
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code;
}

/** Strava's error body, or null when the body is not a Fault (HTML error pages, empty bodies). */
export function readFault(response: StravaResponse): Fault | null {
  try {
    const result = FaultSchema.safeParse(JSON.parse(response.text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const PERMISSION_NAMES: Record<string, string> = {
  'activity:read_permission': 'View data about your activities',
  'activity:read_all_permission': 'View data about your private activities',
  'profile:read_all_permission': 'View your complete Strava profile',
  'activity:write_permission': 'Upload your activities from Bounceback to Strava',
};

/** The permission a 401 says is missing (`{"field":"activity:read_permission","code":"missing"}`). */
export function missingPermission(fault: Fault | null): string | undefined {
  const missing = fault?.errors?.find((e) => e.code === 'missing' && e.field);
  if (!missing?.field) return undefined;
  return PERMISSION_NAMES[missing.field] ?? missing.field;
}
