import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { DbOrTx } from "../index";
import { users } from "../schema";

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  provinceId: users.provinceId,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
};

/** The accounts of a province (never national viewers or system admins, who belong to none). */
export function listProvinceAccounts(db: DbOrTx, provinceId: string) {
  return db
    .select(accountColumns)
    .from(users)
    .where(eq(users.provinceId, provinceId))
    .orderBy(asc(users.role), asc(users.username));
}
export type Account = Awaited<ReturnType<typeof listProvinceAccounts>>[number];

/**
 * Activates or deactivates an account. Any change bumps the session version, so the person's open
 * sessions stop at their next request. A province never loses its last active admin.
 */
export async function setAccountActive(db: DbOrTx, id: number, active: boolean) {
  const [before] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  if (!before) return null;
  if (!active && before.role === "province_admin" && before.active && before.provinceId) {
    // Locking the province's active admins makes two admins deactivating each other wait in turn.
    const others = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.provinceId, before.provinceId),
          eq(users.role, "province_admin"),
          eq(users.active, true),
          ne(users.id, id),
        ),
      )
      .for("update");
    if (others.length === 0) {
      throw new AppError(
        "invalid",
        "Không thể khóa quản trị cuối cùng còn hoạt động của tỉnh.",
        "The province's last active admin cannot be deactivated.",
      );
    }
  }
  const [after] = await db
    .update(users)
    .set({ active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(accountColumns);
  return { before, after };
}
