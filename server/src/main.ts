// `npm run broker`: checks the settings, opens (and migrates) the database, serves the broker,
// then creates or checks the push subscription, which needs the broker reachable for Strava's
// handshake.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createBroker } from './broker.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { errorSummary } from './error-summary.ts';
import { pruneExpired } from './housekeeping.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
  });
  const broker = createBroker({ config, db: database.db });
  const server = serve({ fetch: broker.app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(
    `broker: listening on ${config.host}:${port} (${database.engine}), public URL ${config.publicUrl}`,
  );

  if (config.subscriptionCheck) {
    try {
      const { id, created } = await broker.ensureSubscription();
      console.log(`broker: push subscription ${id} ${created ? 'created' : 'in place'}`);
    } catch (error) {
      console.error(
        `broker: push subscription check failed (${errorSummary(error)}); no events until a restart succeeds`,
      );
    }
  }

  const prune = () => pruneExpired(database.db, config.eventRetentionDays).catch(() => {});
  await prune();
  const timer = setInterval(prune, 60 * 60_000);
  const stop = () => {
    clearInterval(timer);
    server.close(() => void database.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // One line for a bad setting (the deployer's mistake); the stack for anything else.
  console.error(
    `broker: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error}`,
  );
  process.exit(1);
});
