// How much a step matters, not when it is due (the window says when): `essential` is the core of
// recovery, `recommended` helps, `optional` is nice to have. Zod-free: the views rank steps at run
// time, and a schema module would bring the validator into their bundles.
export const PRIORITIES = ['essential', 'recommended', 'optional'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_RANK: Record<Priority, number> = {
  essential: 0,
  recommended: 1,
  optional: 2,
};
