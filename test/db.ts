import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DbHandle, openDb } from "@/db";
import { migrate } from "@/db/migrate";

/**
 * The databases integration tests run on: always an in-memory PGlite, and the PostgreSQL server
 * too when TEST_DATABASE_URL is set. Each test file gets its own fresh, migrated database.
 */
export const DB_KINDS: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/** A migrated database; on PostgreSQL with its URL (test/security.test.ts dumps and restores it). */
export async function openTestDb(kind: "pglite" | "postgres"): Promise<DbHandle & { url?: string }> {
  if (kind === "pglite") {
    const handle = openDb({ dataDir: undefined });
    await migrate(handle);
    return handle;
  }
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  // A database of its own per test file, dropped afterwards: files run in parallel.
  const name = `${base.pathname.slice(1) || "chitieu"}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDb({ url: url.toString() });
  await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = postgres(base.toString(), { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
