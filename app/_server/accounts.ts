import "server-only";
import { SIGN_IN_LIMITS } from "@/app/(auth)/sign-in";
import type { Db, Tx } from "@/db";
import {
  getPasswordHash,
  hasActiveAdmin,
  insertAccount,
  listAccounts,
  lockAccountForChange,
  setOwnPassword,
  updateAccount,
} from "@/db/queries/accounts";
import { getProvince, getProvinceWithPredecessors } from "@/db/queries/reference";
import { endOtherSessions } from "@/db/queries/sessions";
import { reserveSignInAttempt, withdrawSignInAttempt } from "@/db/queries/users";
import type { NewAuditEntry } from "@/db/schema";
import type { AccountChangeInput, NewAccountInput } from "@/lib/account-input";
import {
  type AccountChange,
  accountRefusalError,
  canManageAccount,
  isProvinceRole,
} from "@/lib/account-rules";
import { AppError, errors } from "@/lib/errors";
import { PASSWORD_PROBLEM_MESSAGES, type PasswordProblem, passwordProblems } from "@/lib/password-policy";
import { hashPassword, temporaryPassword, verifyPassword } from "@/lib/passwords";
import type { Actor } from "@/lib/permissions";
import type { CurrentUser } from "./session";

/**
 * Account administration, shared by the admin pages' actions and the /api/v1/users routes. Each
 * function runs inside the guard's transaction (ctx.tx), decides with lib/account-rules.ts on rows
 * it has read and locked, and writes one audit row per change. Temporary passwords are returned to
 * be shown once; they are never stored (only their hash) nor written to the audit log.
 */
export type AccountContext = {
  tx: Tx;
  user: CurrentUser;
  audit: (entry: Omit<NewAuditEntry, "userId" | "id" | "at">) => Promise<void>;
};

const actorOf = (user: CurrentUser): Actor => ({ id: user.id, role: user.role, provinceId: user.provinceId });

function decide(user: CurrentUser, change: AccountChange) {
  const decision = canManageAccount(actorOf(user), change);
  if (!decision.ok) throw accountRefusalError(decision.reason, change.action);
}

/**
 * The accounts the caller may manage: of one province (`provinceId`), or all within reach — a
 * province admin's province and its predecessors; for a system admin every account.
 */
export async function listManagedAccounts(db: Db, user: CurrentUser, provinceId: string | null) {
  if (provinceId) {
    const province = await getProvince(db, provinceId);
    if (!province) throw errors.notFound("tỉnh", "Province");
    decide(user, { action: "list", province });
    return listAccounts(db, { provinceIds: [province.id], nationwide: false });
  }
  if (user.provinceId) {
    const reach = await getProvinceWithPredecessors(db, user.provinceId);
    const listable = reach.filter((p) => canManageAccount(actorOf(user), { action: "list", province: p }).ok);
    if (listable.length === 0) throw accountRefusalError("not_allowed", "list");
    return listAccounts(db, { provinceIds: listable.map((p) => p.id), nationwide: false });
  }
  decide(user, { action: "list", province: null });
  return listAccounts(db, { provinceIds: "all", nationwide: true });
}

/** Creates an account with a temporary password, returned once. A province admin's accounts go to their province. */
export async function createAccount(ctx: AccountContext, input: NewAccountInput) {
  const { tx, user } = ctx;
  const provinceId = input.provinceId ?? (isProvinceRole(input.role) ? user.provinceId : null);
  const province = provinceId ? await getProvince(tx, provinceId) : null;
  if (provinceId && !province) {
    throw new AppError("invalid", "Không có đơn vị này.", "There is no such unit.", {
      provinceId: [{ vi: "Không có đơn vị này.", en: "There is no such unit." }],
    });
  }
  decide(user, {
    action: "create",
    role: input.role,
    province,
    provinceHasActiveAdmin: province ? await hasActiveAdmin(tx, province.id) : true,
  });
  const password = temporaryPassword();
  const account = await insertAccount(tx, {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    provinceId: province?.id ?? null,
    passwordHash: await hashPassword(password),
  });
  if (!account) {
    throw new AppError(
      "conflict",
      `Tên đăng nhập "${input.username}" đã có người dùng. Hãy chọn tên khác.`,
      `The username "${input.username}" is taken. Choose another.`,
      { username: [{ vi: "Tên đăng nhập đã có người dùng.", en: "This username is taken." }] },
    );
  }
  await ctx.audit({
    action: "user.create",
    entity: "user",
    entityId: String(account.id),
    provinceId: account.provinceId,
    after: {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      provinceId: account.provinceId,
      active: account.active,
      mustChangePassword: account.mustChangePassword,
    },
  });
  return { account, temporaryPassword: password };
}

/**
 * Changes an account: active, role, and/or a password reset, all or nothing. Every change ends the
 * person's sessions and tokens (the session version moves on); a request that changes nothing
 * writes nothing.
 */
export async function changeAccount(ctx: AccountContext, id: number, change: AccountChangeInput) {
  const { tx, user } = ctx;
  const locked = await lockAccountForChange(tx, id);
  if (!locked) throw errors.notFound("tài khoản", "Account");
  const { account, province, otherActiveAdmins } = locked;
  const target = { id: account.id, role: account.role, province, active: account.active };
  const isAdmin = account.role === "province_admin" || account.role === "system_admin";
  const lastActiveAdmin = isAdmin && account.active && otherActiveAdmins === 0;

  // Refusals first, for every part of the request, so a refused part saves nothing.
  const activeChanges = change.active !== undefined && change.active !== account.active;
  const roleChanges = change.role !== undefined && change.role !== account.role;
  if (change.active !== undefined) {
    decide(user, { action: change.active ? "reactivate" : "deactivate", target, lastActiveAdmin });
  }
  if (change.role !== undefined) {
    decide(user, { action: "change_role", target, role: change.role, lastActiveAdmin });
  }
  if (change.resetPassword) decide(user, { action: "reset_password", target, lastActiveAdmin });
  if (!activeChanges && !roleChanges && !change.resetPassword) {
    return { account, temporaryPassword: null, changed: [] as string[] };
  }

  const password = change.resetPassword ? temporaryPassword() : null;
  const after = await updateAccount(tx, id, {
    active: activeChanges ? change.active : undefined,
    role: roleChanges ? change.role : undefined,
    temporaryPasswordHash: password ? await hashPassword(password) : undefined,
  });
  const base = { entity: "user", entityId: String(id), provinceId: account.provinceId };
  const changed: string[] = [];
  if (activeChanges) {
    changed.push("active");
    await ctx.audit({
      ...base,
      action: after.active ? "user.activate" : "user.deactivate",
      before: { username: account.username, active: account.active },
      after: { username: account.username, active: after.active },
    });
  }
  if (roleChanges) {
    changed.push("role");
    await ctx.audit({
      ...base,
      action: "user.role",
      before: { username: account.username, role: account.role },
      after: { username: account.username, role: after.role },
    });
  }
  if (password) {
    changed.push("password");
    await ctx.audit({
      ...base,
      action: "user.password_reset",
      before: { username: account.username, mustChangePassword: account.mustChangePassword },
      after: { username: account.username, mustChangePassword: true },
    });
  }
  return { account: after, temporaryPassword: password, changed };
}

function passwordError(field: string, messages: { vi: string; en: string }[]): AppError {
  return new AppError("invalid", messages.map((m) => m.vi).join(" "), messages.map((m) => m.en).join(" "), {
    [field]: messages,
  });
}

/**
 * A person changes their own password: the current one first, then the policy for the new one.
 * A wrong current password counts as a failed sign-in (the same limit applies, so a borrowed
 * session cannot guess the password): it is recorded and answered as `{ ok: false }` rather than
 * thrown, so that the transaction keeps the record.
 */
export async function changeOwnPassword(
  ctx: AccountContext,
  input: { currentPassword: string; newPassword: string },
  address: string,
): Promise<{ ok: true; wasTemporary: boolean } | { ok: false; error: AppError }> {
  const { tx, user } = ctx;
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  // The same atomic count as signing in: at most five guesses of the current password per window.
  const attemptId = await reserveSignInAttempt(
    tx,
    { username: user.username, address, userId: user.id },
    { perUsername: SIGN_IN_LIMITS.perUsername, perAddress: Number.POSITIVE_INFINITY },
    since,
  );
  if (attemptId === null) {
    throw new AppError(
      "rate_limited",
      `Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ${SIGN_IN_LIMITS.windowMinutes} phút.`,
      `Too many wrong passwords. Please try again in ${SIGN_IN_LIMITS.windowMinutes} minutes.`,
    );
  }
  const hash = await getPasswordHash(tx, user.id);
  if (!hash || !(await verifyPassword(hash, input.currentPassword))) {
    return {
      ok: false,
      error: passwordError("currentPassword", [
        { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
      ]),
    };
  }
  // The right password is not a failure.
  await withdrawSignInAttempt(tx, attemptId);
  const problems: PasswordProblem[] = passwordProblems(input.newPassword, user.username);
  const messages = problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p]);
  if (input.newPassword === input.currentPassword) {
    messages.push({
      vi: "Mật khẩu mới phải khác mật khẩu hiện tại.",
      en: "The new password must differ from the current one.",
    });
  }
  if (messages.length > 0) throw passwordError("newPassword", messages);
  const after = await setOwnPassword(tx, user.id, await hashPassword(input.newPassword));
  // Whoever else holds a session or token of this account loses it; this session carries on.
  await endOtherSessions(tx, user.id, user.sessionId ?? null);
  await ctx.audit({
    action: "user.password_change",
    entity: "user",
    entityId: String(user.id),
    provinceId: user.provinceId,
    before: { username: user.username, mustChangePassword: user.mustChangePassword },
    after: { username: user.username, mustChangePassword: after.mustChangePassword },
  });
  return { ok: true, wasTemporary: user.mustChangePassword };
}
