/**
 * Issue 9: each attack found on the running app, reproduced, on PGlite and (with
 * TEST_DATABASE_URL) on PostgreSQL, where concurrent requests really run at once.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type AccountContext, changeOwnPassword } from "@/app/_server/accounts";
import type { WriteContext } from "@/app/_server/guard";
import { loadSheet, runTransition } from "@/app/_server/month";
import type { CurrentUser } from "@/app/_server/session";
import { checkCredentials, SIGN_IN_LIMITS } from "@/app/(auth)/sign-in";
import { type DbHandle, openDb, type Tx } from "@/db";
import { migrate } from "@/db/migrate";
import { writeAudit } from "@/db/queries/audit";
import { currentMonth, type FigureWrite, periodProblem, saveFigures } from "@/db/queries/figure-writes";
import { getSessionUserBySession } from "@/db/queries/session-user";
import { createSession, revokeSession } from "@/db/queries/sessions";
import { saveTargets } from "@/db/queries/targets";
import { createApiToken, getUserByToken } from "@/db/queries/tokens";
import { figures, provinces, signInAttempts, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/client-address";
import { nulBytePath } from "@/lib/errors";
import { buildPreview, type ImportEntry } from "@/lib/import/preview";
import { logServerError } from "@/lib/log";
import { bounded, HASHING, hashPassword, takeHashingPeak } from "@/lib/passwords";
import { addMonths } from "@/lib/periods";
import { unacknowledged } from "@/lib/validation";
import type { Transition } from "@/lib/workflow";
import * as server from "../scripts/server.mjs";
import { appError } from "./app-error";
import { DB_KINDS, openTestDb } from "./db";

/** Every password the sign-in checks, counted where it is checked. */
const checked = vi.hoisted(() => ({ passwords: 0 }));
vi.mock("@/lib/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/passwords")>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checked.passwords++;
      return real.verifyPassword(hash, password);
    },
  };
});

describe("the client's address (point 1)", () => {
  it("is the socket's whatever X-Forwarded-For says, unless the deployment trusts proxies", () => {
    expect(server.clientAddressOf("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(server.clientAddressOf("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.7");
    // One proxy (its address is the socket's): the entry it appended, not the client's own.
    expect(server.clientAddressOf("10.0.0.2", "1.2.3.4, 198.51.100.9", 1)).toBe("198.51.100.9");
    // Two proxies: the second from the right.
    expect(server.clientAddressOf("10.0.0.2", "1.2.3.4, 198.51.100.9, 10.0.0.1", 2)).toBe("198.51.100.9");
    // Fewer entries than proxies: the leftmost there is.
    expect(server.clientAddressOf("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(server.trustedProxyCount(undefined)).toBe(0);
    expect(server.trustedProxyCount("1")).toBe(1);
    expect(() => server.trustedProxyCount("all")).toThrow(/TRUSTED_PROXY_COUNT/);
  });

  it("is read by the app only from the header the server sets, never from X-Forwarded-For", () => {
    expect(server.CLIENT_ADDRESS_HEADER).toBe(CLIENT_ADDRESS_HEADER);
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4" }))).toBe(
      "unknown",
    );
    expect(
      clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "203.0.113.7" })),
    ).toBe("203.0.113.7");
  });

  it("answers 413 from Content-Length, before reading a body too large for the route", () => {
    const req = (url: string, length: number) =>
      ({ url, headers: { "content-length": String(length) } }) as unknown as Parameters<
        typeof server.tooLarge
      >[0];
    expect(server.tooLarge(req("/entry", 20 * 1024 * 1024))).toBe(true);
    expect(server.tooLarge(req("/entry", 500 * 1024))).toBe(false);
    expect(server.tooLarge(req("/api/v1/provinces/10/figures", 100 * 1024 * 1024))).toBe(true);
    expect(server.tooLarge(req("/api/v1/provinces/10/imports", 3 * 1024 * 1024))).toBe(false);
  });
});

describe("bad input and leaks (points 9 and 10)", () => {
  it("finds a NUL byte wherever it hides in an input", () => {
    expect(nulBytePath({ figures: [{ note: "ok" }, { note: "a\u0000b" }] })).toBe("figures.1.note");
    expect(nulBytePath({ "id\u0000": 1 })).toBe("id\u0000");
    expect(nulBytePath({ figures: [{ note: "ok", value: 1 }] })).toBeNull();
  });

  it("logs a failed query without its SQL or parameters outside development", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = Object.assign(new Error("value out of range"), { code: "22003" });
    const failed = Object.assign(
      new Error('Failed query: update "users" set "password_hash" = $1\nparams: $argon2id$secret'),
      { cause },
    );
    logServerError(failed, "production");
    const logged = spy.mock.calls.map((c) => c.map(String).join(" ")).join("\n");
    expect(logged).toContain("22003");
    expect(logged).not.toContain("password_hash");
    expect(logged).not.toContain("secret");
    spy.mockClear();
    logServerError(failed, "development");
    expect(spy.mock.calls[0][0]).toBe(failed);
    spy.mockRestore();
  });
});

describe("periods outside a unit's life in an import (point 6)", () => {
  it("are errors in the preview, before anything is confirmed", () => {
    const entry = (period: string): ImportEntry => ({
      cell: "C3",
      indicator: "TM.XNK",
      period,
      measure: "value",
      value: 5,
      vintage: "estimate",
      note: null,
      error: null,
    });
    const formerLaoCai = { validFrom: null, validTo: "2025-06-30" };
    const preview = buildPreview([entry("2025-06"), entry("2026-11")], new Map(), new Map(), (p) =>
      periodProblem(p, formerLaoCai),
    );
    expect(preview.cells.map((c) => c.status)).toEqual(["new", "error"]);
    expect(preview.cells[1].message?.en).toMatch(/did not exist in «2026-11»/);
    expect(preview.writes.map((w) => w.period)).toEqual(["2025-06"]);
  });
});

describe("password hashing (point 2)", () => {
  it(`runs at most ${HASHING.concurrency} hashes at once, however many are asked for`, async () => {
    takeHashingPeak();
    await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`password ${i}`)));
    const peak = takeHashingPeak();
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(HASHING.concurrency);
  });
});

describe.each(DB_KINDS)("security on %s", (kind) => {
  let handle: DbHandle & { url?: string };
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
  const currentUser = async (username: string, sessionId: string | null = null): Promise<CurrentUser> => {
    const u = await userRow(username);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      provinceId: u.provinceId,
      mustChangePassword: u.mustChangePassword,
      sessionId,
    };
  };
  const as = async <R>(user: CurrentUser, run: (ctx: AccountContext) => Promise<R>): Promise<R> =>
    handle.db.transaction((tx) =>
      run({
        tx,
        user,
        audit: (entry) => writeAudit(tx, { provinceId: user.provinceId, ...entry, userId: user.id }),
      }),
    );

  describe("sign-in limits (points 1 and 2)", () => {
    it("checks at most 5 passwords of an account when 60 sign-ins arrive at once", async () => {
      const username = "laocai.lanhdao";
      checked.passwords = 0;
      const attempts = Array.from({ length: 60 }, (_, i) =>
        checkCredentials(
          handle.db,
          { username, password: i === 49 ? DEMO_PASSWORD : `wrong-${i}` },
          `198.51.100.${i}`,
        ),
      );
      const results = await Promise.all(attempts);
      expect(checked.passwords).toBeLessThanOrEqual(SIGN_IN_LIMITS.perUsername);
      const rows = await handle.db.select().from(signInAttempts).where(eq(signInAttempts.username, username));
      expect(rows.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perUsername);
      expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(
        60 - SIGN_IN_LIMITS.perUsername,
      );
      // The right password, sent 50th, was not let through by the crowd.
      expect(results[49]).toEqual({ ok: false, reason: "rate_limited" });
      await handle.db.delete(signInAttempts);
    });

    it("holds the per-address limit against concurrent guesses across accounts", async () => {
      checked.passwords = 0;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          checkCredentials(handle.db, { username: `guess.${i}`, password: "wrong" }, "203.0.113.50"),
        ),
      );
      expect(checked.passwords).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAddress);
      expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(
        40 - SIGN_IN_LIMITS.perAddress,
      );
      await handle.db.delete(signInAttempts);
    });
  });

  it("answers 'busy' without counting a failure when too many hashes already wait", async () => {
    const saved = { ...HASHING };
    Object.assign(HASHING, { concurrency: 1, maxWaiting: 3 });
    try {
      // One slot held and three waiting until the gate opens: the queue stays full while we sign in.
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const queue = Array.from({ length: 4 }, () => bounded(() => gate));
      const result = await checkCredentials(
        handle.db,
        { username: "laocai.canbo", password: "x" },
        "192.0.2.77",
      );
      expect(result).toEqual({ ok: false, reason: "busy" });
      open();
      await Promise.all(queue);
      expect(
        await handle.db.select().from(signInAttempts).where(eq(signInAttempts.address, "192.0.2.77")),
      ).toEqual([]);
    } finally {
      Object.assign(HASHING, saved);
    }
  });

  describe("sessions (point 4)", () => {
    it("a signed-out session is refused on the server", async () => {
      const u = await userRow("laocai.canbo");
      const sid = await createSession(handle.db, u.id, "203.0.113.1");
      expect(await getSessionUserBySession(handle.db, u.id, sid)).toMatchObject({ username: "laocai.canbo" });
      // Another user's id with this session id finds nothing.
      expect(await getSessionUserBySession(handle.db, u.id + 1, sid)).toBeNull();
      await revokeSession(handle.db, sid);
      expect(await getSessionUserBySession(handle.db, u.id, sid)).toBeNull();
    });

    it("changing one's own password ends every other session and every token, and keeps this one", async () => {
      const username = "phutho.canbo";
      const u = await userRow(username);
      const here = await createSession(handle.db, u.id, "203.0.113.2");
      const elsewhere = await createSession(handle.db, u.id, "203.0.113.3");
      const { secret } = await createApiToken(handle.db, u.id, "made elsewhere");
      expect(await getUserByToken(handle.db, secret)).not.toBeNull();

      const result = await as(await currentUser(username, here), (ctx) =>
        changeOwnPassword(ctx, { currentPassword: DEMO_PASSWORD, newPassword: "mưa rào tháng bảy" }, "x"),
      );
      expect(result).toEqual({ ok: true, wasTemporary: false });
      expect(await getSessionUserBySession(handle.db, u.id, here)).not.toBeNull();
      expect(await getSessionUserBySession(handle.db, u.id, elsewhere)).toBeNull();
      expect(await getUserByToken(handle.db, secret)).toBeNull();
      // A token made afterwards works.
      const fresh = await createApiToken(handle.db, u.id, "made after");
      expect(await getUserByToken(handle.db, fresh.secret)).not.toBeNull();
    });

    it("a NUL byte in a username or password is a malformed sign-in, not a server error", async () => {
      expect(await checkCredentials(handle.db, { username: "laocai\u0000", password: "x" }, "a")).toEqual({
        ok: false,
        reason: "malformed",
      });
      expect(
        await checkCredentials(handle.db, { username: "laocai.canbo", password: "x\u0000" }, "a"),
      ).toEqual({ ok: false, reason: "malformed" });
    });

    it("a deactivated account is answered as a wrong password, even with the right one", async () => {
      await handle.db.update(users).set({ active: false }).where(eq(users.username, "laocai.quantri"));
      expect(
        await checkCredentials(
          handle.db,
          { username: "laocai.quantri", password: DEMO_PASSWORD },
          "203.0.113.9",
        ),
      ).toEqual({ ok: false, reason: "invalid" });
      await handle.db.update(users).set({ active: true }).where(eq(users.username, "laocai.quantri"));
      await handle.db.delete(signInAttempts);
    });
  });

  // ── The month's workflow ──────────────────────────────────────────────────
  const PROVINCE = "25-2025"; // no figures in the month: the demo series of Phú Thọ ends earlier
  const MONTH = "2026-12"; // the month before it is empty too: no warnings until the test makes one
  const idOf = async (username: string) => (await userRow(username)).id;
  const save = (writes: FigureWrite[], userId: number, province = PROVINCE) =>
    handle.db.transaction((tx) => saveFigures(tx, province, userId, writes));
  const transition = (
    t: Transition,
    body: { reason?: string; acknowledge?: { indicator: string; reason: string }[] },
    userId: number,
  ) =>
    handle.db.transaction(async (tx) => {
      const [province] = await tx.select().from(provinces).where(eq(provinces.id, PROVINCE));
      const ctx = {
        tx: tx as Tx,
        user: {
          id: userId,
          username: "",
          displayName: "",
          role: "leader",
          provinceId: PROVINCE,
          mustChangePassword: false,
        },
        input: {},
        province,
        audit: (entry) => writeAudit(tx, { provinceId: PROVINCE, ...entry, userId }),
      } satisfies WriteContext<unknown>;
      return runTransition(ctx, PROVINCE, MONTH, t, body);
    });
  const figure = (indicator: string, value: number, version: number | null = null): FigureWrite => ({
    indicator,
    period: MONTH,
    measure: "value",
    value,
    vintage: "estimate",
    version,
  });
  const ackAll = async () =>
    [...new Set((await loadSheet(handle.db, PROVINCE, MONTH)).warnings.map((w) => w.indicator))].map(
      (indicator) => ({ indicator, reason: "Đã kiểm tra" }),
    );

  describe("the submit race (point 3)", () => {
    it("a save that reaches the month during a submit is checked by it, never slipped in unchecked", async () => {
      const staff = await idOf("phutho.canbo");
      // Last December's values: no change worth a warning, and parts that add up.
      const lastYear = async (code: string) => {
        const [row] = await handle.db
          .select({ value: figures.value })
          .from(figures)
          .where(
            and(
              eq(figures.provinceId, PROVINCE),
              eq(figures.indicatorCode, code),
              eq(figures.period, addMonths(MONTH, -12)),
              eq(figures.measure, "value"),
            ),
          );
        return Number(row?.value ?? 100);
      };
      const [xk, nk] = [await lastYear("TM.XNK.XK"), await lastYear("TM.XNK.NK")];
      await save([figure("TM.XNK", xk + nk), figure("TM.XNK.XK", xk), figure("TM.XNK.NK", nk)], staff);
      const acknowledge = await ackAll();
      expect(acknowledge.map((a) => a.indicator)).not.toContain("TM.XNK");

      // A save holds the month (its transaction open) while the submit starts.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let saved = () => {};
      const savedYet = new Promise<void>((resolve) => {
        saved = resolve;
      });
      const racingSave = handle.db.transaction(async (tx) => {
        // The parts no longer add up to the whole: a warning on TM.XNK.
        await saveFigures(tx, PROVINCE, staff, [figure("TM.XNK.NK", nk * 1.1, 1)]);
        saved();
        await held;
      });
      await savedYet;
      const submit = transition("submit", { acknowledge }, staff).then(
        (status) => ({ status, error: null }),
        (error: unknown) => ({ status: null, error }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await racingSave;
      const outcome = await submit;
      // The submit saw the save: its new warning needs an explanation.
      expect(outcome.status?.status).toBeUndefined();
      expect(Object.keys((outcome.error as { fields?: object }).fields ?? {})).toContain(
        "acknowledge.TM.XNK",
      );
      // Submitted with it explained, nothing stays unacknowledged.
      const status = await transition("submit", { acknowledge: await ackAll() }, staff);
      expect(status.status).toBe("submitted");
      const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
      expect(unacknowledged(sheet.warnings, status.history.at(-1)?.acknowledgements ?? [])).toEqual([]);
      // A save after the submit is refused: the month is locked.
      expect((await appError(save([figure("TM.XNK.NK", nk, 2)], staff))).status).toBe(423);
    });
  });

  describe("separation of duties (point 5)", () => {
    it("whoever submitted the month, or changed its figures since it was last approved, may not approve it", async () => {
      const staff = await idOf("phutho.canbo");
      // The month is submitted (above) by the staff member, who is then made a leader.
      await handle.db.update(users).set({ role: "leader" }).where(eq(users.id, staff));
      const submitted = await appError(transition("approve", {}, staff));
      expect(submitted.status).toBe(403);
      expect(submitted.messageEn).toMatch(/You submitted this month/);
      expect(submitted.messageVi).toMatch(/gửi duyệt tháng này/);

      // A leader who entered a figure of the month (before it was submitted) may not either.
      const leader = await idOf("phutho.lanhdao");
      await transition("return", { reason: "Kiểm tra lại" }, leader);
      await save([figure("TM.XNK.XK", 61, 1)], leader);
      await transition("submit", { acknowledge: await ackAll() }, staff);
      const changed = await appError(transition("approve", {}, leader));
      expect(changed.status).toBe(403);
      expect(changed.messageEn).toMatch(/changed figures of this month/);

      // The province's other leader, who did neither, approves.
      const other = await idOf("phutho.quantri");
      await handle.db.update(users).set({ role: "leader" }).where(eq(users.id, other));
      expect((await transition("approve", {}, other)).status).toBe("approved");
      await handle.db.update(users).set({ role: "staff" }).where(eq(users.id, staff));
      await handle.db.update(users).set({ role: "province_admin" }).where(eq(users.id, other));
    });
  });

  describe("figures outside the unit's lifetime (point 6)", () => {
    it("are refused with 422 naming the field, as are months still to come", async () => {
      const staff = await idOf("laocai.canbo");
      const next = addMonths(currentMonth(), 1);
      for (const [province, period] of [
        ["10", "2026-11"],
        ["10", "2025-07"],
        ["15-2025", "2020-01"],
        ["15-2025", "2100-12"],
        ["15-2025", next],
        ["15-2025", `${next.slice(0, 4)}`],
      ]) {
        const e = await appError(save([{ ...figure("TM.XNK", 5), period }], staff, province));
        expect(e.status, `${province} ${period}`).toBe(422);
        expect(Object.keys(e.fields ?? {}), `${province} ${period}`).toEqual(["figures.0.period"]);
      }
    });
  });

  describe("bad input (point 9)", () => {
    const CODE = "TM.BLDV";
    const past = "2026-10";
    const write = (
      value: number,
      version: number | null = null,
      note: string | null = null,
    ): FigureWrite => ({
      indicator: CODE,
      period: past,
      measure: "value",
      value,
      vintage: "estimate",
      version,
      note,
    });
    const current = async () => {
      const [row] = await handle.db
        .select()
        .from(figures)
        .where(
          and(
            eq(figures.provinceId, "08-2025"),
            eq(figures.indicatorCode, CODE),
            eq(figures.period, past),
            eq(figures.measure, "value"),
          ),
        );
      return row ?? null;
    };

    it("a NUL byte in a note, a code or a target's document is a 422 naming the field, not a 500", async () => {
      const staff = await idOf("tuyenquang.canbo");
      const note = await appError(save([write(1, null, "ghi\u0000chú")], staff, "08-2025"));
      expect(note.status).toBe(422);
      expect(Object.keys(note.fields ?? {})).toEqual(["figures.0.note"]);
      const code = await appError(save([{ ...write(1), indicator: "TM\u0000" }], staff, "08-2025"));
      expect(code.status).toBe(422);
      expect(Object.keys(code.fields ?? {})).toEqual(["figures.0.indicator"]);
      const target = await appError(
        handle.db.transaction((tx) =>
          saveTargets(tx, "08-2025", staff, [
            { indicator: CODE, year: 2026, basis: "growth", value: 10, document: "NQ\u0000" },
          ]),
        ),
      );
      expect(target.status).toBe(422);
      expect(Object.keys(target.fields ?? {})).toEqual(["targets.0.document"]);
    });

    it("stores values up to the 1e15 the validation accepts, and answers what it stored", async () => {
      const staff = await idOf("tuyenquang.canbo");
      const existing = await current();
      const [big] = await save([write(999_999_999_999_999.5, existing?.version ?? null)], staff, "08-2025");
      expect(big.changed).toBe(true);
      expect(Number((await current())?.value)).toBe(999_999_999_999_999.5);
      // Beyond the column's 6 decimals: rounded before comparing and answering.
      const [tiny] = await save([write(1e-7, big.version)], staff, "08-2025");
      expect(tiny.value).toBe(0);
      expect(Number((await current())?.value)).toBe(0);
      const [first] = await save([write(1.00000012, tiny.version)], staff, "08-2025");
      expect(first).toMatchObject({ value: 1, changed: true });
      // The same value again writes no new version.
      const [again] = await save([write(1.00000012, first.version)], staff, "08-2025");
      expect(again).toMatchObject({ value: 1, changed: false, version: first.version });
    });
  });

  // docs/security.md's backup and restore, run as written (PostgreSQL only: PGlite is copied as files).
  if (kind === "postgres")
    it("a pg_dump backup restores to the same data, and migrating it applies nothing", async () => {
      const { execFileSync } = await import("node:child_process");
      const dump = `${tmpdir()}/chitieu-${process.pid}.dump`;
      execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, handle.url as string]);
      const target = new URL(handle.url as string);
      target.pathname = `${target.pathname}_restored`;
      const admin = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${target.pathname.slice(1)}"`);
      try {
        execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target}`, dump]);
        const restored = openDb({ url: target.toString() });
        const fingerprint = (db: DbHandle["db"]) =>
          db.execute(
            sql`select (select count(*) from figures)::int as figures, (select count(*) from users)::int as users,
            (select count(*) from audit_log)::int as audit, (select count(*) from sessions)::int as sessions,
            (select md5(string_agg(id || ':' || value::text, ',' order by id)) from figures) as checksum`,
          );
        const [before, after] = [await fingerprint(handle.db), await fingerprint(restored.db)];
        expect(after).toEqual(before);
        const migrated = await migrate(restored).then(() => fingerprint(restored.db));
        expect(migrated).toEqual(before);
        await restored.close();
      } finally {
        await admin.unsafe(`drop database if exists "${target.pathname.slice(1)}" with (force)`);
        await admin.end();
        rmSync(dump, { force: true });
      }
    }, 60_000);
});
