/**
 * The one answer to "may this user do this action on this province?". Every server action and API
 * route asks it (through app/_server/guard.ts); the pages ask it only to decide what to show.
 */

export const ROLES = ["staff", "leader", "province_admin", "national", "system_admin"] as const;
export type Role = (typeof ROLES)[number];

/** Actions on one province's data. */
export const PROVINCE_ACTIONS = [
  "read", // figures, targets, status, dashboard
  "enter_figures", // save drafts of the month's figures
  "submit", // send a month for approval
  "approve", // approve (lock) a submitted month
  "return", // return a submitted month with a reason
  "reopen", // reopen an approved month with a reason
  "edit_targets", // the year's targets and scenarios
  "manage_users", // the province's accounts
  "view_audit", // the province's audit log
  "write_report", // edit and add paragraphs of the month's report
  "issue_report", // give the report its number and date, freezing it
  "edit_report_settings", // the names, signer and recipients a report prints
] as const;
export type ProvinceAction = (typeof PROVINCE_ACTIONS)[number];

/** Actions that concern no single province. */
export const GLOBAL_ACTIONS = [
  "read_national", // compare provinces
  "manage_catalogue", // provinces and indicators
  "manage_global_accounts", // national viewers, system admins, each province's first admin
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];
export type Action = ProvinceAction | GlobalAction;

export type Actor = { id: number; role: Role; provinceId: string | null };
export type ProvinceRef = { id: string; successorId: string | null };

/** What each role may do on a province within its reach. */
const PROVINCE_GRANTS: Record<Role, readonly ProvinceAction[]> = {
  staff: ["read", "enter_figures", "submit", "write_report"],
  leader: ["read", "approve", "return", "write_report", "issue_report"],
  province_admin: ["read", "reopen", "edit_targets", "manage_users", "view_audit", "edit_report_settings"],
  national: ["read"],
  system_admin: ["read", "manage_users", "view_audit"],
};

const GLOBAL_GRANTS: Record<Role, readonly GlobalAction[]> = {
  staff: [],
  leader: [],
  province_admin: [],
  national: ["read_national"],
  system_admin: ["read_national", "manage_catalogue", "manage_global_accounts"],
};

/** Roles that belong to no province and act across all of them (within their grants). */
const NATIONWIDE: ReadonlySet<Role> = new Set(["national", "system_admin"]);

/**
 * A department reaches its own province and the former units it took over in the 2025 merger
 * (their successor is its province): it holds its predecessors' records.
 */
export function reaches(actor: Actor, province: ProvinceRef): boolean {
  if (NATIONWIDE.has(actor.role)) return true;
  if (!actor.provinceId) return false;
  return province.id === actor.provinceId || province.successorId === actor.provinceId;
}

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: ProvinceAction, province: ProvinceRef): boolean;
export function can(actor: Actor, action: Action, province?: ProvinceRef): boolean {
  if (isGlobalAction(action)) return GLOBAL_GRANTS[actor.role].includes(action);
  if (!province) return false;
  return PROVINCE_GRANTS[actor.role].includes(action) && reaches(actor, province);
}

export function isGlobalAction(action: Action): action is GlobalAction {
  return (GLOBAL_ACTIONS as readonly string[]).includes(action);
}

/** Whether a role may do an action on some province (for navigation: what to show). */
export function roleMay(role: Role, action: Action): boolean {
  return isGlobalAction(action)
    ? GLOBAL_GRANTS[role].includes(action)
    : PROVINCE_GRANTS[role].includes(action);
}
