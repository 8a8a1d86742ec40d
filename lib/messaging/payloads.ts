// Payload schemas for the messages that carry data (records come from lib/model). Never trust a
// message: the background parses every payload with these before acting on it.
import { z } from 'zod/mini';
import { id } from '../model/fields';
import { RUNNER_TAGS } from '../model/runner-tag';
import { clientIdProblem, clientSecretProblem } from '../strava/credentials';

const checked = (problem: (v: string) => string | null) =>
  z.superRefine((v: string, ctx) => {
    const message = problem(v);
    if (message) ctx.addIssue({ code: 'custom', message, input: v });
  });

export const ConnectRequestSchema = z.strictObject({
  /** Digits, from strava.com/settings/api. */
  clientId: z.string().check(z.trim(), checked(clientIdProblem)),
  /**
   * 40 hex characters, from strava.com/settings/api. May be left out to reuse the secret saved
   * for the same client id (reconnecting after "reconnect needed").
   */
  clientSecret: z.optional(
    z.string().check(z.trim(), z.toLowerCase(), checked(clientSecretProblem)),
  ),
});
export type ConnectRequest = z.input<typeof ConnectRequestSchema>;

/** Messages without data must arrive without data. */
export const NoPayloadSchema = z.union([z.undefined(), z.null()]);

export const PanelRequestSchema = z.strictObject({ activityId: id(), own: z.boolean() });

export const TagOnStravaSchema = z.strictObject({ on: z.boolean() });

export const RunKindRequestSchema = z.strictObject({
  activityId: id(),
  kind: z.nullable(z.enum(RUNNER_TAGS)),
});

/** The runner's answers about one run, each left as it was when absent. */
export const RunnerSaysRequestSchema = z.strictObject({
  activityId: id(),
  /** Hours from now to the next hard session, or null for "not in the next hours". */
  hardSessionInHours: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(24)))),
  hot: z.optional(z.boolean()),
});
export type RunnerSaysRequest = z.output<typeof RunnerSaysRequestSchema>;

export const StepDoneSchema = z.strictObject({
  activityId: id(),
  stepId: z.string().check(z.minLength(1), z.maxLength(64)),
  done: z.boolean(),
});

export const OpenPageSchema = z.strictObject({ page: z.enum(['options', 'check-in']) });

/** Import text, at most 10 MB (parse-import refuses larger files with a clear message). */
export const ImportRequestSchema = z.strictObject({
  text: z.string().check(z.maxLength(12_000_000)),
});
