import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "@/app/_server/guard";
import { loadSheet, runTransition } from "@/app/_server/month";
import type { DbHandle, Tx } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { type FigureWrite, saveFigures } from "@/db/queries/figure-writes";
import {
  countSubmittedMonths,
  figureChangesSince,
  getMonthStatus,
  listReturnedMonths,
} from "@/db/queries/workflow";
import { auditLog, figureRevisions, figures, provinces, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { type AppError, errorBody } from "@/lib/errors";
import type { Transition } from "@/lib/workflow";
import { appError } from "./app-error";
import { DB_KINDS, openTestDb } from "./db";

const PROVINCE = "25-2025";
const MONTH = "2026-11"; // after the demo series: an empty month

describe.each(DB_KINDS)("monthly entry and workflow on %s", (kind) => {
  let handle: DbHandle;
  let staffId: number;
  let leaderId: number;
  let adminId: number;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    const ids = await handle.db.select({ id: users.id, username: users.username }).from(users);
    const id = (u: string) => ids.find((r) => r.username === u)?.id as number;
    [staffId, leaderId, adminId] = [id("phutho.canbo"), id("phutho.lanhdao"), id("phutho.quantri")];
  }, 120_000);
  afterAll(() => handle?.close());

  const save = (writes: FigureWrite[], province = PROVINCE, userId = staffId) =>
    handle.db.transaction((tx) => saveFigures(tx, province, userId, writes));

  async function transition(
    t: Transition,
    body: { reason?: string; acknowledge?: { indicator: string; reason: string }[] },
    userId: number,
  ) {
    return handle.db.transaction(async (tx) => {
      const [province] = await tx.select().from(provinces).where(eq(provinces.id, PROVINCE));
      const ctx = {
        tx: tx as Tx,
        user: {
          id: userId,
          username: "",
          displayName: "",
          role: "staff",
          provinceId: PROVINCE,
          mustChangePassword: false,
        },
        input: {},
        province,
        audit: (entry) => writeAudit(tx, { provinceId: PROVINCE, ...entry, userId }),
      } satisfies WriteContext<unknown>;
      return runTransition(ctx, PROVINCE, MONTH, t, body);
    });
  }

  const xnk = (value: number, version?: number | null): FigureWrite => ({
    indicator: "TM.XNK",
    period: MONTH,
    measure: "value",
    value,
    vintage: "estimate",
    version,
  });

  const figureCount = async () => (await handle.db.select({ n: count() }).from(figures))[0].n;
  const revisionsOf = async (indicator: string) =>
    handle.db
      .select({ version: figureRevisions.version, value: figureRevisions.value })
      .from(figureRevisions)
      .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
      .where(
        and(
          eq(figures.provinceId, PROVINCE),
          eq(figures.indicatorCode, indicator),
          eq(figures.period, MONTH),
        ),
      );

  it("saves a new figure as version 1 with its history and audit row", async () => {
    const [saved] = await save([xnk(210.5)]);
    expect(saved).toMatchObject({ version: 1, changed: true });
    expect(await revisionsOf("TM.XNK")).toEqual([{ version: 1, value: "210.500000" }]);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "figure.save"));
    expect(audits.at(-1)).toMatchObject({
      userId: staffId,
      provinceId: PROVINCE,
      before: null,
      after: { value: 210.5, version: 1 },
    });
  });

  it("keeps every version: a revision adds history, never overwrites it", async () => {
    const [saved] = await save([{ ...xnk(212.25, 1), vintage: "preliminary" }]);
    expect(saved.version).toBe(2);
    expect((await revisionsOf("TM.XNK")).map((r) => r.value)).toEqual(["210.500000", "212.250000"]);
  });

  it("an unchanged value writes nothing", async () => {
    const [saved] = await save([{ ...xnk(212.25, 2), vintage: "preliminary" }]);
    expect(saved).toMatchObject({ version: 2, changed: false });
    expect(await revisionsOf("TM.XNK")).toHaveLength(2);
  });

  it("refuses a stale version with the current value, and saves nothing of the request", async () => {
    const before = await figureCount();
    const e = await appError(save([{ ...xnk(1, null), indicator: "TM.XNK.XK" }, xnk(999, 1)]));
    expect(e.status).toBe(409);
    expect(e.details).toMatchObject({ index: 1, current: { value: 212.25, version: 2 } });
    expect(await figureCount()).toBe(before);
  });

  it("names every invalid field and saves nothing", async () => {
    const before = await figureCount();
    const e = await appError(
      save([
        { ...xnk(1), indicator: "KHONG.CO" },
        { ...xnk(1), period: "2026-13" },
        { ...xnk(-5), indicator: "NL.DIEN_SX" },
        { ...xnk(1), indicator: "CN.IIP", measure: "value" },
      ]),
    );
    expect(e.status).toBe(422);
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      "figures.0.indicator",
      "figures.1.period",
      "figures.2.value",
      "figures.3.measure",
    ]);
    // One language each: the page shows the reader's (errorBody: `fields` Vietnamese, `fieldsEn` English).
    const [negative] = e.fields?.["figures.2.value"] ?? [];
    expect(negative.vi).toContain("không được âm");
    expect(negative.vi).not.toMatch(/negative| \/ /);
    expect(negative.en).toMatch(/negative/);
    const body = errorBody(e).error;
    expect(body.fields?.["figures.2.value"]).toEqual([negative.vi]);
    expect(body.fieldsEn?.["figures.2.value"]).toEqual([negative.en]);
    expect(body.fieldsEn?.["figures.0.indicator"]?.[0]).toMatch(/^Unknown indicator/);
    expect(await figureCount()).toBe(before);
  });

  it("ten simultaneous saves with the same version: one succeeds, nine get 409, one new history entry", async () => {
    const historyBefore = (await revisionsOf("TM.XNK")).length;
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => save([xnk(300 + i, 2)])));
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && (r.reason as AppError).status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    expect(await revisionsOf("TM.XNK")).toHaveLength(historyBefore + 1);
  });

  it("derives the cumulative on the sheet and warns about parts that do not add up", async () => {
    const current = (await revisionsOf("TM.XNK")).length;
    await save([
      { ...xnk(100, current), indicator: "TM.XNK", version: current },
      { ...xnk(70), indicator: "TM.XNK.XK" },
      { ...xnk(20), indicator: "TM.XNK.NK" },
    ]);
    const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
    const row = sheet.rows.find((r) => r.code === "TM.XNK");
    const cumulative = row?.cells.find((c) => c.key === "cumulative");
    expect(cumulative?.value).toBeNull();
    expect(cumulative?.derived).toBeGreaterThan(100);
    expect(sheet.warnings.map((w) => [w.indicator, w.code])).toContainEqual(["TM.XNK", "children_sum"]);
  });

  it("submitting needs every warning explained; the explanations are kept", async () => {
    const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
    const e = await appError(transition("submit", {}, staffId));
    expect(e.status).toBe(422);
    expect(Object.keys(e.fields ?? {})).toContain("acknowledge.TM.XNK");
    // The warning under its explanation field, once per language (not "… / …" glued).
    const [warning] = errorBody(e).error.fieldsEn?.["acknowledge.TM.XNK"] ?? [];
    expect(warning).toMatch(/^(The parts add up|A change of)/);
    expect(warning).not.toContain(" / ");
    expect(errorBody(e).error.fields?.["acknowledge.TM.XNK"]?.[0]).not.toMatch(/[Tt]he /);
    const acknowledge = [...new Set(sheet.warnings.map((w) => w.indicator))].map((indicator) => ({
      indicator,
      reason: "Số ước tính, sẽ điều chỉnh",
    }));
    const waiting = await countSubmittedMonths(handle.db, [PROVINCE]);
    const status = await transition("submit", { acknowledge }, staffId);
    expect(status.status).toBe("submitted");
    expect(status.history.at(-1)?.acknowledgements).toEqual(acknowledge);
    // The menu's count of months waiting for a leader, of the leader's units only.
    expect(await countSubmittedMonths(handle.db, [PROVINCE])).toBe(waiting + 1);
    expect(await countSubmittedMonths(handle.db, ["08-2025"])).toBe(0);
  });

  it("a submitted month refuses writes (423) until a leader returns it with a reason", async () => {
    expect((await appError(save([xnk(1)]))).status).toBe(423);
    expect((await appError(transition("return", {}, leaderId))).status).toBe(422);
    expect((await transition("return", { reason: "Xuất khẩu chưa khớp" }, leaderId)).status).toBe("returned");
    // The staff's home says which month came back and why.
    expect(await listReturnedMonths(handle.db, [PROVINCE])).toEqual([
      expect.objectContaining({ period: MONTH, reason: "Xuất khẩu chưa khớp", by: expect.any(String) }),
    ]);
    const version = (await revisionsOf("TM.XNK")).length;
    await save([{ ...xnk(90, null), indicator: "TM.XNK", version }]);
  });

  it("approval locks the month and says who approved it; the province admin reopens it", async () => {
    const acknowledge = (await loadSheet(handle.db, PROVINCE, MONTH)).warnings.map((w) => ({
      indicator: w.indicator,
      reason: "Đã kiểm tra",
    }));
    const before = await getMonthStatus(handle.db, PROVINCE, MONTH);
    const previousSubmit = before.history.filter((h) => h.action === "submit").at(-1);
    const resubmitted = await transition("submit", { acknowledge }, staffId);
    expect(await listReturnedMonths(handle.db, [PROVINCE])).toEqual([]);
    // What changed since the previous submission: the export-import figure, 100 → 90; nothing after.
    const changes = await figureChangesSince(handle.db, PROVINCE, MONTH, previousSubmit?.at as Date);
    expect(changes).toEqual([
      expect.objectContaining({
        indicator: "TM.XNK",
        period: MONTH,
        measure: "value",
        before: 100,
        after: 90,
      }),
    ]);
    const last = resubmitted.history.at(-1)?.at as Date;
    expect(await figureChangesSince(handle.db, PROVINCE, MONTH, last)).toEqual([]);
    await transition("approve", {}, leaderId);
    const locked = await appError(save([xnk(1)]));
    expect(locked.status).toBe(423);
    expect(locked.messageVi).toContain("Lãnh đạo Sở Công Thương Phú Thọ");
    expect(locked.messageVi).toContain("quản trị tỉnh");
    expect((await appError(transition("approve", {}, leaderId))).status).toBe(409);
    expect((await transition("reopen", { reason: "Cục Thống kê điều chỉnh" }, adminId)).status).toBe("draft");
    const status = await getMonthStatus(handle.db, PROVINCE, MONTH);
    expect(status.history.map((h) => h.action)).toEqual(["submit", "return", "submit", "approve", "reopen"]);
  });
});
