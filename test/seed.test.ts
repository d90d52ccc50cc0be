import { and, count, eq, inArray, like, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import {
  auditLog,
  figureRevisions,
  figures,
  indicators,
  periodStatuses,
  provinces,
  targets,
  users,
} from "@/db/schema";
import { readArticleRows, seed } from "@/db/seed";
import { DEMO_ACCOUNTS } from "@/db/seed/demo-accounts";
import { DB_KINDS, openTestDb } from "./db";

describe.each(DB_KINDS)("seed on %s", (kind) => {
  let handle: DbHandle;
  let firstRun: Record<string, number>;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    firstRun = await seed(handle.db, { demoAccounts: true });
  }, 120_000);
  afterAll(() => handle?.close());

  it("loads every province and indicator of the catalogue", async () => {
    const [p] = await handle.db.select({ n: count() }).from(provinces);
    const [i] = await handle.db.select({ n: count() }).from(indicators);
    expect(p.n).toBe(86);
    expect(i.n).toBe(27);
    const [laoCai] = await handle.db.select().from(provinces).where(eq(provinces.id, "10"));
    expect(laoCai).toMatchObject({ successorId: "15-2025", validTo: "2025-06-30" });
  });

  it("enters every published input figure as published, on the former province that published it", async () => {
    const inputs = readArticleRows().filter(
      (r) => r.role === "input" && ["value", "level", "yoy_pct", "mom_pct"].includes(r.measure),
    );
    expect(inputs.length).toBeGreaterThan(40);
    const rows = await handle.db.select().from(figures).where(like(figures.note, "Theo:%"));
    for (const input of inputs) {
      const row = rows.find(
        (f) =>
          f.provinceId === input.provinceId &&
          f.indicatorCode === input.indicator &&
          f.period === input.period &&
          f.measure === input.measure,
      );
      expect(row, `${input.provinceId} ${input.indicator} ${input.period} ${input.measure}`).toBeDefined();
      expect(Number(row?.value)).toBe(input.value);
    }
  });

  it("enters every published target, with ranges, bounds and the quarterly scenario", async () => {
    const rows = await handle.db.select().from(targets);
    const published = readArticleRows().filter(
      (r) => r.role === "input" && /^(target|scenario)_/.test(r.measure),
    );
    expect(rows.filter((t) => t.year < 2026)).toHaveLength(published.length);
    const find = (province: string, indicator: string, quarter: number | null = null) =>
      rows.find((t) => t.provinceId === province && t.indicatorCode === indicator && t.quarter === quarter);
    expect(find("10", "TM.XNK")).toMatchObject({
      basis: "level",
      value: "5000.000000",
      year: 2023,
      bound: "exact",
    });
    expect(find("17", "DT.CCN_DA")).toMatchObject({ value: "5.000000", valueMax: "8.000000" });
    expect(find("06", "CN.VA")).toMatchObject({ basis: "growth", value: "16.000000", bound: "at_least" });
    expect(find("06", "CN.VA", 1)).toMatchObject({ basis: "growth", value: "10.660000", year: 2024 });
  });

  it("gives the four successors 2026 targets, said to be synthetic, with the IIP's quarterly scenario", async () => {
    const rows = await handle.db.select().from(targets).where(eq(targets.year, 2026));
    for (const province of ["08-2025", "15-2025", "19-2025", "25-2025"]) {
      const mine = rows.filter((t) => t.provinceId === province);
      const codes = new Set(mine.filter((t) => t.quarter === null).map((t) => t.indicatorCode));
      for (const code of ["CN.IIP", "CN.GTSX", "NL.DIEN_SX", "NL.DIEN_TP", "TM.BLDV", "TM.XNK", "DT.CCN_DA"])
        expect(codes.has(code), `${province} ${code}`).toBe(true);
      expect(mine.filter((t) => t.quarter !== null).map((t) => t.quarter)).toEqual([1, 2, 3, 4]);
      expect(mine.every((t) => /synthetic/.test(t.document ?? ""))).toBe(true);
    }
    expect(rows.find((t) => t.provinceId === "15-2025" && t.indicatorCode === "CN.GTSX")).toMatchObject({
      basis: "growth",
      value: "16.000000",
      bound: "at_least",
    });
    expect(new Set(rows.map((t) => t.provinceId)).size).toBe(4);
  });

  it("makes monthly series that add up to what Lào Cai published for the first half of 2023", async () => {
    const months = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"];
    const [xnk] = await handle.db
      .select({ total: sum(figures.value) })
      .from(figures)
      .where(
        and(
          eq(figures.provinceId, "10"),
          eq(figures.indicatorCode, "TM.XNK"),
          eq(figures.measure, "value"),
          inArray(figures.period, months),
        ),
      );
    expect(Number(xnk.total)).toBeCloseTo(945.04, 9);
  });

  it("marks every synthetic figure as synthetic", async () => {
    const [unmarked] = await handle.db
      .select({ n: count() })
      .from(figures)
      .where(sql`${figures.note} not like 'Theo:%' and ${figures.note} not like '%synthetic%'`);
    expect(unmarked.n).toBe(0);
  });

  it("keeps a first revision for every figure", async () => {
    const [f] = await handle.db.select({ n: count() }).from(figures);
    const [r] = await handle.db.select({ n: count() }).from(figureRevisions);
    expect(r.n).toBe(f.n);
    expect(f.n).toBe(firstRun.figures);
  });

  it("creates the demo accounts, each in its province", async () => {
    const rows = await handle.db.select().from(users);
    expect(rows.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(rows.every((u) => u.isDemo && u.active && u.passwordHash.startsWith("$argon2id$"))).toBe(true);
  });

  it("approves past months and leaves the last month a draft", async () => {
    const rows = await handle.db
      .select()
      .from(periodStatuses)
      .where(eq(periodStatuses.provinceId, "15-2025"));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((s) => s.status === "approved" && s.period < "2026-10")).toBe(true);
  });

  it("is safe to run twice: the second run adds nothing", async () => {
    const before = await handle.db.select({ n: count() }).from(figures);
    const again = await seed(handle.db, { demoAccounts: true });
    const after = await handle.db.select({ n: count() }).from(figures);
    expect(after[0].n).toBe(before[0].n);
    expect(again).toMatchObject({ figures: 0, targets: 0, users: 0, approvedMonths: 0 });
    const seeds = await handle.db.select().from(auditLog).where(eq(auditLog.action, "seed"));
    expect(seeds).toHaveLength(1);
  });
});

describe("published sources", () => {
  it("credits each figure to the article it comes from, keeping how a derived one was derived", () => {
    const rows = readArticleRows();
    const gtsx = rows.find(
      (r) => r.provinceId === "10" && r.indicator === "CN.GTSX" && r.period === "2023-YTD06",
    );
    expect(gtsx?.source).toBe(
      "Báo Lào Cai: triển khai nhiệm vụ ngành Công Thương 6 tháng cuối năm 2023 (Jul 2023)",
    );
    const derived = rows.find(
      (r) => r.provinceId === "10" && r.indicator === "TM.XNK" && r.period === "2022-YTD06",
    );
    expect(derived?.source).toMatch(
      /^Báo Lào Cai: .* \(derived: 945,04 reported as 91,06% of the same period\)$/,
    );
    const range = rows.find((r) => r.provinceId === "17" && r.indicator === "DT.CCN_DA");
    expect(range?.source).toBe(
      "Công Thương: giải pháp nào giúp Hòa Bình cải thiện tăng trưởng công nghiệp (Mar 2024) (a range: 5 to 8 projects)",
    );
  });
});
