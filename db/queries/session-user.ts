import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { sessions, users } from "../schema";

/** The fields of the signed-in user that pages and checks need (never the password hash). */
const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  provinceId: users.provinceId,
  active: users.active,
  isDemo: users.isDemo,
  mustChangePassword: users.mustChangePassword,
  sessionVersion: users.sessionVersion,
};

export async function getSessionUser(db: DbOrTx, id: number, sessionVersion: number) {
  const [row] = await db
    .select(sessionUserColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion)));
  return row ?? null;
}
export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/**
 * The user of a live session (app/_server/session.ts): the session row not revoked, not expired
 * and on the user's current session version. One query.
 */
export async function getSessionUserBySession(db: DbOrTx, id: number, sessionId: string) {
  const [row] = await db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.sessionVersion, sessions.sessionVersion)))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}
