import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; they are only ever added, never edited.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
});
