// `npm run db:generate` writes the one set of SQL migrations that both PGlite and PostgreSQL run.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
});
