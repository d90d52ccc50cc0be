/**
 * The server the browser tests run against: the production build (built if missing or stale) on
 * a fresh embedded database in .data/e2e, migrated and seeded with the demo data before it starts.
 */
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve(import.meta.dirname, "..", ".data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });

process.env.PGLITE_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT ?? "3100";
process.env.CHITIEU_DEMO = "1";
process.env.AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";
delete process.env.DATABASE_URL;

await import("../scripts/start");
