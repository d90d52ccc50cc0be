import "server-only";
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { type NewUser, provinces, type Role, users } from "../schema";

/** What account lists and changes show of an account (never the password hash). */
const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  provinceId: users.provinceId,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

/** The accounts of a province (never national viewers or system admins, who belong to none). */
export function listProvinceAccounts(db: DbOrTx, provinceId: string) {
  return listAccounts(db, { provinceIds: [provinceId], nationwide: false });
}
export type Account = Awaited<ReturnType<typeof listProvinceAccounts>>[number];

/**
 * Accounts of the given provinces ("all": every province) and, with `nationwide`, the national
 * viewers and system admins; ordered by province, role, username.
 */
export function listAccounts(db: DbOrTx, scope: { provinceIds: string[] | "all"; nationwide: boolean }) {
  const parts: SQL[] = [];
  if (scope.provinceIds === "all") parts.push(sql`${users.provinceId} is not null`);
  else if (scope.provinceIds.length > 0) parts.push(inArray(users.provinceId, scope.provinceIds));
  if (scope.nationwide) parts.push(isNull(users.provinceId));
  return db
    .select(accountColumns)
    .from(users)
    .where(parts.length > 0 ? or(...parts) : sql`false`)
    .orderBy(asc(users.provinceId), asc(users.role), asc(users.username));
}

/** Active admins of a province (null: active system admins). */
function activeAdmins(provinceId: string | null) {
  return and(
    provinceId ? eq(users.provinceId, provinceId) : isNull(users.provinceId),
    eq(users.role, provinceId ? "province_admin" : "system_admin"),
    eq(users.active, true),
  );
}

export async function hasActiveAdmin(db: DbOrTx, provinceId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(activeAdmins(provinceId));
  return row.n > 0;
}

/**
 * Reads an account for a change and locks it, with its province and how many other active admins
 * its province (or, for a nationwide account, the system) has. The active admins are locked first,
 * in id order, then the account: two admins deactivating each other wait in turn, and the second
 * sees that the first is gone — so a province can never lose its last active admin.
 */
export async function lockAccountForChange(tx: DbOrTx, id: number) {
  const [first] = await tx.select({ provinceId: users.provinceId }).from(users).where(eq(users.id, id));
  if (!first) return null;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(activeAdmins(first.provinceId))
    .orderBy(asc(users.id))
    .for("update");
  const [row] = await tx
    .select({
      account: accountColumns,
      province: { id: provinces.id, successorId: provinces.successorId, validTo: provinces.validTo },
    })
    .from(users)
    .leftJoin(provinces, eq(provinces.id, users.provinceId))
    .where(eq(users.id, id))
    .for("update", { of: users });
  if (!row) return null;
  return {
    account: row.account,
    province: row.account.provinceId ? row.province : null,
    otherActiveAdmins: admins.filter((a) => a.id !== id).length,
  };
}

/** Inserts an account; null when the username is taken (the unique index decides, so two at once cannot both win). */
export async function insertAccount(
  tx: DbOrTx,
  values: Pick<NewUser, "username" | "displayName" | "role" | "provinceId" | "passwordHash">,
) {
  const [row] = await tx
    .insert(users)
    .values({ ...values, username: values.username.toLowerCase(), mustChangePassword: true })
    .onConflictDoNothing({ target: users.username })
    .returning(accountColumns);
  return row ?? null;
}

export type AccountUpdate = {
  active?: boolean;
  role?: Role;
  /** A new temporary password's hash: the person must change it at their next sign-in. */
  temporaryPasswordHash?: string;
};

/** Applies an administrator's change. It bumps the session version: the person's sessions and tokens stop. */
export async function updateAccount(tx: DbOrTx, id: number, change: AccountUpdate) {
  const [row] = await tx
    .update(users)
    .set({
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.temporaryPasswordHash !== undefined
        ? { passwordHash: change.temporaryPasswordHash, mustChangePassword: true }
        : {}),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning(accountColumns);
  return row;
}

/** The password hash of an account, for checking the current password before a change. */
export async function getPasswordHash(db: DbOrTx, id: number): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.hash ?? null;
}

/**
 * A person's own new password. The session version stays: the session that made the change goes
 * on (and so do the person's tokens); an administrator's reset is what ends sessions.
 */
export async function setOwnPassword(tx: DbOrTx, id: number, passwordHash: string) {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(accountColumns);
  return row;
}
