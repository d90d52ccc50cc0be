/** Runs once when the server starts: a missing secret stops it here, with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, requireAuthSecret } = await import("./lib/env");
  requireAuthSecret(readEnv());
}
