// The daily verdict ("can I go hard today?") as the views get it: for now, for later today when it
// changes, and for tomorrow at local noon. Built by lib/recovery/verdict.
import { z } from 'zod/mini';
import { finite } from './fields';

export const VERDICT_KINDS = ['hard', 'easy', 'rest'] as const;

export const VerdictSchema = z.object({
  at: finite(),
  verdict: z.enum(VERDICT_KINDS),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type Verdict = z.output<typeof VerdictSchema>;

export const DailyVerdictsSchema = z.object({
  now: VerdictSchema,
  /** The first change later today (a countdown or a post-race block ending), if any. */
  later: z.nullable(VerdictSchema),
  tomorrow: VerdictSchema,
});
export type DailyVerdicts = z.output<typeof DailyVerdictsSchema>;
