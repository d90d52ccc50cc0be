import { describe, expect, it } from "vitest";
import {
  type Actor,
  can,
  GLOBAL_ACTIONS,
  type GlobalAction,
  PROVINCE_ACTIONS,
  type ProvinceAction,
  type ProvinceRef,
  ROLES,
  type Role,
  reaches,
} from "./permissions";

// The new Lào Cai (15-2025) took over the former Lào Cai (10) and Yên Bái (15); Hà Nội (01) is another province.
const own: ProvinceRef = { id: "15-2025", successorId: null };
const predecessor: ProvinceRef = { id: "10", successorId: "15-2025" };
const other: ProvinceRef = { id: "01", successorId: null };
const otherPredecessor: ProvinceRef = { id: "17", successorId: "25-2025" };

const actor = (role: Role): Actor => ({
  id: 1,
  role,
  provinceId: role === "national" || role === "system_admin" ? null : "15-2025",
});

/**
 * The expected answers, written out by hand: [own, predecessor, other] for each role and action.
 * A change to the rules must change this table.
 */
const Y = true;
const N = false;
const EXPECTED: Record<Role, Record<ProvinceAction, [boolean, boolean, boolean]>> = {
  staff: {
    read: [Y, Y, N],
    enter_figures: [Y, Y, N],
    submit: [Y, Y, N],
    approve: [N, N, N],
    return: [N, N, N],
    reopen: [N, N, N],
    edit_targets: [N, N, N],
    manage_users: [N, N, N],
    view_audit: [N, N, N],
    write_report: [Y, Y, N],
    issue_report: [N, N, N],
    edit_report_settings: [N, N, N],
  },
  leader: {
    read: [Y, Y, N],
    enter_figures: [N, N, N],
    submit: [N, N, N],
    approve: [Y, Y, N],
    return: [Y, Y, N],
    reopen: [N, N, N],
    edit_targets: [N, N, N],
    manage_users: [N, N, N],
    view_audit: [N, N, N],
    write_report: [Y, Y, N],
    issue_report: [Y, Y, N],
    edit_report_settings: [N, N, N],
  },
  province_admin: {
    read: [Y, Y, N],
    enter_figures: [N, N, N],
    submit: [N, N, N],
    approve: [N, N, N],
    return: [N, N, N],
    reopen: [Y, Y, N],
    edit_targets: [Y, Y, N],
    manage_users: [Y, Y, N],
    view_audit: [Y, Y, N],
    write_report: [N, N, N],
    issue_report: [N, N, N],
    edit_report_settings: [Y, Y, N],
  },
  // Read-only across every province.
  national: {
    read: [Y, Y, Y],
    enter_figures: [N, N, N],
    submit: [N, N, N],
    approve: [N, N, N],
    return: [N, N, N],
    reopen: [N, N, N],
    edit_targets: [N, N, N],
    manage_users: [N, N, N],
    view_audit: [N, N, N],
    write_report: [N, N, N],
    issue_report: [N, N, N],
    edit_report_settings: [N, N, N],
  },
  // Accounts and the catalogue everywhere; enters no figures, approves nothing, sets no targets.
  system_admin: {
    read: [Y, Y, Y],
    enter_figures: [N, N, N],
    submit: [N, N, N],
    approve: [N, N, N],
    return: [N, N, N],
    reopen: [N, N, N],
    edit_targets: [N, N, N],
    manage_users: [Y, Y, Y],
    view_audit: [Y, Y, Y],
    write_report: [N, N, N],
    issue_report: [N, N, N],
    edit_report_settings: [N, N, N],
  },
};

const EXPECTED_GLOBAL: Record<Role, GlobalAction[]> = {
  staff: [],
  leader: [],
  province_admin: [],
  national: ["read_national"],
  system_admin: ["read_national", "manage_catalogue", "manage_global_accounts"],
};

describe("permission matrix: every role × province action × own / predecessor / other province", () => {
  for (const role of ROLES) {
    for (const action of PROVINCE_ACTIONS) {
      const [onOwn, onPredecessor, onOther] = EXPECTED[role][action];
      it(`${role} ${action}: own ${onOwn}, predecessor ${onPredecessor}, other ${onOther}`, () => {
        expect(can(actor(role), action, own)).toBe(onOwn);
        expect(can(actor(role), action, predecessor)).toBe(onPredecessor);
        expect(can(actor(role), action, other)).toBe(onOther);
        // Another province's predecessor is as foreign as that province.
        expect(can(actor(role), action, otherPredecessor)).toBe(onOther);
      });
    }
  }
});

describe("global actions", () => {
  for (const role of ROLES) {
    for (const action of GLOBAL_ACTIONS) {
      const expected = EXPECTED_GLOBAL[role].includes(action);
      it(`${role} ${action}: ${expected}`, () => {
        expect(can(actor(role), action)).toBe(expected);
      });
    }
  }
});

describe("reach", () => {
  it("a provincial role with no province reaches nothing", () => {
    expect(reaches({ id: 1, role: "staff", provinceId: null }, own)).toBe(false);
  });
  it("a former unit does not reach its successor (the successor's records are not its own)", () => {
    const formerStaff: Actor = { id: 2, role: "staff", provinceId: "10" };
    expect(reaches(formerStaff, own)).toBe(false);
    expect(reaches(formerStaff, predecessor)).toBe(true);
  });
});
