/**
 * Runs once when the server starts: a missing secret stops it here, with a clear message; then the
 * mail worker starts (deadline notifications, the e-mail queue), in this process because the
 * embedded database allows one process per data directory.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, requireAuthSecret, readMailEnv } = await import("./lib/env");
  requireAuthSecret(readEnv());
  readMailEnv();
  // Not while building: the build's workers are not the server, and must not open the database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailWorker } = await import("./app/_server/mail-worker");
  const { getDb } = await import("./db");
  startMailWorker(getDb);
}
