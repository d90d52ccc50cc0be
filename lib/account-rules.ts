/**
 * Who may do what to which account: the one answer every account action and API route asks
 * (app/_server/accounts.ts), after reading and locking the rows concerned. Pure: the caller passes
 * in what it read (the account, its province, whether it is the last active admin).
 */
import { AppError } from "./errors";
import { type Actor, can, type ProvinceRef, type Role, roleMay } from "./permissions";

/** Roles of a province's own people; the others (national viewers, system admins) belong to no province. */
export const PROVINCE_ROLES = ["staff", "leader", "province_admin"] as const satisfies readonly Role[];
export const NATIONWIDE_ROLES = ["national", "system_admin"] as const satisfies readonly Role[];

export const ACCOUNT_ACTIONS = [
  "list",
  "create",
  "deactivate",
  "reactivate",
  "reset_password",
  "change_role",
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/** A province as the rules need it: its reach (successor) and whether it still exists (former units end in 2025). */
export type AccountProvince = ProvinceRef & { validTo: string | null };

/** An existing account; `province` is null for national viewers and system admins. */
export type AccountRef = { id: number; role: Role; province: AccountProvince | null; active: boolean };

export type AccountChange =
  /** The accounts of a province, or (province null) the nationwide accounts. */
  | { action: "list"; province: AccountProvince | null }
  | {
      action: "create";
      role: Role;
      province: AccountProvince | null;
      /** Whether the province already has an active admin: its first admin is the system admin's to create. */
      provinceHasActiveAdmin: boolean;
    }
  | {
      action: "deactivate" | "reactivate" | "reset_password";
      target: AccountRef;
      /** The target is its province's (or, for a system admin, the system's) only active admin. */
      lastActiveAdmin: boolean;
    }
  | { action: "change_role"; target: AccountRef; role: Role; lastActiveAdmin: boolean };

export type AccountRefusal =
  /** Outside the actor's reach: another province, or nationwide accounts for a province admin. */
  | "not_allowed"
  /** A role the actor may not grant (a province admin granting national viewer or system admin). */
  | "role_not_grantable"
  /** A province's first admin is created by a system admin. */
  | "first_admin"
  /** A province role without a province, a nationwide role with one, or a role change across the two. */
  | "role_province_mismatch"
  /** New accounts go to current units, not to the former ones merged in 2025. */
  | "former_province"
  /** Deactivating, demoting or resetting oneself (one's own password is changed on the profile page). */
  | "self"
  /** The last active admin of a province (or of the system) cannot be deactivated or demoted. */
  | "last_admin";

export type AccountDecision = { ok: true } | { ok: false; reason: AccountRefusal };

const OK: AccountDecision = { ok: true };
const refuse = (reason: AccountRefusal): AccountDecision => ({ ok: false, reason });

export function isProvinceRole(role: Role): boolean {
  return (PROVINCE_ROLES as readonly Role[]).includes(role);
}

const ADMIN_ROLES: ReadonlySet<Role> = new Set(["province_admin", "system_admin"]);

/** May the actor manage the accounts that live in this province (or, null, the nationwide accounts)? */
function reachesAccounts(actor: Actor, province: AccountProvince | null): boolean {
  return province ? can(actor, "manage_users", province) : can(actor, "manage_global_accounts");
}

/** Whether the actor may grant this role at all, wherever: province roles with manage_users, the others globally. */
function mayGrant(actor: Actor, role: Role): AccountDecision {
  if (isProvinceRole(role)) return OK;
  if (can(actor, "manage_global_accounts")) return OK;
  // Someone who manages accounts is told it is the role; anyone else, that it is not theirs to do.
  return refuse(actorManagesAccounts(actor) ? "role_not_grantable" : "not_allowed");
}

/** Whether the actor manages accounts anywhere (what the account pages and routes let in). */
function actorManagesAccounts(actor: Actor): boolean {
  return roleMay(actor.role, "manage_users") || can(actor, "manage_global_accounts");
}

export function canManageAccount(actor: Actor, change: AccountChange): AccountDecision {
  switch (change.action) {
    case "list":
      return reachesAccounts(actor, change.province) ? OK : refuse("not_allowed");

    case "create": {
      const { role, province } = change;
      if (province ? !can(actor, "manage_users", province) : !actorManagesAccounts(actor)) {
        return refuse("not_allowed");
      }
      const grant = mayGrant(actor, role);
      if (!grant.ok) return grant;
      if (isProvinceRole(role) !== (province !== null)) return refuse("role_province_mismatch");
      if (province?.validTo) return refuse("former_province");
      if (
        role === "province_admin" &&
        !change.provinceHasActiveAdmin &&
        !can(actor, "manage_global_accounts")
      ) {
        return refuse("first_admin");
      }
      return OK;
    }

    case "deactivate":
    case "reactivate":
    case "reset_password": {
      const { target } = change;
      if (!reachesAccounts(actor, target.province)) return refuse("not_allowed");
      if (change.action === "reactivate") return OK;
      if (target.id === actor.id) return refuse("self");
      if (change.action === "deactivate" && target.active && change.lastActiveAdmin) {
        return refuse("last_admin");
      }
      return OK;
    }

    case "change_role": {
      const { target, role } = change;
      if (!reachesAccounts(actor, target.province)) return refuse("not_allowed");
      if (target.id === actor.id) return refuse("self");
      const grant = mayGrant(actor, role);
      if (!grant.ok) return grant;
      // A province's account stays a province's account: the check constraint ties role and province.
      if (isProvinceRole(role) !== isProvinceRole(target.role)) return refuse("role_province_mismatch");
      const demotesAdmin = ADMIN_ROLES.has(target.role) && role !== target.role;
      if (demotesAdmin && target.active && change.lastActiveAdmin) return refuse("last_admin");
      return OK;
    }
  }
}

/** The refusal as an error safe to show, in both languages, with the field it concerns for forms. */
export function accountRefusalError(reason: AccountRefusal, action: AccountAction): AppError {
  switch (reason) {
    case "not_allowed":
      return new AppError(
        "forbidden",
        "Bạn không có quyền quản lý tài khoản này.",
        "You are not allowed to manage this account.",
      );
    case "role_not_grantable":
      return new AppError(
        "forbidden",
        "Bạn không thể cấp vai trò này: quản trị tỉnh chỉ cấp các vai trò cán bộ nhập liệu, lãnh đạo Sở và quản trị tỉnh.",
        "You cannot grant this role: a province admin grants only staff, leader and province admin.",
        { role: [{ vi: "Vai trò không được phép.", en: "Role not allowed." }] },
      );
    case "first_admin":
      return new AppError(
        "forbidden",
        "Quản trị đầu tiên của một tỉnh do quản trị hệ thống tạo.",
        "A province's first admin is created by a system admin.",
      );
    case "role_province_mismatch":
      return new AppError(
        "invalid",
        "Tài khoản của tỉnh chỉ có các vai trò cán bộ nhập liệu, lãnh đạo Sở và quản trị tỉnh; tài khoản theo dõi toàn quốc và quản trị hệ thống không thuộc tỉnh nào.",
        "A province's accounts are staff, leaders and province admins; national viewers and system admins belong to no province.",
        { role: [{ vi: "Vai trò không hợp với đơn vị.", en: "The role does not fit the unit." }] },
      );
    case "former_province":
      return new AppError(
        "invalid",
        "Không tạo tài khoản cho đơn vị cũ đã sáp nhập: hãy chọn tỉnh hiện nay.",
        "Accounts are not created for a former unit merged in 2025: choose the current province.",
        { provinceId: [{ vi: "Đơn vị cũ.", en: "A former unit." }] },
      );
    case "self":
      return action === "reset_password"
        ? new AppError(
            "invalid",
            "Đổi mật khẩu của chính bạn ở trang Hồ sơ cá nhân.",
            "Change your own password on your profile page.",
          )
        : action === "change_role"
          ? new AppError(
              "invalid",
              "Bạn không thể tự đổi vai trò của mình.",
              "You cannot change your own role.",
            )
          : new AppError(
              "invalid",
              "Bạn không thể tự khóa tài khoản của mình.",
              "You cannot deactivate your own account.",
            );
    case "last_admin":
      return new AppError(
        "invalid",
        "Không thể khóa hoặc hạ quyền quản trị cuối cùng còn hoạt động (của tỉnh, hoặc của hệ thống). Hãy tạo hoặc mở khóa một quản trị khác trước.",
        "The last active admin (of the province, or of the system) cannot be deactivated or demoted. Create or reactivate another admin first.",
      );
  }
}
