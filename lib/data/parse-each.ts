import type { z } from 'zod/mini';
import { describeIssue } from './describe-issue';
import type { Refusal } from './export-file';

/** Validates records one by one: the good ones are kept, each bad one is refused with a reason. */
export function parseEach<S extends z.ZodMiniType>(
  items: readonly unknown[],
  schema: S,
  label: (item: unknown, index: number) => string,
  refused: Refusal[],
): z.output<S>[] {
  const out: z.output<S>[] = [];
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else refused.push({ what: label(item, i), reason: describeIssue(parsed.error) });
  });
  return out;
}
