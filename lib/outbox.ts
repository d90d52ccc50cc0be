/** The mail queue's retry rules: pure, so the worker and its tests agree. */

/** After this many failed attempts a message is marked failed and left for the system admin. */
export const MAX_ATTEMPTS = 6;

/** How long a worker holds a claimed message before another may take it (a crash mid-send). */
export const CLAIM_MS = 2 * 60_000;

/** The wait before attempt `attempts + 1`: 1, 2, 4, 8, 16 minutes… capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/** What a failed attempt does: retry later, or give up after the last one. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "pending" | "failed"; nextAttemptAt: Date } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", nextAttemptAt: now };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) };
}
