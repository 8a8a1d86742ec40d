import type { z } from 'zod/mini';

/** A zod failure as one short line for the runner: "sleepHours: too big (at most 16)". */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.map(String).join('.');
  const what =
    issue.code === 'too_big'
      ? `too big (at most ${String(issue.maximum)})`
      : issue.code === 'too_small'
        ? `too small (at least ${String(issue.minimum)})`
        : issue.code === 'invalid_type'
          ? `should be ${issue.expected}`
          : issue.code === 'invalid_value'
            ? 'is not one of the allowed values'
            : issue.message;
  return where ? `${where}: ${what}` : what;
}
