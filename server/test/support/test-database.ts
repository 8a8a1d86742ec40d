// The tests' database: in-memory PGlite by default; with DATABASE_URL a fresh PostgreSQL database
// per test file (created beside the one named, dropped at the end), so files never share rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../src/database.ts';

export async function openTestDatabase(): Promise<OpenDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return openDatabase({ pgliteDir: 'memory' });
  const name = `broker_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
