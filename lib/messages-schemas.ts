// Zod schemas for message payloads, used by the background handlers (never trust a message).

import { z } from 'zod';
import { clientIdProblem, clientSecretProblem } from './strava/credentials';

export const ConnectRequestSchema = z.strictObject({
  clientId: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = clientIdProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  clientSecret: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .superRefine((v, ctx) => {
      const problem = clientSecretProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

/** Messages without data must arrive without data. */
export const NoPayloadSchema = z.undefined().or(z.null());
