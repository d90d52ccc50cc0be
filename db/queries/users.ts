import "server-only";
import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { signInAttempts, users } from "../schema";

export async function getUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return row ?? null;
}

export async function getUserById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Failed sign-ins since `since`, for one typed username and for one address. */
export async function countRecentFailures(db: DbOrTx, username: string, address: string, since: Date) {
  const failures = (column: typeof signInAttempts.username | typeof signInAttempts.address, value: string) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.success, false), gte(signInAttempts.at, since)));
  const [[byUser], [byAddress]] = await Promise.all([
    failures(signInAttempts.username, username.toLowerCase()),
    failures(signInAttempts.address, address),
  ]);
  return { byUsername: byUser.n, byAddress: byAddress.n };
}

/**
 * Counts and records a password check as one atomic step: under a lock on the username and one on
 * the address (transaction-scoped advisory locks), the failures in the window are counted and, if
 * under the limits, an attempt is recorded as failed before any password is hashed. Concurrent
 * attempts therefore queue here, and at most `perUsername` passwords of an account are ever checked
 * in the window. Returns the attempt's id (for `settleSignInAttempt`), or null when over a limit.
 */
export async function reserveSignInAttempt(
  db: DbOrTx,
  attempt: { username: string; address: string; userId: number | null },
  limits: { perUsername: number; perAddress: number },
  since: Date,
): Promise<number | null> {
  const username = attempt.username.toLowerCase();
  return db.transaction(async (tx) => {
    // Always the username's lock first, then the address's: two attempts never wait on each other crosswise.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:user:${username}`}, 0))`);
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:address:${attempt.address}`}, 0))`,
    );
    const failures = await countRecentFailures(tx, username, attempt.address, since);
    if (failures.byUsername >= limits.perUsername || failures.byAddress >= limits.perAddress) return null;
    const [row] = await tx
      .insert(signInAttempts)
      .values({ username, address: attempt.address, userId: attempt.userId, success: false })
      .returning({ id: signInAttempts.id });
    return row.id;
  });
}

/** The outcome of a reserved attempt: a success stops counting as a failure and is the last sign-in. */
export async function settleSignInAttempt(db: DbOrTx, id: number, userId: number | null, success: boolean) {
  if (!success) return;
  await db.update(signInAttempts).set({ success: true }).where(eq(signInAttempts.id, id));
  if (userId !== null) await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

/** Withdraws a reserved attempt whose password was never checked (the server was too busy to hash it). */
export async function withdrawSignInAttempt(db: DbOrTx, id: number) {
  await db.delete(signInAttempts).where(eq(signInAttempts.id, id));
}

export async function recordSignInAttempt(
  db: DbOrTx,
  attempt: { username: string; address: string; userId: number | null; success: boolean },
) {
  await db.insert(signInAttempts).values({ ...attempt, username: attempt.username.toLowerCase() });
  if (attempt.success && attempt.userId !== null) {
    await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, attempt.userId));
  }
}

export function listRecentSignIns(db: DbOrTx, userId: number, limit = 10) {
  return db
    .select({ at: signInAttempts.at, address: signInAttempts.address, success: signInAttempts.success })
    .from(signInAttempts)
    .where(eq(signInAttempts.userId, userId))
    .orderBy(desc(signInAttempts.at))
    .limit(limit);
}
