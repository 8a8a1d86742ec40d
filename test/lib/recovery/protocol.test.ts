import { describe, expect, it } from 'vitest';
import type { Routine } from '../../../lib/model/plan';
import { type Condition, STEP_TABLE } from '../../../lib/recovery/protocol';
import { isSourceId, SOURCES } from '../../../lib/recovery/sources';

const routines: Routine[] = ['light', 'hard', 'long'];
const conditionSets: Condition[][] = [
  ['cold-fits'],
  ['cold-blunts'],
  ['cold-fits', 'rapid-refuel'],
  ['cold-blunts', 'rapid-refuel'],
];

describe('step table', () => {
  it.each(STEP_TABLE.map((row) => [`${row.id} (${row.routines.join(', ')})`, row] as const))(
    '%s names a listed source and has a window of non-negative length',
    (_, row) => {
      expect(isSourceId(row.source)).toBe(true);
      expect(row.fromMin).toBeGreaterThanOrEqual(0);
      expect(row.toMin).toBeGreaterThanOrEqual(row.fromMin);
      expect(row.title.length).toBeGreaterThan(0);
      expect(row.detail).not.toContain('\n');
    },
  );

  it.each(
    routines.flatMap((routine) =>
      conditionSets.map((conditions) => [routine, conditions] as const),
    ),
  )('%s with %j never yields two steps with one id', (routine, conditions) => {
    const ids = STEP_TABLE.filter(
      (row) =>
        row.routines.includes(routine) && (row.when === undefined || conditions.includes(row.when)),
    ).map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every source with a title', () => {
    for (const [id, source] of Object.entries(SOURCES)) {
      expect(source.title.length, id).toBeGreaterThan(0);
    }
  });

  it('keeps seed 003 protein units out of the wording', () => {
    for (const row of STEP_TABLE) expect(row.detail).not.toMatch(/oz per (pound|lb)/i);
  });
});
