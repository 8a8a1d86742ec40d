// One query layer over two engines: embedded PGlite by default, PostgreSQL through `pg` when
// DATABASE_URL is set (several broker processes must share one database). Both run the same
// Drizzle migrations from ../drizzle.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema } from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type OpenDatabase = {
  db: Database;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens and migrates the database. `pgliteDir` is a folder for PGlite's files, or 'memory' for
 * a throwaway database (tests, the bench).
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  pgliteDir?: string;
  poolSize?: number;
}): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    let closing = false;
    // An idle connection the server drops (restart, failover) must not take the process down;
    // the pool opens a new one on the next query.
    pool.on('error', (error) => {
      if (!closing) console.error(`broker: idle database connection lost: ${error.message}`);
    });
    const db = drizzleNodePg({ client: pool, schema });
    await migrateNodePg(db, { migrationsFolder });
    const close = () => {
      closing = true;
      return pool.end();
    };
    return { db, engine: 'postgres', close };
  }
  const dir = options.pgliteDir ?? 'memory';
  // PGlite makes its own folder but not the ones above it.
  if (dir !== 'memory') mkdirSync(dirname(dir), { recursive: true });
  const client = dir === 'memory' ? new PGlite() : new PGlite(dir);
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return { db, engine: 'pglite', close: () => client.close() };
}
