// Zod schemas for message payloads, used by the background handlers (never trust a message).

import { z } from 'zod/mini';
import { clientIdProblem, clientSecretProblem } from './strava/credentials';

const checked = (problem: (v: string) => string | null) =>
  z.superRefine((v: string, ctx) => {
    const message = problem(v);
    if (message) ctx.addIssue({ code: 'custom', message, input: v });
  });

export const ConnectRequestSchema = z.strictObject({
  clientId: z.string().check(z.trim(), checked(clientIdProblem)),
  clientSecret: z.optional(
    z.string().check(z.trim(), z.toLowerCase(), checked(clientSecretProblem)),
  ),
});

/** Messages without data must arrive without data. */
export const NoPayloadSchema = z.union([z.undefined(), z.null()]);

export const PanelRequestSchema = z.strictObject({
  activityId: z.number().check(z.int(), z.positive()),
  own: z.boolean(),
});

export const StepDoneSchema = z.strictObject({
  activityId: z.number().check(z.int(), z.positive()),
  stepId: z.string().check(z.minLength(1), z.maxLength(64)),
  done: z.boolean(),
});

export const OpenPageSchema = z.strictObject({ page: z.enum(['options', 'check-in']) });

/** Import text, at most 10 MB (parse-import refuses larger files with a clear message). */
export const ImportRequestSchema = z.strictObject({
  text: z.string().check(z.maxLength(12_000_000)),
});
