import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { type DbHandle, openDbFromEnv } from "./index";

const migrationsFolder = path.join(import.meta.dirname, "migrations");

/** Applies the drizzle-kit migrations that have not run yet. */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const handle = openDbFromEnv();
  migrate(handle)
    .then(() => console.log(`Migrations applied (${handle.kind}).`))
    .finally(() => handle.close());
}
