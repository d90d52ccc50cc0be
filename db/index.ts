import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readEnv } from "@/lib/env";
import * as schema from "./schema";

type Schema = typeof schema;
/** Either driver's database: the query builder is the same, so queries are written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a query function takes: the database, or a transaction it should join. */
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

/** Options for tests and benchmarks: `onQuery` sees every SQL statement sent. */
export type DbOptions = { onQuery?: (sql: string) => void };

/** Opens a database: postgres.js for a URL, otherwise PGlite in `dataDir` (in memory when undefined). */
export function openDb(
  target: { url: string } | { dataDir: string | undefined },
  options: DbOptions = {},
): DbHandle {
  const logger = options.onQuery ? { logQuery: (sql: string) => options.onQuery?.(sql) } : undefined;
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (target.dataDir) fs.mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  const client = new PGlite(target.dataDir);
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

export function openDbFromEnv(): DbHandle {
  const env = readEnv();
  return env.databaseUrl ? openDb({ url: env.databaseUrl }) : openDb({ dataDir: env.pgliteDir });
}

// One client per process, kept on globalThis so hot reloads in development do not open another
// (PGlite allows one process per data directory and nothing enforces it: stack.md).
const globalForDb = globalThis as unknown as { chitieuDb?: DbHandle };

export function getDb(): Db {
  globalForDb.chitieuDb ??= openDbFromEnv();
  return globalForDb.chitieuDb.db;
}
