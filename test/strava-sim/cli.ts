// `npm run sim`: run the simulator in the foreground and print how to reach it.
import { parseArgs } from 'node:util';
import { startSimulator } from './server.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      athlete: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`strava-sim: bad --port ${values.port}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new Error(`strava-sim: bad --seed ${values.seed}`);

  const sim = await startSimulator({ port, seed, athleteFile: values.athlete });
  const app = sim.state.app;
  console.log(`Strava simulator on ${sim.origin} (Host www.strava.com)`);
  console.log(`admin:         ${sim.origin}/admin/state`);
  console.log(`client_id:     ${app.clientId}`);
  console.log(`client_secret: ${app.clientSecret}`);
  console.log(
    `chromium:      --host-resolver-rules="MAP www.strava.com 127.0.0.1:${sim.port},MAP www.api-v3.strava.com 127.0.0.1:${sim.port}" --ignore-certificate-errors`,
  );
  const stop = () => {
    sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
