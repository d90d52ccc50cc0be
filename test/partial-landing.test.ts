import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/app/_server/dashboard";
import { indicatorDetail } from "@/app/_server/indicator-detail";
import type { DbHandle } from "@/db";
import { latestApprovedMonth, latestFigureMonth } from "@/db/queries/months";
import { provinces } from "@/db/schema";
import { seed } from "@/db/seed";
import { DB_KINDS, openTestDb } from "./db";

/** Issue 8.11 and 8.13 on the demo data: the comparison's default period, a quarter with one month. */
describe.each(DB_KINDS)("on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: false });
  }, 180_000);
  afterAll(() => handle?.close());

  const province = async (id: string) =>
    (await handle.db.select().from(provinces).where(eq(provinces.id, id)))[0];

  it("the latest approved month is before the latest month with figures (a draft)", async () => {
    expect(await latestFigureMonth(handle.db)).toBe("2026-10");
    expect(await latestApprovedMonth(handle.db)).toBe("2026-09");
  });

  it("a quarter with one month of figures shows that month's figures and says 1 of 3 months", async () => {
    const laoCai = await province("15-2025");
    const q4 = await getDashboard(handle.db, laoCai, "2026-Q4");
    const month = await getDashboard(handle.db, laoCai, "2026-10");
    expect(q4.coverage).toEqual({ have: 1, of: 3, through: "2026-10" });
    const xnk = q4.rows.find((r) => r.indicator === "TM.XNK");
    const xnkMonth = month.rows.find((r) => r.indicator === "TM.XNK");
    expect(xnk?.actual).not.toBeNull();
    expect(xnk).toMatchObject({
      period: "2026-Q4",
      actual: xnkMonth?.actual,
      growthPct: xnkMonth?.growthPct,
    });
    expect(q4.rows.filter((r) => r.actual !== null).length).toBe(
      month.rows.filter((r) => r.actual !== null).length,
    );
    // A complete quarter is the engine's own, with no coverage to mention.
    expect((await getDashboard(handle.db, laoCai, "2026-Q3")).coverage).toBeNull();
  });

  it("the indicator detail says the same of the quarter", async () => {
    const laoCai = await province("15-2025");
    const detail = await indicatorDetail(handle.db, laoCai, "CN.IIP", "2026-Q4", "2026-10");
    expect(detail?.coverage).toEqual({ have: 1, of: 3, through: "2026-10" });
    expect(detail?.row?.growthPct).not.toBeNull();
  });

  it("an index over a quarter's first two months is between its monthly indices (a ratio of summed levels)", async () => {
    const laoCai = await province("15-2025");
    // As if August were the latest month: the third quarter has two of its three.
    const q3 = await indicatorDetail(handle.db, laoCai, "CN.IIP", "2026-Q3", "2026-08");
    expect(q3?.coverage).toEqual({ have: 2, of: 3, through: "2026-08" });
    const monthly = await Promise.all(
      ["2026-07", "2026-08"].map(
        async (m) => (await indicatorDetail(handle.db, laoCai, "CN.IIP", m))?.row?.actual,
      ),
    );
    const actual = q3?.row?.actual as number;
    expect(actual).not.toBeNull();
    expect(actual).toBeGreaterThanOrEqual(Math.min(...(monthly as number[])));
    expect(actual).toBeLessThanOrEqual(Math.max(...(monthly as number[])));
  });

  it("a former province asked for a period after its last figures opens on its latest month", async () => {
    const former = await getDashboard(handle.db, await province("10"), "2026-10");
    expect(former.period).toBe("2025-06");
  });
});
