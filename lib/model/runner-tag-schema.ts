// The runner's tag as stored and exported (its meaning lives in runner-tag.ts, zod-free).
import { z } from 'zod/mini';
import { epochMs } from './fields';
import { RUNNER_TAGS } from './runner-tag';

export const RunnerTagSchema = z.object({ kind: z.enum(RUNNER_TAGS), at: epochMs() });
