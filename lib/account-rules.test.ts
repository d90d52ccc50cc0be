import { describe, expect, it } from "vitest";
import {
  type AccountChange,
  type AccountProvince,
  type AccountRef,
  type AccountRefusal,
  accountRefusalError,
  canManageAccount,
} from "./account-rules";
import { type Actor, ROLES, type Role } from "./permissions";

// The actor's province is the new Lào Cai (15-2025), which took over the former Lào Cai (10);
// Phú Thọ (25-2025) is another province.
const own: AccountProvince = { id: "15-2025", successorId: null, validTo: null };
const predecessor: AccountProvince = { id: "10", successorId: "15-2025", validTo: "2025-06-30" };
const other: AccountProvince = { id: "25-2025", successorId: null, validTo: null };

const ACTOR_ID = 1;
const actor = (role: Role): Actor => ({
  id: ACTOR_ID,
  role,
  provinceId: role === "national" || role === "system_admin" ? null : own.id,
});

const account = (id: number, role: Role, province: AccountProvince | null, active = true): AccountRef => ({
  id,
  role,
  province,
  active,
});
const ownStaff = account(10, "staff", own);
const ownAdmin = account(11, "province_admin", own);
const predecessorStaff = account(12, "staff", predecessor);
const otherStaff = account(20, "staff", other);
const otherAdmin = account(21, "province_admin", other);
const nationalViewer = account(30, "national", null);
const anotherSystemAdmin = account(31, "system_admin", null);

const create = (
  role: Role,
  province: AccountProvince | null,
  provinceHasActiveAdmin = true,
): AccountChange => ({
  action: "create",
  role,
  province,
  provinceHasActiveAdmin,
});
const onAccount = (
  action: "deactivate" | "reactivate" | "reset_password",
  target: AccountRef,
  lastActiveAdmin = false,
): AccountChange => ({ action, target, lastActiveAdmin });
const changeRole = (target: AccountRef, role: Role, lastActiveAdmin = false): AccountChange => ({
  action: "change_role",
  target,
  role,
  lastActiveAdmin,
});

type Outcome = "ok" | AccountRefusal;
const Y: Outcome = "ok";
const F: Outcome = "not_allowed";
const GRANT: Outcome = "role_not_grantable";
const FIRST: Outcome = "first_admin";
const MISMATCH: Outcome = "role_province_mismatch";
const FORMER: Outcome = "former_province";
const LAST: Outcome = "last_admin";

/**
 * The expected answer for every account action × actor role × own / other province (and the
 * nationwide accounts), written out by hand. Columns in the order of ROLES:
 * staff, leader, province_admin, national, system_admin. A change to the rules must change this table.
 */
const MATRIX: [string, AccountChange, [Outcome, Outcome, Outcome, Outcome, Outcome]][] = [
  // [scenario, change, [staff, leader, province_admin, national, system_admin]]
  // list
  ["list: own province", { action: "list", province: own }, [F, F, Y, F, Y]],
  ["list: own predecessor", { action: "list", province: predecessor }, [F, F, Y, F, Y]],
  ["list: other province", { action: "list", province: other }, [F, F, F, F, Y]],
  ["list: national viewers and system admins", { action: "list", province: null }, [F, F, F, F, Y]],
  // create within a province
  ["create staff: own province", create("staff", own), [F, F, Y, F, Y]],
  ["create leader: own province", create("leader", own), [F, F, Y, F, Y]],
  ["create province admin: own province", create("province_admin", own), [F, F, Y, F, Y]],
  ["create staff: other province", create("staff", other), [F, F, F, F, Y]],
  ["create province admin: other province", create("province_admin", other), [F, F, F, F, Y]],
  ["create staff: own predecessor (former unit)", create("staff", predecessor), [F, F, FORMER, F, FORMER]],
  // create the accounts that belong to no province, and each province's first admin
  ["create national viewer", create("national", null), [F, F, GRANT, F, Y]],
  ["create system admin", create("system_admin", null), [F, F, GRANT, F, Y]],
  ["create system admin: inside own province", create("system_admin", own), [F, F, GRANT, F, MISMATCH]],
  ["create staff: no province", create("staff", null), [F, F, MISMATCH, F, MISMATCH]],
  ["create first admin: own province", create("province_admin", own, false), [F, F, FIRST, F, Y]],
  ["create first admin: other province", create("province_admin", other, false), [F, F, F, F, Y]],
  ["create first staff: other province without admin", create("staff", other, false), [F, F, F, F, Y]],
  // deactivate
  ["deactivate: own staff", onAccount("deactivate", ownStaff), [F, F, Y, F, Y]],
  ["deactivate: own admin (another remains)", onAccount("deactivate", ownAdmin), [F, F, Y, F, Y]],
  ["deactivate: own last active admin", onAccount("deactivate", ownAdmin, true), [F, F, LAST, F, LAST]],
  ["deactivate: own predecessor's staff", onAccount("deactivate", predecessorStaff), [F, F, Y, F, Y]],
  ["deactivate: other province's staff", onAccount("deactivate", otherStaff), [F, F, F, F, Y]],
  ["deactivate: other province's admin", onAccount("deactivate", otherAdmin), [F, F, F, F, Y]],
  ["deactivate: national viewer", onAccount("deactivate", nationalViewer), [F, F, F, F, Y]],
  ["deactivate: another system admin", onAccount("deactivate", anotherSystemAdmin), [F, F, F, F, Y]],
  [
    "deactivate: the last active system admin",
    onAccount("deactivate", anotherSystemAdmin, true),
    [F, F, F, F, LAST],
  ],
  // reactivate
  ["reactivate: own staff", onAccount("reactivate", account(10, "staff", own, false)), [F, F, Y, F, Y]],
  [
    "reactivate: other province's staff",
    onAccount("reactivate", { ...otherStaff, active: false }),
    [F, F, F, F, Y],
  ],
  [
    "reactivate: national viewer",
    onAccount("reactivate", { ...nationalViewer, active: false }),
    [F, F, F, F, Y],
  ],
  // reset password
  ["reset password: own staff", onAccount("reset_password", ownStaff), [F, F, Y, F, Y]],
  ["reset password: own admin", onAccount("reset_password", ownAdmin), [F, F, Y, F, Y]],
  ["reset password: other province's staff", onAccount("reset_password", otherStaff), [F, F, F, F, Y]],
  ["reset password: national viewer", onAccount("reset_password", nationalViewer), [F, F, F, F, Y]],
  ["reset password: another system admin", onAccount("reset_password", anotherSystemAdmin), [F, F, F, F, Y]],
  // change role
  ["change role: own staff → leader", changeRole(ownStaff, "leader"), [F, F, Y, F, Y]],
  ["change role: own staff → province admin", changeRole(ownStaff, "province_admin"), [F, F, Y, F, Y]],
  ["change role: own admin → staff (another remains)", changeRole(ownAdmin, "staff"), [F, F, Y, F, Y]],
  ["change role: own last active admin → staff", changeRole(ownAdmin, "staff", true), [F, F, LAST, F, LAST]],
  ["change role: own staff → system admin", changeRole(ownStaff, "system_admin"), [F, F, GRANT, F, MISMATCH]],
  ["change role: own staff → national viewer", changeRole(ownStaff, "national"), [F, F, GRANT, F, MISMATCH]],
  ["change role: other province's staff → leader", changeRole(otherStaff, "leader"), [F, F, F, F, Y]],
  [
    "change role: national viewer → system admin",
    changeRole(nationalViewer, "system_admin"),
    [F, F, F, F, Y],
  ],
  ["change role: national viewer → staff", changeRole(nationalViewer, "staff"), [F, F, F, F, MISMATCH]],
  [
    "change role: the last active system admin → national viewer",
    changeRole(anotherSystemAdmin, "national", true),
    [F, F, F, F, LAST],
  ],
];

const outcome = (role: Role, change: AccountChange): Outcome => {
  const decision = canManageAccount(actor(role), change);
  return decision.ok ? "ok" : decision.reason;
};

describe("account matrix: every account action × role × own / other province / nationwide accounts", () => {
  for (const [name, change, expected] of MATRIX) {
    ROLES.forEach((role, i) => {
      it(`${name} — ${role}: ${expected[i]}`, () => {
        expect(outcome(role, change)).toBe(expected[i]);
      });
    });
  }

  it("covers every account action", () => {
    const covered = new Set(MATRIX.map(([, change]) => change.action));
    expect([...covered].sort()).toEqual(
      ["change_role", "create", "deactivate", "list", "reactivate", "reset_password"].sort(),
    );
  });
});

describe("nobody locks themselves out", () => {
  const self = (role: Role): AccountRef => ({
    id: ACTOR_ID,
    role,
    province: role === "province_admin" ? own : null,
    active: true,
  });
  for (const role of ["province_admin", "system_admin"] as const) {
    it(`a ${role} cannot deactivate, demote or reset themselves, even when others remain`, () => {
      expect(outcome(role, onAccount("deactivate", self(role)))).toBe("self");
      expect(outcome(role, onAccount("reset_password", self(role)))).toBe("self");
      const lower = role === "province_admin" ? "staff" : "national";
      expect(outcome(role, changeRole(self(role), lower))).toBe("self");
    });
  }

  it("an inactive last admin may be reset, reactivated and deactivated again (nothing changes)", () => {
    const inactiveAdmin = account(11, "province_admin", own, false);
    expect(outcome("province_admin", onAccount("deactivate", inactiveAdmin, true))).toBe("ok");
    expect(outcome("province_admin", onAccount("reactivate", inactiveAdmin, true))).toBe("ok");
    expect(outcome("province_admin", changeRole(inactiveAdmin, "staff", true))).toBe("ok");
  });

  it("the last admin keeping the role (a no-op) is not refused", () => {
    expect(outcome("province_admin", changeRole(ownAdmin, "province_admin", true))).toBe("ok");
  });

  it("a former unit's account is reached from its successor only", () => {
    const formerAdmin: Actor = { id: 2, role: "province_admin", provinceId: "17" };
    expect(canManageAccount(formerAdmin, onAccount("deactivate", predecessorStaff)).ok).toBe(false);
  });
});

describe("refusals read as clear messages", () => {
  it("maps each refusal to a status and a message in both languages", () => {
    const cases: [AccountRefusal, number][] = [
      ["not_allowed", 403],
      ["role_not_grantable", 403],
      ["first_admin", 403],
      ["role_province_mismatch", 422],
      ["former_province", 422],
      ["self", 422],
      ["last_admin", 422],
    ];
    for (const [reason, status] of cases) {
      const e = accountRefusalError(reason, "deactivate");
      expect(e.status).toBe(status);
      expect(e.messageVi.length).toBeGreaterThan(10);
      expect(e.messageEn.length).toBeGreaterThan(10);
    }
    expect(accountRefusalError("self", "reset_password").messageEn).toContain("profile");
    expect(accountRefusalError("role_not_grantable", "create").fields?.role).toBeDefined();
  });
});
