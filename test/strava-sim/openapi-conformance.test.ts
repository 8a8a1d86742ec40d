// The simulator's API answers must match Strava's own OpenAPI description (read from ../shared at
// test time, never copied). Two relaxations, both facts of the live API that the description
// does not model: extra properties are allowed (average_heartrate, suffer_score, ...), and any
// typed field may be null (the live API sends workout_type: null, description: null, ...).
// Indoor activities carry start_latlng [] on the live API, so LatLng may also be empty.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const specPath = join(repoRoot, '..', 'shared', 'strava', 'openapi', 'openapi.bundled.tryAGI.json');
const haveSpec = existsSync(specPath);
if (!haveSpec) console.log(`openapi conformance skipped: ${specPath} not found`);

type Json = Record<string, unknown>;

/** Adds "null" to every `type`, recursively (see the header comment). */
function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = relax(v);
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

describe.skipIf(!haveSpec)('OpenAPI conformance (Strava swagger, bundled)', () => {
  let sim: Simulator;
  let token: string;
  let spec: {
    paths: Record<string, Record<string, { responses: Record<string, { schema?: unknown }> }>>;
    definitions: Json;
  };
  let ajv: Ajv;

  beforeAll(async () => {
    spec = JSON.parse(readFileSync(specPath, 'utf8'));
    const definitions = relax(spec.definitions) as Record<string, Json>;
    if (definitions.LatLng) definitions.LatLng.minItems = 0;
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'strava', definitions }, 'strava');
    sim = await startSimulator({ seed: 5 });
    token = (await connect(sim)).access_token;
  });
  afterAll(() => sim?.stop());

  /** Validates a response body against the 200 schema the spec declares for that path. */
  async function check(specPathKey: string, url: string): Promise<unknown> {
    const res = await simRequest(sim, url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, url).toBe(200);
    const schema = spec.paths[specPathKey]?.get?.responses['200']?.schema;
    expect(schema, specPathKey).toBeDefined();
    const rewritten = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/definitions/', '"strava#/definitions/'),
    );
    const validate = ajv.compile(relax(rewritten) as Json);
    const body = res.json();
    const ok = validate(body);
    expect(ok ? [] : validate.errors?.slice(0, 5), url).toEqual([]);
    return body;
  }

  it('GET /athlete', async () => {
    await check('/athlete', '/api/v3/athlete');
  });

  it('GET /athlete/activities (every kind, incl. rides, treadmill and manual)', async () => {
    const body = (await check(
      '/athlete/activities',
      '/api/v3/athlete/activities?per_page=200',
    )) as unknown[];
    expect(body.length).toBe(sim.state.activities.size);
  });

  it('GET /activities/{id} for one activity of every kind', async () => {
    const byKind = new Map(sim.state.sortedActivities().map((a) => [a.kind, a.detail.id]));
    expect(byKind.size).toBeGreaterThanOrEqual(9);
    for (const id of byKind.values()) await check('/activities/{id}', `/api/v3/activities/${id}`);
  });

  it('GET /activities/{id}/laps', async () => {
    const id = sim.state.sortedActivities().find((a) => a.kind === 'intervals')!.detail.id;
    await check('/activities/{id}/laps', `/api/v3/activities/${id}/laps`);
  });

  it('GET /activities/{id}/streams (keyed by type, all keys)', async () => {
    const id = sim.state.sortedActivities()[0]!.detail.id;
    const keys =
      'time,distance,latlng,altitude,velocity_smooth,heartrate,cadence,moving,grade_smooth';
    const body = (await check(
      '/activities/{id}/streams',
      `/api/v3/activities/${id}/streams?keys=${keys}&key_by_type=true`,
    )) as Json;
    expect(Object.keys(body).sort()).toEqual(keys.split(',').sort());
  });

  it('the relaxed schema still rejects a wrong shape', () => {
    const schema = JSON.parse(
      JSON.stringify(spec.paths['/activities/{id}']!.get!.responses['200']!.schema).replaceAll(
        '"#/definitions/',
        '"strava#/definitions/',
      ),
    );
    const validate = ajv.compile(relax(schema) as Json);
    expect(
      validate({ id: 'not-a-number', distance: 'far', laps: [{ elapsed_time: 'long' }] }),
    ).toBe(false);
  });
});
