// Which steps of one run's plan the runner ticked.
import { z } from 'zod/mini';
import { epochMs } from './fields';

export const ProgressSchema = z.object({
  done: z.array(z.string().check(z.maxLength(64))),
  updatedAt: epochMs(),
});
export type Progress = z.output<typeof ProgressSchema>;
