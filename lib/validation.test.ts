import { describe, expect, it } from "vitest";
import { hardError, type IndicatorMonth, monthWarnings, unacknowledged } from "./validation";

describe("hard errors", () => {
  it("refuses impossible values with the reason", () => {
    expect(hardError("flow", "value", -1)?.vi).toBe("Giá trị không được âm.");
    expect(hardError("index", "level", 0)?.en).toContain("greater than 0");
    expect(hardError("index", "yoy_pct", -100)).not.toBeNull();
    expect(hardError("count", "value", 1.5)?.en).toBe("Must be a whole number.");
    expect(hardError("rate", "value", 101)).not.toBeNull();
    expect(hardError("flow", "value", Number.NaN)).not.toBeNull();
  });
  it("accepts ordinary values, including falls and zero", () => {
    expect(hardError("flow", "value", 0)).toBeNull();
    expect(hardError("index", "yoy_pct", -52.81)).toBeNull();
    expect(hardError("rate", "yoy_pct", -12)).toBeNull();
  });
});

const row = (over: Partial<IndicatorMonth>): IndicatorMonth => ({
  code: "TM.XNK",
  parentCode: null,
  kind: "flow",
  decimals: 2,
  value: 100,
  yoyPct: null,
  momPct: null,
  lastMonthValue: 100,
  sameMonthLastYearValue: 100,
  reportedLastMonth: true,
  reportedNow: true,
  ...over,
});

describe("soft warnings", () => {
  it("flags a change beyond the threshold, both ways", () => {
    expect(
      monthWarnings([row({ value: 151, sameMonthLastYearValue: 140 })]).map((w) => w.message.en),
    ).toEqual([expect.stringContaining("previous month")]);
    expect(monthWarnings([row({ value: 49, lastMonthValue: 60 })]).map((w) => w.message.en)).toEqual([
      expect.stringContaining("same month last year"),
    ]);
    expect(monthWarnings([row({ value: 150, sameMonthLastYearValue: 150 })])).toEqual([]);
  });
  it("flags an index's growth beyond the threshold", () => {
    const iip = row({ code: "CN.IIP", kind: "index", value: null, yoyPct: 65.6, momPct: -1.66 });
    expect(monthWarnings([iip]).map((w) => w.message.en)).toEqual([
      expect.stringContaining("same month last year"),
    ]);
  });
  it("flags parts that do not add up to the total beyond rounding", () => {
    const parent = row({ value: 100 });
    const child = { parentCode: "TM.XNK", lastMonthValue: null, sameMonthLastYearValue: null };
    const xk = row({ ...child, code: "TM.XNK.XK", value: 60.01 });
    const nk = row({ ...child, code: "TM.XNK.NK", value: 39.99 });
    expect(monthWarnings([parent, xk, nk])).toEqual([]);
    const off = row({ ...child, code: "TM.XNK.NK", value: 38 });
    expect(monthWarnings([parent, xk, off]).map((w) => [w.indicator, w.code])).toEqual([
      ["TM.XNK", "children_sum"],
    ]);
  });
  it("flags a figure reported last month but missing now", () => {
    expect(monthWarnings([row({ value: null, reportedNow: false })]).map((w) => w.code)).toEqual(["missing"]);
  });
  it("a warning is cleared only by an acknowledgement with a reason", () => {
    const warnings = monthWarnings([row({ value: 200 })]);
    expect(warnings).toHaveLength(2);
    expect(unacknowledged(warnings, [])).toHaveLength(2);
    expect(unacknowledged(warnings, [{ indicator: "TM.XNK", reason: "  " }])).toHaveLength(2);
    expect(unacknowledged(warnings, [{ indicator: "TM.XNK", reason: "Cửa khẩu mở lại" }])).toHaveLength(0);
  });
});
