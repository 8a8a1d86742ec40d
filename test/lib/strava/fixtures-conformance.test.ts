// Conformance: the client's schemas accept every recorded Strava success body for the endpoints
// the extension models (../shared/strava/fixtures, present in CI; skipped when absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  DeauthorizeResponseSchema,
  DetailedActivitySchema,
  FaultSchema,
  StreamSetSchema,
  SummaryActivitySchema,
  TokenResponseSchema,
} from '../../../lib/strava/schemas';

const dir = resolve(__dirname, '../../../../shared/strava/fixtures');
const present = existsSync(dir);
if (!present) console.log(`fixtures conformance skipped: ${dir} not found`);

// File-name prefix → the schema for that endpoint's success body.
const SUCCESS: [RegExp, z.ZodMiniType][] = [
  [/^GET_athlete_activities\./, z.array(SummaryActivitySchema)],
  [/^GET_activities_id\.detailed\./, DetailedActivitySchema],
  [/^GET_activities_id_streams\./, StreamSetSchema],
  [/^POST_oauth_token\.(authorization_code|refresh_token)\.200/, TokenResponseSchema],
  [/^POST_oauth_deauthorize\.200/, DeauthorizeResponseSchema],
];

describe.skipIf(!present)('recorded Strava responses', () => {
  const files = present ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const modelled = files.filter((f) => SUCCESS.some(([re]) => re.test(f)));
  const faults = files.filter((f) => /^error\.|\.(400|401|429)\./.test(f));

  it('finds the fixtures it is meant to check', () => {
    expect(modelled.length).toBeGreaterThanOrEqual(9);
    expect(faults.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of modelled) {
    it(`accepts ${file}`, () => {
      const schema = SUCCESS.find(([re]) => re.test(file))![1];
      const result = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(result.error?.issues ?? []).toEqual([]);
    });
  }

  for (const file of faults) {
    it(`reads the error body ${file}`, () => {
      const result = FaultSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(result.success).toBe(true);
    });
  }
});
