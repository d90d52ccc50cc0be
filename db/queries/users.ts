import "server-only";
import { and, count, desc, eq, gte } from "drizzle-orm";
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
