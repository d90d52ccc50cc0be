import { describe, expect, it } from "vitest";
import { type AttainmentRow, computeAttainment, type FigureInput } from "./attainment";
import {
  addMonths,
  attainmentSoFar,
  attainmentSoFarAsync,
  indexOverMonths,
  periodCoverage,
  periodsSoFar,
  shownPeriod,
} from "./partial-period";

describe("periodCoverage (issue 8.13)", () => {
  it("counts the months of a period that have figures", () => {
    expect(periodCoverage("2026-Q4", "2026-10")).toEqual({ have: 1, of: 3, through: "2026-10" });
    expect(periodCoverage("2026-Q4", "2026-11")).toEqual({ have: 2, of: 3, through: "2026-11" });
    expect(periodCoverage("2026", "2026-10")).toEqual({ have: 10, of: 12, through: "2026-10" });
    expect(periodCoverage("2026-YTD06", "2026-04")).toEqual({ have: 4, of: 6, through: "2026-04" });
  });

  it("is null for a complete period, and says 0 for one not begun", () => {
    expect(periodCoverage("2026-Q3", "2026-10")).toBeNull();
    expect(periodCoverage("2026-10", "2026-10")).toBeNull();
    expect(periodCoverage("2025", "2026-10")).toBeNull();
    expect(periodCoverage("2027-Q1", "2026-10")).toEqual({ have: 0, of: 3, through: null });
    expect(periodCoverage("2026-Q4", null)).toBeNull();
    expect(periodCoverage("nonsense", "2026-10")).toBeNull();
  });
});

describe("periodsSoFar", () => {
  it("computes a partial half, nine months or year as the year to date", () => {
    expect(periodsSoFar("2026", { have: 10, of: 12, through: "2026-10" })).toEqual(["2026-YTD10"]);
    expect(periodsSoFar("2026-YTD09", { have: 7, of: 9, through: "2026-07" })).toEqual(["2026-YTD07"]);
  });

  it("computes a partial quarter from its months", () => {
    expect(periodsSoFar("2026-Q4", { have: 1, of: 3, through: "2026-10" })).toEqual(["2026-10"]);
    expect(periodsSoFar("2026-Q2", { have: 2, of: 3, through: "2026-05" })).toEqual(["2026-04", "2026-05"]);
    expect(periodsSoFar("2027-Q1", { have: 0, of: 3, through: null })).toEqual([]);
  });
});

const flow = {
  code: "TM.XNK",
  kind: "flow" as const,
  direction: "up" as const,
  decimals: 2,
  unit: "triệu USD",
};
const iip = { code: "CN.IIP", kind: "index" as const, direction: "up" as const, decimals: 2, unit: "%" };
const fig = (period: string, value: number, measure: FigureInput["measure"] = "value"): FigureInput => ({
  period,
  measure,
  value,
  vintage: "official",
});
const flowFigures = [
  ...Array.from({ length: 12 }, (_, i) => fig(`2025-${String(i + 1).padStart(2, "0")}`, 100)),
  ...Array.from({ length: 11 }, (_, i) => fig(`2026-${String(i + 1).padStart(2, "0")}`, 110)),
];
const compute =
  (indicator: typeof flow | typeof iip, figures: FigureInput[]) =>
  (period: string): AttainmentRow[] => [
    computeAttainment({
      indicator,
      period,
      figures,
      targets: [
        { basis: "level", value: 1300, valueMax: null, bound: "at_least", quarter: null, document: null },
      ],
    }),
  ];

describe("attainmentSoFar: a partial period shows what it has", () => {
  it("a quarter with one month of figures is that month, keyed as the quarter — the engine alone gives nothing", () => {
    const through = flowFigures.filter((f) => f.period <= "2026-10");
    expect(compute(flow, through)("2026-Q4")[0].actual).toBeNull();
    const { rows, coverage } = attainmentSoFar("2026-Q4", "2026-10", compute(flow, through), () => "flow");
    expect(coverage).toEqual({ have: 1, of: 3, through: "2026-10" });
    expect(rows[0]).toMatchObject({
      period: "2026-Q4",
      actual: 110,
      samePeriodLastYear: 100,
      yearToDate: 1100,
    });
    expect(rows[0].growthPct).toBeCloseTo(10, 9);
  });

  it("a quarter with two months adds a flow's months up and judges the plan on the year to date", () => {
    const { rows } = attainmentSoFar("2026-Q4", "2026-11", compute(flow, flowFigures), () => "flow");
    expect(rows[0]).toMatchObject({
      period: "2026-Q4",
      actual: 220,
      samePeriodLastYear: 200,
      yearToDate: 1210,
    });
    expect(rows[0].growthPct).toBeCloseTo(10, 9);
    expect(rows[0].pctOfPlan).toBeCloseTo((1210 / 1300) * 100, 9);
    expect(rows[0].momPct).toBeNull();
  });

  it("the same from rows read asynchronously, computing only the periods it needs", async () => {
    const asked: string[] = [];
    const { rows, coverage } = await attainmentSoFarAsync(
      "2026-Q4",
      "2026-11",
      async (key) => {
        asked.push(key);
        return compute(flow, flowFigures)(key);
      },
      () => "flow",
    );
    expect(asked.sort()).toEqual(["2026-10", "2026-11"]);
    expect(coverage).toEqual({ have: 2, of: 3, through: "2026-11" });
    expect(rows[0].actual).toBe(220);
  });

  it("a complete period is the engine's own row", () => {
    const { rows, coverage } = attainmentSoFar(
      "2026-Q3",
      "2026-11",
      compute(flow, flowFigures),
      () => "flow",
    );
    expect(coverage).toBeNull();
    expect(rows[0]).toEqual(compute(flow, flowFigures)("2026-Q3")[0]);
  });

  it("an index over two months of a quarter is the ratio of their summed levels (domain.md §4)", () => {
    // Last year's levels 100 / 80, this year's 118 / 86: monthly indices 118,0 and 107,5 (mean
    // 112,75), but the two months together are 204 / 180 = 113,33.
    const levels = [
      fig("2025-10", 100, "level"),
      fig("2025-11", 80, "level"),
      fig("2026-10", 118, "level"),
      fig("2026-11", 86, "level"),
    ];
    expect(indexOverMonths(levels, ["2026-10", "2026-11"])).toBeCloseTo((204 / 180) * 100, 9);
    const { rows } = attainmentSoFar(
      "2026-Q4",
      "2026-11",
      compute(iip, levels),
      () => "index",
      (_, months) => indexOverMonths(levels, months),
    );
    expect(rows[0].actual).toBeCloseTo(113.333, 3);
    expect(rows[0].growthPct).toBeCloseTo(13.333, 3);
    expect(indexOverMonths(levels.slice(1), ["2026-10", "2026-11"])).toBeNull();
  });

  it("an index over two months whose levels cannot be rebuilt stays empty and says why, rather than averaging rates", () => {
    const rates = [fig("2026-10", 3.2, "yoy_pct"), fig("2026-11", 4.1, "yoy_pct")];
    const { rows } = attainmentSoFar("2026-Q4", "2026-11", compute(iip, rates), () => "index");
    expect(rows[0].actual).toBeNull();
    expect(rows[0].growthPct).toBeNull();
    expect(rows[0].notes.join(" ")).toMatch(/levels of its two months cannot be rebuilt/);
    // With one month, the month's growth is what the quarter has.
    const one = attainmentSoFar("2026-Q4", "2026-10", compute(iip, rates.slice(0, 1)), () => "index");
    expect(one.rows[0].growthPct).toBe(3.2);
  });

  it("takes the least final vintage of the two months", () => {
    const [a] = compute(flow, flowFigures)("2026-10");
    const [b] = compute(flow, flowFigures)("2026-11");
    expect(addMonths({ ...a, vintage: "estimate" }, b, "flow", "2026-Q4").vintage).toBe("estimate");
  });

  it("is provisional when either month is not approved, naming both months' pending ones", () => {
    const [a] = compute(flow, flowFigures)("2026-10");
    const [b] = compute(flow, flowFigures)("2026-11");
    const sum = addMonths(
      { ...a, provisional: true, monthsNotApproved: ["2026-10"] },
      { ...b, provisional: false, monthsNotApproved: [] },
      "flow",
      "2026-Q4",
    );
    expect(sum.provisional).toBe(true);
    expect(sum.monthsNotApproved).toEqual(["2026-10"]);
  });
});

describe("shownPeriod", () => {
  it("shows the period asked for, partial or complete", () => {
    expect(shownPeriod("2026-Q4", "2026-10")).toBe("2026-Q4");
    expect(shownPeriod("2024-Q1", "2026-10")).toBe("2024-Q1");
  });

  it("falls back to the latest month when nothing is asked, the key is wrong, or the period has no month yet", () => {
    expect(shownPeriod(undefined, "2026-10")).toBe("2026-10");
    expect(shownPeriod("2026-H1", "2026-10")).toBe("2026-10");
    // The former Lào Cai (figures to 2025-06) asked for October 2026 with the unit select.
    expect(shownPeriod("2026-10", "2025-06")).toBe("2025-06");
    expect(shownPeriod("2026-10", null)).toBe("2026-10");
  });
});
