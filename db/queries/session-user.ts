import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { users } from "../schema";

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
