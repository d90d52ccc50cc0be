import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkCredentials, SIGN_IN_LIMITS } from "@/app/(auth)/sign-in";
import type { DbHandle } from "@/db";
import { signInAttempts, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { DB_KINDS, openTestDb } from "./db";

describe.each(DB_KINDS)("sign-in on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
  }, 120_000);
  afterAll(() => handle?.close());
  beforeEach(() => {
    process.env.CHITIEU_DEMO = "1";
  });
  afterEach(async () => {
    await handle.db.delete(signInAttempts);
    await handle.db.update(users).set({ active: true });
  });

  const attempt = (username: string, password: string, address = "10.0.0.1") =>
    checkCredentials(handle.db, { username, password }, address);

  it("accepts the right password, whatever the case of the username, and records the sign-in", async () => {
    const result = await attempt("LaoCai.CanBo", DEMO_PASSWORD);
    expect(result.ok).toBe(true);
    const [user] = await handle.db.select().from(users).where(eq(users.username, "laocai.canbo"));
    expect(user.lastSignInAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown user", async () => {
    expect(await attempt("laocai.canbo", "wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody.here", "wrong-password")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses empty, oversized and malformed fields without touching the database", async () => {
    expect(await checkCredentials(handle.db, { username: "", password: "x" }, "a")).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await checkCredentials(handle.db, { username: "x".repeat(65), password: "x" }, "a")).toMatchObject(
      {
        reason: "malformed",
      },
    );
    expect(await checkCredentials(handle.db, { username: ["a"], password: 1 }, "a")).toMatchObject({
      reason: "malformed",
    });
    expect(await checkCredentials(handle.db, null, "a")).toMatchObject({ reason: "malformed" });
    expect(await handle.db.select().from(signInAttempts)).toHaveLength(0);
  });

  it(`locks an account for ${SIGN_IN_LIMITS.windowMinutes} minutes after ${SIGN_IN_LIMITS.perUsername} failures, even from several addresses`, async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perUsername; i++) {
      expect(await attempt("laocai.lanhdao", "wrong", `10.0.1.${i}`)).toMatchObject({ reason: "invalid" });
    }
    expect(await attempt("laocai.lanhdao", DEMO_PASSWORD, "10.0.2.1")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // Another account is not affected.
    expect((await attempt("laocai.quantri", DEMO_PASSWORD, "10.0.2.1")).ok).toBe(true);
    // Failures older than the window no longer count.
    await handle.db.update(signInAttempts).set({ at: new Date(Date.now() - 16 * 60_000) });
    expect((await attempt("laocai.lanhdao", DEMO_PASSWORD)).ok).toBe(true);
  });

  it(`limits one address to ${SIGN_IN_LIMITS.perAddress} failures across accounts`, async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await attempt(`guess${i}`, "wrong", "192.0.2.9");
    expect(await attempt("laocai.canbo", DEMO_PASSWORD, "192.0.2.9")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect((await attempt("laocai.canbo", DEMO_PASSWORD, "192.0.2.10")).ok).toBe(true);
  });

  it("refuses a deactivated account with the answer of a wrong password, right password or not", async () => {
    await handle.db.update(users).set({ active: false }).where(eq(users.username, "phutho.canbo"));
    expect(await attempt("phutho.canbo", DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("phutho.canbo", "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses demo accounts outside demo mode", async () => {
    process.env.CHITIEU_DEMO = "0";
    expect(await attempt("hethong", DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});
