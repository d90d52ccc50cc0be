import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { sessions, users } from "../schema";

/** How long a session lasts: the cookie's own lifetime (app/(auth)/auth.ts). */
export const SESSION_HOURS = 12;

/** Starts a session for a person who just signed in, on their current session version; returns its id. */
export async function createSession(db: DbOrTx, userId: number, address: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // The person's expired sessions are of no more use: the table keeps live ones (and recent sign-outs).
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values({
    id,
    userId,
    address,
    sessionVersion: sql`(select ${users.sessionVersion} from ${users} where ${users.id} = ${userId})`,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  return id;
}

/** Signing out: the session's cookie stops working at once, wherever a copy of it is. */
export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/**
 * After a person changes their own password: every token and every other session ends (the
 * session version moves on), and the session they changed it from moves with it.
 */
export async function endOtherSessions(db: DbOrTx, userId: number, keepSessionId: string | null) {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
  if (keepSessionId) {
    await db
      .update(sessions)
      .set({ sessionVersion: row.sessionVersion })
      .where(and(eq(sessions.id, keepSessionId), eq(sessions.userId, userId)));
  }
}
