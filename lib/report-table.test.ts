import { describe, expect, it } from "vitest";
import { computeAttainment, type FigureInput } from "./attainment";
import { reportPeriods } from "./report-periods";
import { cellText, planCell, tableColumns, tableRows } from "./report-table";
import type { ReportIndicator } from "./report-text";

const periods = (key: string) => reportPeriods(key) as NonNullable<ReturnType<typeof reportPeriods>>;
const ids = (key: string) => tableColumns(periods(key)).map((c) => c.id);

describe("the columns change with the period", () => {
  it("January has no year to date", () => {
    expect(ids("2026-01")).toEqual([
      "samePeriod",
      "plan",
      "previous",
      "current",
      "curOnPrev",
      "curOnSame",
      "toDateOnPlan",
    ]);
  });
  it("months 2 to 11 (and 6 and 9 months) have the standard set", () => {
    const standard = [
      "samePeriod",
      "samePeriodToDate",
      "plan",
      "previous",
      "current",
      "toDate",
      "curOnPrev",
      "curOnSame",
      "toDateOnSame",
      "toDateOnPlan",
    ];
    expect(ids("2026-03")).toEqual(standard);
    expect(ids("2023-YTD06")).toEqual(standard);
    expect(tableColumns(periods("2023-YTD06")).find((c) => c.id === "toDate")?.label).toBe(
      "Ước thực hiện 6 tháng đầu năm 2023",
    );
  });
  it("October adds last year, the year's estimate and next year's plan", () => {
    const october = ids("2026-10");
    expect(october.slice(0, 1)).toEqual(["lastYear"]);
    expect(october).toContain("yearEstimate");
    expect(october).toContain("nextPlan");
    expect(october.slice(-2)).toEqual(["estimateOnSame", "nextPlanOnEstimate"]);
  });
  it("December and the year compare the year with its plan and next year's", () => {
    expect(ids("2026-12")).toEqual([
      "lastYear",
      "plan",
      "previous",
      "current",
      "toDate",
      "nextPlan",
      "toDateOnSame",
      "toDateOnPlan",
      "nextPlanOnEstimate",
    ]);
    expect(ids("2024")).toEqual([
      "lastYear",
      "plan",
      "current",
      "nextPlan",
      "curOnSame",
      "toDateOnPlan",
      "nextPlanOnEstimate",
    ]);
  });
  it("a quarter has no comparison with the quarter before (the engine gives none)", () => {
    expect(ids("2024-Q1")).toEqual([
      "samePeriod",
      "plan",
      "previous",
      "current",
      "curOnSame",
      "toDateOnPlan",
    ]);
    expect(ids("2024-Q2")).not.toContain("curOnPrev");
  });
  it("numbers the columns and says how each comparison follows", () => {
    const numbers = tableColumns(periods("2026-03")).map((c) => c.number);
    expect(numbers).toEqual(["1", "2", "3", "4", "5", "6", "7=5/4", "8=5/1", "9=6/2", "10=6/3"]);
  });
});

describe("cells", () => {
  it("prints '-' for nothing, comparisons with two decimals, amounts with the row's", () => {
    expect(cellText(null, false, 1)).toBe("-");
    expect(cellText(undefined, true, 1)).toBe("-");
    expect(cellText(107.4412, true, 1)).toBe("107,44");
    expect(cellText(18156.7, false, 1)).toBe("18.156,7");
    expect(cellText("tăng 5%", false, 2)).toBe("tăng 5%");
  });
  it("writes a plan that is not one amount in words", () => {
    const t = {
      basis: "level" as const,
      value: 5000,
      valueMax: null,
      bound: "exact",
      quarter: null,
      document: null,
    };
    expect(planCell(t, 2)).toBe(5000);
    expect(planCell({ ...t, value: 5, valueMax: 8 }, 0)).toBe("5–8");
    expect(planCell({ ...t, bound: "at_least" }, 0)).toBe("trên 5.000");
    expect(planCell({ ...t, basis: "growth", value: 16, bound: "at_least" }, 2)).toBe("tăng trên 16%");
    expect(planCell({ ...t, quarter: 1 }, 2)).toBeNull();
  });
});

describe("rows", () => {
  const IIP: ReportIndicator = {
    code: "CN.IIP",
    parentCode: null,
    nameVi: "Chỉ số IIP",
    unit: "%",
    kind: "index",
    decimals: 2,
    frequency: "month",
    sortOrder: 0,
  };
  const SECTOR: ReportIndicator = {
    ...IIP,
    code: "CN.IIP.B",
    parentCode: "CN.IIP",
    nameVi: "Khai khoáng",
    sortOrder: 1,
  };
  const XNK: ReportIndicator = {
    code: "TM.XNK",
    parentCode: null,
    nameVi: "Xuất nhập khẩu",
    unit: "triệu USD",
    kind: "flow",
    decimals: 2,
    frequency: "month",
    sortOrder: 2,
  };
  const engine = (i: ReportIndicator, period: string, figures: FigureInput[]) =>
    computeAttainment({
      indicator: { code: i.code, kind: i.kind, direction: "up", decimals: i.decimals, unit: i.unit },
      period,
      figures,
      targets: [],
    });
  const f = (period: string, measure: FigureInput["measure"], value: number): FigureInput => ({
    period,
    measure,
    value,
    vintage: "official",
  });

  it("groups by field with Roman numerals, numbers indicators, puts breakdowns under them; an index only in the comparisons", () => {
    const iipFigures = [f("2024-02", "yoy_pct", -15.74), f("2024-02", "mom_pct", -10.58)];
    const xnk = [f("2024-02", "value", 12.52), f("2024-01", "value", 16.9), f("2023-02", "value", 14.53)];
    const empty = {
      previous: null,
      lastYear: null,
      estimateOnSame: null,
      nextPlan: null,
      nextPlanOnEstimate: null,
    };
    const rows = tableRows(
      periods("2024-02"),
      [IIP, SECTOR, XNK],
      new Map([
        ["CN.IIP", { ...empty, current: engine(IIP, "2024-02", iipFigures), toDate: null }],
        [
          "CN.IIP.B",
          { ...empty, current: engine(SECTOR, "2024-02", [f("2024-02", "yoy_pct", -13.63)]), toDate: null },
        ],
        ["TM.XNK", { ...empty, current: engine(XNK, "2024-02", xnk), toDate: null }],
      ]),
    );
    expect(rows.map((r) => [r.stt, r.name, r.depth])).toEqual([
      ["I", "CÔNG NGHIỆP", 0],
      ["1", "Chỉ số IIP", 1],
      ["", "Khai khoáng", 2],
      ["II", "THƯƠNG MẠI, XUẤT NHẬP KHẨU", 0],
      ["1", "Xuất nhập khẩu", 1],
    ]);
    const iip = rows[1].cells;
    expect(iip.current).toBeNull();
    expect(iip.curOnSame).toBeCloseTo(84.26, 10);
    expect(iip.curOnPrev).toBeCloseTo(89.42, 10);
    const trade = rows[4].cells;
    expect(trade.current).toBe(12.52);
    expect(trade.samePeriod).toBe(14.53);
    expect(cellText(trade.curOnSame, true, 2)).toBe("86,17");
  });
});
