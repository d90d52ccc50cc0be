import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountContext,
  changeAccount,
  changeOwnPassword,
  createAccount,
  listManagedAccounts,
} from "@/app/_server/accounts";
import type { CurrentUser } from "@/app/_server/session";
import { checkCredentials } from "@/app/(auth)/sign-in";
import type { DbHandle } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getSessionUser } from "@/db/queries/session-user";
import { createApiToken, getUserByToken } from "@/db/queries/tokens";
import { auditLog, signInAttempts, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { newAccountSchema } from "@/lib/account-input";
import type { AppError } from "@/lib/errors";
import { DB_KINDS, openTestDb } from "./db";

describe.each(DB_KINDS)("account administration on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    process.env.CHITIEU_DEMO = "1";
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
  }, 120_000);
  afterAll(() => handle?.close());

  const userRow = async (username: string) => {
    const [row] = await handle.db.select().from(users).where(eq(users.username, username));
    return row;
  };
  const currentUser = async (username: string): Promise<CurrentUser> => {
    const u = await userRow(username);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      provinceId: u.provinceId,
      mustChangePassword: u.mustChangePassword,
    };
  };
  /** As the guard runs a write: one transaction, the audit rows in it, everything rolled back on a throw. */
  const as = async <R>(username: string, run: (ctx: AccountContext) => Promise<R>): Promise<R> => {
    const user = await currentUser(username);
    return handle.db.transaction((tx) =>
      run({
        tx,
        user,
        audit: (entry) => writeAudit(tx, { provinceId: user.provinceId, ...entry, userId: user.id }),
      }),
    );
  };
  const counts = async () => {
    const [[u], [a]] = await Promise.all([
      handle.db.select({ n: count() }).from(users),
      handle.db.select({ n: count() }).from(auditLog),
    ]);
    return { users: u.n, audit: a.n };
  };
  /** Expects the run to be refused with this status and to leave no trace. */
  const refused = async (status: number, run: () => Promise<unknown>, message?: RegExp) => {
    const before = await counts();
    const error = (await run().then(
      () => null,
      (e: unknown) => e,
    )) as AppError | null;
    expect(error, "expected a refusal").not.toBeNull();
    expect(error?.status).toBe(status);
    if (message) expect(error?.messageEn).toMatch(message);
    expect(await counts()).toEqual(before);
    return error as AppError;
  };
  const lastAudit = async () => {
    const [row] = await handle.db
      .select()
      .from(auditLog)
      .orderBy(auditLog.id)
      .limit(1)
      .offset((await counts()).audit - 1);
    return row;
  };
  const input = (v: Record<string, unknown>) => newAccountSchema.parse(v);

  it("a province admin creates a staff account with a temporary password shown once, never stored", async () => {
    const { account, temporaryPassword } = await as("laocai.quantri", (ctx) =>
      createAccount(
        ctx,
        input({ username: "LaoCai.NguyenVanA", displayName: "Nguyễn Văn A", role: "staff" }),
      ),
    );
    expect(account).toMatchObject({
      username: "laocai.nguyenvana",
      role: "staff",
      provinceId: "15-2025",
      active: true,
      mustChangePassword: true,
    });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const stored = await userRow("laocai.nguyenvana");
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "user.create",
      provinceId: "15-2025",
      entityId: String(account.id),
    });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    // The new person signs in with it, and must change it first.
    const signIn = await checkCredentials(
      handle.db,
      { username: "laocai.nguyenvana", password: temporaryPassword },
      "10.9.0.1",
    );
    expect(signIn.ok && signIn.user.mustChangePassword).toBe(true);
  });

  it("refuses a duplicate username, whatever its case, and saves nothing", async () => {
    const e = await refused(409, () =>
      as("laocai.quantri", (ctx) =>
        createAccount(ctx, input({ username: "LAOCAI.CANBO", displayName: "Trùng tên", role: "staff" })),
      ),
    );
    expect(e.messageVi).toContain("đã có người dùng");
    expect(e.fields?.username).toBeDefined();
  });

  it("refuses unknown roles and malformed usernames before anything runs", () => {
    const bad = newAccountSchema.safeParse({ username: "x.y", displayName: "X", role: "superuser" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["role"]);
    expect(bad.error?.issues[0].message).toContain("Vai trò không hợp lệ");
    for (const username of ["ab", "có.dấu", "a b", ".start", "x".repeat(65)]) {
      expect(newAccountSchema.safeParse({ username, displayName: "X", role: "staff" }).success).toBe(false);
    }
  });

  it("a province admin cannot create a system admin, a national viewer, or accounts of another province", async () => {
    const e = await refused(
      403,
      () =>
        as("laocai.quantri", (ctx) =>
          createAccount(
            ctx,
            input({ username: "laocai.sieuquantri", displayName: "X", role: "system_admin" }),
          ),
        ),
      /cannot grant this role/,
    );
    expect(e.messageVi).toContain("quản trị tỉnh chỉ cấp");
    await refused(403, () =>
      as("laocai.quantri", (ctx) =>
        createAccount(ctx, input({ username: "laocai.boct", displayName: "X", role: "national" })),
      ),
    );
    await refused(403, () =>
      as("laocai.quantri", (ctx) =>
        createAccount(
          ctx,
          input({ username: "phutho.moi", displayName: "X", role: "staff", provinceId: "25-2025" }),
        ),
      ),
    );
    // A former unit takes no new accounts, and an unknown unit is named as such.
    await refused(422, () =>
      as("laocai.quantri", (ctx) =>
        createAccount(
          ctx,
          input({ username: "laocai.cu", displayName: "X", role: "staff", provinceId: "10" }),
        ),
      ),
    );
    await refused(422, () =>
      as("hethong", (ctx) =>
        createAccount(
          ctx,
          input({ username: "khong.co", displayName: "X", role: "staff", provinceId: "99" }),
        ),
      ),
    );
  });

  it("staff and leaders manage no accounts", async () => {
    for (const who of ["laocai.canbo", "laocai.lanhdao", "bocongthuong"]) {
      await refused(403, () =>
        as(who, (ctx) =>
          createAccount(ctx, input({ username: `${who}.x`, displayName: "X", role: "staff" })),
        ),
      );
      const target = await userRow("laocai.canbo");
      await refused(403, () => as(who, (ctx) => changeAccount(ctx, target.id, { resetPassword: true })));
    }
  });

  it("a system admin creates national viewers, system admins and a province's first admin", async () => {
    const viewer = await as("hethong", (ctx) =>
      createAccount(
        ctx,
        input({ username: "bct.vuthitruong", displayName: "Vụ Thị trường", role: "national" }),
      ),
    );
    expect(viewer.account.provinceId).toBeNull();
    // Hà Nội (01) has no accounts yet: its first admin.
    const first = await as("hethong", (ctx) =>
      createAccount(
        ctx,
        input({
          username: "hanoi.quantri",
          displayName: "QT Hà Nội",
          role: "province_admin",
          provinceId: "01",
        }),
      ),
    );
    expect(first.account).toMatchObject({ provinceId: "01", role: "province_admin" });
    expect(await lastAudit()).toMatchObject({ action: "user.create", provinceId: "01" });
    // A national role never sits in a province.
    await refused(422, () =>
      as("hethong", (ctx) =>
        createAccount(
          ctx,
          input({ username: "bct.x", displayName: "X", role: "national", provinceId: "01" }),
        ),
      ),
    );
  });

  it("deactivating ends the person's sessions and tokens at once; reactivating lets them sign in again", async () => {
    const before = await userRow("thainguyen.canbo");
    const { secret } = await createApiToken(handle.db, before.id, "báo cáo");
    expect(await getUserByToken(handle.db, secret)).not.toBeNull();
    const result = await as("thainguyen.quantri", (ctx) => changeAccount(ctx, before.id, { active: false }));
    expect(result.changed).toEqual(["active"]);
    expect(await getSessionUser(handle.db, before.id, before.sessionVersion)).toBeNull();
    expect(await getUserByToken(handle.db, secret)).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "user.deactivate",
      provinceId: "19-2025",
      before: { active: true },
      after: { active: false },
    });
    expect(
      await checkCredentials(handle.db, { username: before.username, password: DEMO_PASSWORD }, "10.9.0.2"),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    await as("thainguyen.quantri", (ctx) => changeAccount(ctx, before.id, { active: true }));
    expect((await lastAudit()).action).toBe("user.activate");
    expect(
      (await checkCredentials(handle.db, { username: before.username, password: DEMO_PASSWORD }, "10.9.0.2"))
        .ok,
    ).toBe(true);
    // Asking for what already is changes nothing and writes nothing.
    const quiet = await counts();
    expect(
      (await as("thainguyen.quantri", (ctx) => changeAccount(ctx, before.id, { active: true }))).changed,
    ).toEqual([]);
    expect(await counts()).toEqual(quiet);
  });

  it("a password reset gives a new temporary password, ends sessions and tokens, and logs no secret", async () => {
    const before = await userRow("tuyenquang.lanhdao");
    const { secret } = await createApiToken(handle.db, before.id, "tích hợp");
    const { temporaryPassword } = await as("tuyenquang.quantri", (ctx) =>
      changeAccount(ctx, before.id, { resetPassword: true }),
    );
    expect(temporaryPassword).toBeTruthy();
    const after = await userRow("tuyenquang.lanhdao");
    expect(after.mustChangePassword).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await getUserByToken(handle.db, secret)).toBeNull();
    const audit = await lastAudit();
    expect(audit.action).toBe("user.password_reset");
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword as string);
    expect(
      (await checkCredentials(handle.db, { username: before.username, password: DEMO_PASSWORD }, "10.9.0.3"))
        .ok,
    ).toBe(false);
    expect(
      (
        await checkCredentials(
          handle.db,
          { username: before.username, password: temporaryPassword },
          "10.9.0.3",
        )
      ).ok,
    ).toBe(true);
  });

  it("a role change within the province ends sessions and tokens; a province role never becomes a national one", async () => {
    const before = await userRow("tuyenquang.canbo");
    const { secret } = await createApiToken(handle.db, before.id, "x");
    await as("tuyenquang.quantri", (ctx) => changeAccount(ctx, before.id, { role: "leader" }));
    expect((await userRow("tuyenquang.canbo")).role).toBe("leader");
    expect(await getUserByToken(handle.db, secret)).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "user.role",
      before: { role: "staff" },
      after: { role: "leader" },
    });
    await refused(403, () =>
      as("tuyenquang.quantri", (ctx) => changeAccount(ctx, before.id, { role: "system_admin" })),
    );
    await refused(422, () => as("hethong", (ctx) => changeAccount(ctx, before.id, { role: "national" })));
    await as("tuyenquang.quantri", (ctx) => changeAccount(ctx, before.id, { role: "staff" }));
  });

  it("a province admin cannot touch another province's accounts, national viewers or system admins", async () => {
    for (const username of ["phutho.canbo", "phutho.quantri", "bocongthuong", "hethong"]) {
      const target = await userRow(username);
      await refused(403, () =>
        as("laocai.quantri", (ctx) => changeAccount(ctx, target.id, { active: false })),
      );
      await refused(403, () =>
        as("laocai.quantri", (ctx) => changeAccount(ctx, target.id, { resetPassword: true })),
      );
      await refused(403, () =>
        as("laocai.quantri", (ctx) => changeAccount(ctx, target.id, { role: "leader" })),
      );
      expect((await userRow(username)).sessionVersion).toBe(target.sessionVersion);
    }
    await refused(404, () => as("laocai.quantri", (ctx) => changeAccount(ctx, 999_999, { active: false })));
  });

  it("nobody locks a province out: the last active admin stays, and no admin deactivates or demotes themselves", async () => {
    const admin = await userRow("phutho.quantri");
    await refused(
      422,
      () => as("phutho.quantri", (ctx) => changeAccount(ctx, admin.id, { active: false })),
      /your own/,
    );
    await refused(422, () => as("phutho.quantri", (ctx) => changeAccount(ctx, admin.id, { role: "staff" })));
    await refused(
      422,
      () => as("hethong", (ctx) => changeAccount(ctx, admin.id, { active: false })),
      /last active admin/,
    );
    await refused(
      422,
      () => as("hethong", (ctx) => changeAccount(ctx, admin.id, { role: "leader" })),
      /last active admin/,
    );
    // A request with a refused part saves none of it.
    await refused(422, () =>
      as("hethong", (ctx) => changeAccount(ctx, admin.id, { resetPassword: true, active: false })),
    );
    expect((await userRow("phutho.quantri")).mustChangePassword).toBe(false);

    // With a second admin, either may go.
    const second = await as("phutho.quantri", (ctx) =>
      createAccount(ctx, input({ username: "phutho.quantri2", displayName: "QT 2", role: "province_admin" })),
    );
    await as("phutho.quantri", (ctx) => changeAccount(ctx, second.account.id, { role: "staff" }));
    await as("phutho.quantri", (ctx) => changeAccount(ctx, second.account.id, { role: "province_admin" }));
    await as("hethong", (ctx) => changeAccount(ctx, admin.id, { active: false }));
    // ... but not both.
    await refused(422, () =>
      as("hethong", (ctx) => changeAccount(ctx, second.account.id, { active: false })),
    );
    await as("hethong", (ctx) => changeAccount(ctx, admin.id, { active: true }));
  });

  // Only a server has concurrent connections: PGlite runs one transaction at a time, so the
  // race exists only there (the test is defined for PostgreSQL, not skipped on PGlite).
  if (kind === "postgres")
    it("two admins deactivating each other at once: one wins, the other is refused, no deadlock", async () => {
      // Cà Mau (96-2025) has no accounts: give it two admins.
      const create = (username: string) =>
        as("hethong", (ctx) =>
          createAccount(
            ctx,
            input({ username, displayName: username, role: "province_admin", provinceId: "96-2025" }),
          ),
        );
      const first = await create("camau.qt1");
      const second = await create("camau.qt2");
      const results = await Promise.allSettled([
        as("camau.qt1", (ctx) => changeAccount(ctx, second.account.id, { active: false })),
        as("camau.qt2", (ctx) => changeAccount(ctx, first.account.id, { active: false })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((failure.reason as AppError).status).toBe(422);
      const stillActive = await handle.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.provinceId, "96-2025"), eq(users.active, true)));
      expect(stillActive).toHaveLength(1);
    });

  it("lists only the accounts within reach", async () => {
    const lc = await currentUser("laocai.quantri");
    const own = await listManagedAccounts(handle.db, lc, null);
    expect(new Set(own.map((a) => a.provinceId))).toEqual(new Set(["15-2025"]));
    await expect(listManagedAccounts(handle.db, lc, "25-2025")).rejects.toMatchObject({ status: 403 });
    const sys = await listManagedAccounts(handle.db, await currentUser("hethong"), null);
    expect(sys.some((a) => a.username === "bocongthuong")).toBe(true);
    expect(sys.some((a) => a.provinceId === "25-2025")).toBe(true);
    await expect(
      listManagedAccounts(handle.db, await currentUser("laocai.canbo"), null),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  describe("changing one's own password", () => {
    const change = (username: string, currentPassword: string, newPassword: string) =>
      as(username, (ctx) => changeOwnPassword(ctx, { currentPassword, newPassword }, "10.9.1.1"));

    it("needs the current password, and a new one that is long, not the username and not common", async () => {
      const u = "laocai.lanhdao";
      const hashBefore = (await userRow(u)).passwordHash;
      const wrong = await change(u, "not-my-password", "mưa rào tháng bảy");
      expect(wrong.ok).toBe(false);
      expect(!wrong.ok && wrong.error.fields?.currentPassword).toBeTruthy();
      expect((await userRow(u)).passwordHash).toBe(hashBefore);
      for (const [weak, text] of [
        ["ngan-qua", "at least 10"],
        ["LaoCai.LanhDao-2026", "username"],
        ["password123", "too common"],
        ["qwertyuiop", "too common"],
        [DEMO_PASSWORD, "too common"],
      ] as const) {
        const e = await refused(422, () => change(u, DEMO_PASSWORD, weak));
        expect(e.fields?.newPassword?.map((m) => m.en).join(" ")).toContain(text);
      }
    });

    it("a new password works at once and ends the temporary state, keeping the session", async () => {
      const before = await userRow("laocai.nguyenvana");
      expect(before.mustChangePassword).toBe(true);
      await handle.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, before.id));
      const temp = await as("laocai.quantri", (ctx) =>
        changeAccount(ctx, before.id, { resetPassword: true }),
      );
      const reset = await userRow("laocai.nguyenvana");
      const result = await change("laocai.nguyenvana", temp.temporaryPassword as string, "mưa rào tháng bảy");
      expect(result).toEqual({ ok: true, wasTemporary: true });
      const after = await userRow("laocai.nguyenvana");
      expect(after.mustChangePassword).toBe(false);
      // Other sessions and tokens end; the session it was changed from moves to the new version (test/security.test.ts).
      expect(after.sessionVersion).toBe(reset.sessionVersion + 1);
      expect(await lastAudit()).toMatchObject({
        action: "user.password_change",
        after: { mustChangePassword: false },
      });
      expect(
        (
          await checkCredentials(
            handle.db,
            { username: "laocai.nguyenvana", password: "mưa rào tháng bảy" },
            "10.9.0.4",
          )
        ).ok,
      ).toBe(true);
    });

    it("a wrong current password counts as a failed sign-in: five, and both the form and sign-in wait", async () => {
      const u = "phutho.lanhdao";
      for (let i = 0; i < 5; i++) expect((await change(u, `wrong-${i}`, "mưa rào tháng bảy")).ok).toBe(false);
      const failures = await handle.db.select().from(signInAttempts).where(eq(signInAttempts.username, u));
      expect(failures.filter((a) => !a.success)).toHaveLength(5);
      const e = await refused(429, () => change(u, DEMO_PASSWORD, "mưa rào tháng bảy"));
      expect(e.messageVi).toContain("quá nhiều lần");
      expect(await checkCredentials(handle.db, { username: u, password: DEMO_PASSWORD }, "10.9.1.2")).toEqual(
        {
          ok: false,
          reason: "rate_limited",
        },
      );
      await handle.db.delete(signInAttempts).where(eq(signInAttempts.username, u));
    });
  });
});
