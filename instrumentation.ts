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
  const { startMailWorker } = await import("./app/_server/mail-worker");
  const { getDb } = await import("./db");
  startMailWorker(getDb);
}
