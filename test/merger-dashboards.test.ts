import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiAttainmentRow, nationalAttainment, provinceAttainment } from "@/app/_server/attainment";
import { indicatorDetail } from "@/app/_server/indicator-detail";
import type { DbHandle } from "@/db";
import { getIndicator, getProvince, listIndicators } from "@/db/queries/reference";
import { periodStatuses } from "@/db/schema";
import { seed } from "@/db/seed";
import { DB_KINDS, openTestDb } from "./db";

/**
 * Issue 8, done when: the four demo provinces' dashboards for 2025 and 2026-YTD09 show a status on
 * every indicator with a target and a same-period comparison on every flow; rows carry provisional
 * and monthsNotApproved. Over the seeded demo data, on PGlite and PostgreSQL.
 */
const SUCCESSORS = ["08-2025", "15-2025", "19-2025", "25-2025"];

describe.each(DB_KINDS)("the demo provinces across the 2025 merger, on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: false });
  }, 180_000);
  afterAll(() => handle?.close());

  async function rowsOf(provinceId: string, period: string): Promise<ApiAttainmentRow[]> {
    const province = await getProvince(handle.db, provinceId);
    if (!province) throw new Error(`no province ${provinceId}`);
    return provinceAttainment(handle.db, province, period);
  }
  const row = (rows: ApiAttainmentRow[], code: string) => {
    const found = rows.find((r) => r.indicator === code);
    if (!found) throw new Error(`no row for ${code}`);
    return found;
  };

  for (const provinceId of SUCCESSORS) {
    for (const period of ["2025", "2026-YTD09"]) {
      it(`${provinceId} ${period}: a status on every indicator with a target, a comparison on every flow`, async () => {
        const flows = new Set(
          (await listIndicators(handle.db)).filter((i) => i.kind === "flow").map((i) => i.code),
        );
        const rows = await rowsOf(provinceId, period);
        const withFlows = rows.filter((r) => flows.has(r.indicator) && r.actual !== null);
        expect(withFlows.length).toBe(14); // output value and its 4 sectors, 2 electricity, retail and its 3 parts, trade and its 2
        for (const r of withFlows) {
          expect(r.growthPct, `${r.indicator} vs same period`).not.toBeNull();
          expect(r.samePeriodReason, r.indicator).toBeNull();
        }
        for (const r of rows.filter((r) => r.target !== null)) {
          if (r.statusReason === "neutral") continue;
          expect(r.status, `${r.indicator} status (${r.statusReason})`).not.toBeNull();
        }
        // Every row without a status says why, in a word the page can translate.
        for (const r of rows) expect(r.status !== null || r.statusReason !== null).toBe(true);
      });
    }
  }

  it("Lào Cai 2026, nine months: output value (+16%) and electricity (+5%) growth targets are judged", async () => {
    const rows = await rowsOf("15-2025", "2026-YTD09");
    for (const code of ["CN.GTSX", "NL.DIEN_SX"]) {
      expect(row(rows, code).target?.basis).toBe("growth");
      expect(row(rows, code).status).not.toBeNull();
    }
    expect(row(rows, "CN.GTSX").target).toMatchObject({ value: 16, bound: "at_least" });
  });

  it("Lào Cai 2026, the third quarter: the IIP is judged against its scenario, the quarter closed", async () => {
    const iip = row(await rowsOf("15-2025", "2026-Q3"), "CN.IIP");
    expect(iip.target?.quarter).toBe(3);
    expect(iip.judgedOn).toBe("2026-Q3");
    expect(["met", "missed"]).toContain(iip.status);
  });

  it("October judges the year's target on the ten months, as the ten-month view does (point 3)", async () => {
    for (const provinceId of SUCCESSORS) {
      const month = await rowsOf(provinceId, "2026-10");
      const toDate = await rowsOf(provinceId, "2026-YTD10");
      for (const r of month.filter((m) => m.target !== null && m.target.quarter === null)) {
        expect(r.judgedOn, `${provinceId} ${r.indicator}`).toBe("2026-YTD10");
        expect(r.status, `${provinceId} ${r.indicator}`).toBe(row(toDate, r.indicator).status);
      }
    }
  });

  it("growth targets on flows have what the rest of the year needs and a projection (point 5)", async () => {
    const province = await getProvince(handle.db, "15-2025");
    if (!province) throw new Error("no province");
    for (const code of ["TM.BLDV", "CN.GTSX"]) {
      const detail = await indicatorDetail(handle.db, province, code, "2026-YTD09");
      expect(detail?.row?.target?.basis, code).toBe("growth");
      expect(detail?.row?.requiredGrowthPct, code).not.toBeNull();
      expect(detail?.row?.projection, code).not.toBeNull();
      expect(detail?.row?.requiredPerRemainingMonth, code).not.toBeNull();
    }
  });

  it("rows say which months are not approved: the draft October, a returned month, a predecessor's draft (point 4)", async () => {
    const nine = await rowsOf("15-2025", "2026-YTD09");
    expect(nine.every((r) => r.provisional === false && r.monthsNotApproved.length === 0)).toBe(true);
    const ten = await rowsOf("15-2025", "2026-YTD10");
    expect(ten.every((r) => r.provisional && r.monthsNotApproved.join() === "2026-10")).toBe(true);

    await handle.db
      .update(periodStatuses)
      .set({ status: "returned" })
      .where(and(eq(periodStatuses.provinceId, "15-2025"), eq(periodStatuses.period, "2026-08")));
    // Yên Bái's March 2025 is part of Lào Cai's 2025 and of its 2026 comparisons' base.
    await handle.db
      .update(periodStatuses)
      .set({ status: "submitted" })
      .where(and(eq(periodStatuses.provinceId, "15"), eq(periodStatuses.period, "2025-03")));
    expect(row(await rowsOf("15-2025", "2026-YTD10"), "TM.BLDV").monthsNotApproved).toEqual([
      "2026-08",
      "2026-10",
    ]);
    expect(row(await rowsOf("15-2025", "2026-Q3"), "TM.BLDV").monthsNotApproved).toEqual(["2026-08"]);
    expect(row(await rowsOf("15-2025", "2025"), "TM.BLDV").monthsNotApproved).toEqual(["2025-03"]);
    expect(row(await rowsOf("15", "2025-YTD06"), "TM.BLDV").monthsNotApproved).toEqual(["2025-03"]);

    const indicator = await getIndicator(handle.db, "TM.BLDV");
    if (!indicator) throw new Error("no indicator");
    const national = await nationalAttainment(handle.db, indicator, "2026-YTD10");
    const laoCai = national.find((r) => r.provinceId === "15-2025");
    expect(laoCai).toMatchObject({ provisional: true, monthsNotApproved: ["2026-08", "2026-10"] });
    expect(national.find((r) => r.provinceId === "19-2025")).toMatchObject({
      provisional: true,
      monthsNotApproved: ["2026-10"],
    });
  });

  it("a comparison impossible for want of a predecessor's months says so (merger_incomplete)", async () => {
    const province = await getProvince(handle.db, "24-2025"); // Bắc Ninh: no demo data before the merger
    if (!province) throw new Error("no province");
    // One month of its own in 2026, none of its predecessors' in 2025.
    const { figures } = await import("@/db/schema");
    await handle.db.insert(figures).values({
      provinceId: "24-2025",
      indicatorCode: "TM.BLDV",
      period: "2026-03",
      year: 2026,
      measure: "value",
      value: "100",
      vintage: "official",
    });
    const r = row(await provinceAttainment(handle.db, province, "2026-03"), "TM.BLDV");
    expect(r.growthPct).toBeNull();
    expect(r.samePeriodReason).toBe("merger_incomplete");
    expect(r.statusReason).toBe("no_target");
  });

  it("a successor's index before the merger is not added up, and says so (merger_not_additive)", async () => {
    const iip = row(await rowsOf("15-2025", "2025"), "CN.IIP");
    expect(iip.growthPct).toBeNull();
    expect(iip.samePeriodReason).toBe("merger_not_additive");
  });
});
