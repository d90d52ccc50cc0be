import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveFlow, sheetFields, sheetMonthOf } from "./sheet";

describe("sheet fields by kind and frequency", () => {
  it("a flow takes the month or the cumulative since January", () => {
    expect(sheetFields({ code: "TM.XNK", kind: "flow", frequency: "month" }, "2024-02")).toEqual([
      { key: "month", period: "2024-02", measure: "value", percent: false },
      { key: "cumulative", period: "2024-YTD02", measure: "value", percent: false },
    ]);
  });
  it("an index takes growth on the same month, on last month, the cumulative growth, or a level", () => {
    const fields = sheetFields({ code: "CN.IIP", kind: "index", frequency: "month" }, "2024-01");
    expect(fields.map((f) => [f.key, f.period, f.measure])).toEqual([
      ["month", "2024-01", "yoy_pct"],
      ["cumulative", "2024-YTD01", "yoy_pct"],
      ["mom", "2024-01", "mom_pct"],
      ["level", "2024-01", "level"],
    ]);
  });
  it("a stock takes the level at month end", () => {
    expect(sheetFields({ code: "NL.TD_CS", kind: "stock", frequency: "month" }, "2023-06")).toHaveLength(1);
  });
  it("a quarterly indicator appears in the quarter's last month, a yearly one in December", () => {
    const va = { code: "CN.VA", kind: "rate" as const, frequency: "quarter" };
    expect(sheetFields(va, "2024-02")).toEqual([]);
    expect(sheetFields(va, "2024-03")).toEqual([
      { key: "month", period: "2024-Q1", measure: "yoy_pct", percent: true },
    ]);
    const share = { code: "NL.HO_DIEN", kind: "rate" as const, frequency: "year" };
    expect(sheetFields(share, "2024-11")).toEqual([]);
    expect(sheetFields(share, "2024-12")[0].period).toBe("2024");
  });
  it("every figure period belongs to the sheet of the month it ends in", () => {
    expect(sheetMonthOf("2024-Q1")).toBe("2024-03");
    expect(sheetMonthOf("2023-YTD06")).toBe("2023-06");
    expect(sheetMonthOf("2024")).toBe("2024-12");
    expect(sheetMonthOf("2024-13")).toBeNull();
  });
});

describe("month and cumulative of a flow", () => {
  it("derives the cumulative from the month and last month's cumulative", () => {
    expect(deriveFlow({ month: 160.5, cumulative: null }, 784.54)).toEqual({
      month: 160.5,
      cumulative: 945.04,
    });
  });
  it("derives the month from the cumulative", () => {
    expect(deriveFlow({ month: null, cumulative: 945.04 }, 784.54)).toEqual({
      month: 160.5,
      cumulative: 945.04,
    });
  });
  it("leaves both as entered when both are given, and derives nothing without last month", () => {
    expect(deriveFlow({ month: 1, cumulative: 5 }, 3)).toEqual({ month: 1, cumulative: 5 });
    expect(deriveFlow({ month: 1, cumulative: null }, null)).toEqual({ month: 1, cumulative: null });
  });
  it("month → cumulative → month gives the month back", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100);
    fc.assert(
      fc.property(cents, cents, (month, previous) => {
        const { cumulative } = deriveFlow({ month, cumulative: null }, previous);
        expect(deriveFlow({ month: null, cumulative }, previous).month).toBeCloseTo(month, 6);
      }),
    );
  });
});
