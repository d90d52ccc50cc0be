import { and, count, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import {
  copyTargetsFromLastYear,
  countCopyableTargets,
  listDataYears,
  listTargetRevisions,
  listTargets,
  saveTargets,
} from "@/db/queries/targets";
import { auditLog, targetRevisions, targets, users } from "@/db/schema";
import { seed } from "@/db/seed";
import type { AppError } from "@/lib/errors";
import type { TargetWrite } from "@/lib/targets";
import { appError } from "./app-error";
import { DB_KINDS, openTestDb } from "./db";

const PROVINCE = "25-2025"; // Phú Thọ: its demo 2026 targets are removed below, to start from a blank year
const HOA_BINH = "17"; // a former unit with published 2024 targets (ranges among them)
const YEAR = 2026;

describe.each(DB_KINDS)("targets on %s", (kind) => {
  let handle: DbHandle;
  let adminId: number;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    const ids = await handle.db.select({ id: users.id, username: users.username }).from(users);
    const id = (u: string) => ids.find((r) => r.username === u)?.id as number;
    // Hòa Bình is one of Phú Thọ's predecessors: Phú Thọ's admin keeps its records too.
    adminId = id("phutho.quantri");
    // The demo gives Phú Thọ 2026 targets (db/seed/demo-targets.ts); these tests write a year from scratch.
    const seeded = handle.db
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.provinceId, PROVINCE), eq(targets.year, YEAR)));
    await handle.db.delete(targetRevisions).where(inArray(targetRevisions.targetId, seeded));
    await handle.db.delete(targets).where(and(eq(targets.provinceId, PROVINCE), eq(targets.year, YEAR)));
  }, 120_000);
  afterAll(() => handle?.close());

  const save = (writes: TargetWrite[], province = PROVINCE, userId = adminId) =>
    handle.db.transaction((tx) => saveTargets(tx, province, userId, writes));
  const copy = (year: number, province = HOA_BINH, userId = adminId) =>
    handle.db.transaction((tx) => copyTargetsFromLastYear(tx, province, year, userId));

  const xnk = (value: number, version?: number | null): TargetWrite => ({
    indicator: "TM.XNK",
    year: YEAR,
    basis: "level",
    value,
    document: "Nghị quyết số 25/NQ-HĐND",
    version,
  });
  const iip = (value: number, quarter: number | null, version?: number | null): TargetWrite => ({
    indicator: "CN.IIP",
    year: YEAR,
    basis: "growth",
    value,
    bound: quarter ? "exact" : "at_least",
    quarter,
    document: "Nghị quyết số 25/NQ-HĐND",
    version,
  });

  const targetCount = async () => (await handle.db.select({ n: count() }).from(targets))[0].n;
  const revisionCount = async () => (await handle.db.select({ n: count() }).from(targetRevisions))[0].n;
  const auditsOf = (entityId: string) =>
    handle.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
  const revisionsOf = async (indicator: string, year = YEAR, province = PROVINCE) => {
    const rows = await listTargets(handle.db, province, year);
    const ids = rows.filter((r) => r.indicator === indicator).map((r) => r.id);
    return listTargetRevisions(handle.db, ids);
  };

  it("saves a year's target and its quarterly scenario as version 1, with history and audit rows", async () => {
    const saved = await save([xnk(1250.5), iip(8.5, null), iip(10.66, 1)]);
    expect(saved).toEqual([
      expect.objectContaining({
        indicator: "TM.XNK",
        quarter: null,
        value: 1250.5,
        version: 1,
        changed: true,
      }),
      expect.objectContaining({ indicator: "CN.IIP", quarter: null, bound: "at_least", version: 1 }),
      expect.objectContaining({ indicator: "CN.IIP", quarter: 1, value: 10.66, version: 1 }),
    ]);
    const rows = await listTargets(handle.db, PROVINCE, YEAR);
    // Catalogue order (IIP before export-import), the year's target before its scenarios.
    expect(rows.map((r) => [r.indicator, r.quarter])).toEqual([
      ["CN.IIP", null],
      ["CN.IIP", 1],
      ["TM.XNK", null],
    ]);
    expect(rows.at(-1)).toMatchObject({
      value: "1250.500000",
      document: "Nghị quyết số 25/NQ-HĐND",
      updatedBy: "phutho.quantri",
      version: 1,
    });
    expect(await revisionsOf("TM.XNK")).toEqual([
      expect.objectContaining({ version: 1, value: "1250.500000", updatedBy: "phutho.quantri" }),
    ]);
    const [audit] = await auditsOf(`${PROVINCE}/TM.XNK/${YEAR}`);
    expect(audit).toMatchObject({
      userId: adminId,
      provinceId: PROVINCE,
      action: "target.save",
      before: null,
      after: { basis: "level", value: 1250.5, valueMax: null, bound: "exact", version: 1 },
    });
    expect(await auditsOf(`${PROVINCE}/CN.IIP/${YEAR}-Q1`)).toHaveLength(1);
  });

  it("an edit adds version 2 and keeps version 1: history and audit say who, when, before and after", async () => {
    const [saved] = await save([{ ...xnk(1300, 1), document: "Nghị quyết số 30/NQ-HĐND" }]);
    expect(saved).toMatchObject({ version: 2, changed: true, value: 1300 });
    const history = await revisionsOf("TM.XNK");
    expect(history.map((h) => [h.version, h.value, h.document])).toEqual([
      [1, "1250.500000", "Nghị quyết số 25/NQ-HĐND"],
      [2, "1300.000000", "Nghị quyết số 30/NQ-HĐND"],
    ]);
    expect(history[1].updatedBy).toBe("phutho.quantri");
    expect(history[1].updatedAt.getTime()).toBeGreaterThanOrEqual(history[0].updatedAt.getTime());
    const audits = await auditsOf(`${PROVINCE}/TM.XNK/${YEAR}`);
    expect(audits.at(-1)).toMatchObject({
      before: { value: 1250.5, document: "Nghị quyết số 25/NQ-HĐND", version: 1 },
      after: { value: 1300, document: "Nghị quyết số 30/NQ-HĐND", version: 2 },
    });
  });

  it("several targets change in one save, each to its own value", async () => {
    const saved = await save([iip(9, null, 1), iip(11.2, 1, 1), iip(12.5, 2)]);
    expect(saved.map((s) => [s.quarter, s.value, s.version])).toEqual([
      [null, 9, 2],
      [1, 11.2, 2],
      [2, 12.5, 1],
    ]);
    const rows = await listTargets(handle.db, PROVINCE, YEAR);
    expect(
      rows.filter((r) => r.indicator === "CN.IIP").map((r) => [r.quarter, Number(r.value), r.bound]),
    ).toEqual([
      [null, 9, "at_least"],
      [1, 11.2, "exact"],
      [2, 12.5, "exact"],
    ]);
  });

  it("an unchanged target writes nothing", async () => {
    const [revisions, audits] = [
      await revisionCount(),
      (await auditsOf(`${PROVINCE}/TM.XNK/${YEAR}`)).length,
    ];
    const [saved] = await save([{ ...xnk(1300, 2), document: "  Nghị quyết số 30/NQ-HĐND " }]);
    expect(saved).toMatchObject({ version: 2, changed: false });
    expect(await revisionCount()).toBe(revisions);
    expect(await auditsOf(`${PROVINCE}/TM.XNK/${YEAR}`)).toHaveLength(audits);
  });

  it("refuses a stale version with the current target, and saves nothing of the request", async () => {
    const [before, revisions] = [await targetCount(), await revisionCount()];
    const e = await appError(save([{ ...xnk(5, null), indicator: "TM.XNK.XK" }, xnk(999, 1)]));
    expect(e.status).toBe(409);
    expect(e.fields).toHaveProperty("targets.1.version");
    expect(e.details).toEqual({
      index: 1,
      current: {
        basis: "level",
        value: 1300,
        valueMax: null,
        bound: "exact",
        document: "Nghị quyết số 30/NQ-HĐND",
        version: 2,
      },
    });
    expect(await targetCount()).toBe(before);
    expect(await revisionCount()).toBe(revisions);
  });

  it("refuses creating a target that someone else created (no version given)", async () => {
    const e = await appError(save([xnk(1)]));
    expect(e.status).toBe(409);
    expect(e.details).toMatchObject({ index: 0, current: { value: 1300, version: 2 } });
    const missing = await appError(save([{ ...xnk(1, 3), indicator: "TM.BLDV" }]));
    expect(missing.status).toBe(409);
    expect(missing.details).toEqual({ index: 0, current: null });
  });

  it("names every invalid field in Vietnamese and English, and saves nothing", async () => {
    const [before, audits] = [
      await targetCount(),
      (await handle.db.select({ n: count() }).from(auditLog))[0].n,
    ];
    const e = await appError(
      save([
        { ...xnk(1), indicator: "KHONG.CO" },
        { ...xnk(8), indicator: "DT.CCN_DA", valueMax: 5 },
        { ...iip(-100, null), indicator: "CN.VA" },
        { ...xnk(-1), indicator: "TM.BLDV" },
        { ...xnk(10), indicator: "TM.XNK.NK", quarter: 1 },
        { ...xnk(110), indicator: "CN.IIP.C" },
        { ...xnk(400), indicator: "DT.CCN_VON", valueMax: 600, bound: "at_least" },
        { ...xnk(2.5), indicator: "NL.THON_DIEN" },
        { ...xnk(1), indicator: "NL.DIEN_SX", year: 2024 },
        { ...iip(5, 3), indicator: "CN.IIP.B" },
        { ...iip(6, 3), indicator: "CN.IIP.B" },
      ]),
    );
    expect(e.status).toBe(422);
    expect(e.code).toBe("invalid");
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      "targets.0.indicator",
      "targets.1.valueMax",
      "targets.10",
      "targets.2.value",
      "targets.3.value",
      "targets.4.quarter",
      "targets.5.basis",
      "targets.6.bound",
      "targets.7.value",
      "targets.8.year",
    ]);
    expect(e.fields?.["targets.1.valueMax"][0].vi).toContain("phải lớn hơn hoặc bằng cận dưới");
    expect(e.fields?.["targets.1.valueMax"][0].en).toContain("must be at least the lower end");
    expect(e.fields?.["targets.1.valueMax"][0].vi).not.toContain("must be");
    expect(e.fields?.["targets.2.value"][0].vi).toContain("−100%");
    expect(e.fields?.["targets.8.year"][0].en).toContain("2025");
    expect(await targetCount()).toBe(before);
    expect((await handle.db.select({ n: count() }).from(auditLog))[0].n).toBe(audits);
  });

  it("ten simultaneous edits from the same version: one succeeds, nine get 409, one new version", async () => {
    const historyBefore = (await revisionsOf("TM.XNK")).length;
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => save([xnk(2000 + i, 2)])));
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && (r.reason as AppError).status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    expect(await revisionsOf("TM.XNK")).toHaveLength(historyBefore + 1);
    const [row] = (await listTargets(handle.db, PROVINCE, YEAR)).filter((r) => r.indicator === "TM.XNK");
    expect(row.version).toBe(3);
  });

  it("copies last year's targets for the indicators without one, once, with revisions and audit rows", async () => {
    // Hòa Bình (a former unit, to mid-2025) published six targets for 2024; one 2025 target is set by hand.
    await save([{ indicator: "DT.CCN_DA", year: 2025, basis: "level", value: 3 }], HOA_BINH, adminId);
    expect(await countCopyableTargets(handle.db, HOA_BINH, 2025)).toBe(5);
    const copied = await copy(2025);
    expect(copied.map((c) => c.indicator).sort()).toEqual([
      "CN.IIP",
      "DT.CCN_MOI",
      "DT.CCN_VON",
      "NL.DIEN_SX",
      "NL.DIEN_TP",
    ]);
    const rows = await listTargets(handle.db, HOA_BINH, 2025);
    expect(rows.find((r) => r.indicator === "DT.CCN_DA")).toMatchObject({ value: "3.000000", version: 1 });
    expect(rows.find((r) => r.indicator === "DT.CCN_VON")).toMatchObject({
      value: "400.000000",
      valueMax: "600.000000",
      bound: "exact",
      version: 1,
      updatedBy: "phutho.quantri",
    });
    const copies = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "target.copy"), like(auditLog.entityId, `${HOA_BINH}/%/2025`)));
    expect(copies).toHaveLength(5);
    expect(copies[0]).toMatchObject({ userId: adminId, before: null, after: { copiedFrom: 2024 } });
    expect(await revisionsOf("NL.DIEN_SX", 2025, HOA_BINH)).toHaveLength(1);
    // Nothing is left to copy, and copying again changes nothing.
    expect(await countCopyableTargets(handle.db, HOA_BINH, 2025)).toBe(0);
    expect(await copy(2025)).toEqual([]);
  });

  it("copies scenarios with their indicator, and skips an indicator with any target this year", async () => {
    const manufacturing = { indicator: "CN.IIP.C", year: YEAR, basis: "growth" as const };
    await save([
      { ...manufacturing, value: 10 },
      { ...manufacturing, value: 9, quarter: 3 },
      { indicator: "CN.IIP", year: 2027, basis: "growth", value: 7, quarter: 2 },
    ]);
    const copied = await copy(2027, PROVINCE, adminId);
    expect(copied.map((c) => `${c.indicator} ${c.quarter}`).sort()).toEqual([
      "CN.IIP.C 3",
      "CN.IIP.C null",
      "TM.XNK null",
    ]);
    expect(copied.find((c) => c.quarter === 3)).toMatchObject({ basis: "growth", value: 9, version: 1 });
    const iip2027 = (await listTargets(handle.db, PROVINCE, 2027)).filter((r) => r.indicator === "CN.IIP");
    expect(iip2027.map((r) => r.quarter)).toEqual([2]);
  });

  it("refuses to copy into a year the unit did not exist in", async () => {
    const e = await appError(copy(2026));
    expect(e.status).toBe(422);
    expect(e.fields).toHaveProperty("year");
  });

  it("lists the years with targets and those with figures, newest first", async () => {
    const years = await listDataYears(handle.db, PROVINCE);
    expect(years.targets).toEqual([2027, 2026]);
    expect(years.figures[0]).toBe(2026);
    expect(years.figures).toContain(2025);
  });
});
