import { describe, expect, it } from "vitest";
import {
  buildTargetRows,
  formOf,
  type IndicatorForTargets,
  normaliseDocument,
  sameTarget,
  type TargetWrite,
  targetAmount,
  targetProblems,
  yearsOfUnit,
} from "./targets";

const flow = { kind: "flow" as const };
const index = { kind: "index" as const };
const count = { kind: "count" as const };
const rate = { kind: "rate" as const };
const level = (value: number, extra: Partial<TargetWrite> = {}): TargetWrite => ({
  indicator: "TM.XNK",
  year: 2026,
  basis: "level",
  value,
  ...extra,
});
const growth = (value: number, extra: Partial<TargetWrite> = {}): TargetWrite => ({
  indicator: "CN.IIP",
  year: 2026,
  basis: "growth",
  value,
  ...extra,
});
const fields = (problems: object) => Object.keys(problems).sort();

describe("targetProblems", () => {
  it("accepts the published forms: a level, a growth rate, a range, a lower bound, a scenario", () => {
    expect(targetProblems(level(5000), flow)).toEqual({});
    expect(targetProblems(growth(5), index)).toEqual({});
    expect(targetProblems(level(5, { valueMax: 8 }), count)).toEqual({});
    expect(targetProblems(growth(16, { bound: "at_least" }), rate)).toEqual({});
    expect(targetProblems(growth(10.66, { quarter: 1 }), rate)).toEqual({});
    expect(targetProblems(growth(-5), flow)).toEqual({});
    expect(targetProblems(level(0), flow)).toEqual({});
    expect(targetProblems(level(5, { valueMax: 5 }), count)).toEqual({});
  });

  it("names an unknown indicator and checks nothing else", () => {
    expect(fields(targetProblems(level(-1, { valueMax: -5 }), undefined))).toEqual(["indicator"]);
  });

  it("a growth rate is above −100%; an amount is not negative", () => {
    expect(fields(targetProblems(growth(-100), index))).toEqual(["value"]);
    expect(targetProblems(growth(-99.99), index)).toEqual({});
    expect(fields(targetProblems(level(-0.1), flow))).toEqual(["value"]);
  });

  it("the upper end of a range is at least its lower end, and a range has no bound", () => {
    const problems = targetProblems(level(600, { valueMax: 400 }), flow);
    expect(fields(problems)).toEqual(["valueMax"]);
    expect(problems.valueMax?.vi).toContain("400");
    expect(fields(targetProblems(level(400, { valueMax: 600, bound: "at_most" }), flow))).toEqual(["bound"]);
  });

  it("a quarterly scenario is a growth rate; an index's target is a growth rate", () => {
    expect(fields(targetProblems(level(10, { quarter: 2 }), flow))).toEqual(["quarter"]);
    expect(fields(targetProblems(level(105), index))).toEqual(["basis"]);
  });

  it("counts are whole numbers; shares are within 0–100%", () => {
    expect(fields(targetProblems(level(2.5), count))).toEqual(["value"]);
    expect(fields(targetProblems(level(2, { valueMax: 3.5 }), count))).toEqual(["valueMax"]);
    expect(fields(targetProblems(level(101), rate))).toEqual(["value"]);
    expect(fields(targetProblems(level(98, { valueMax: 101 }), rate))).toEqual(["valueMax"]);
    expect(targetProblems(growth(2.5), count)).toEqual({});
  });

  it("a year outside the unit's existence is refused (2025 merger)", () => {
    const former = yearsOfUnit(null, "2025-06-30");
    const successor = yearsOfUnit("2025-07-01", null);
    expect(targetProblems(level(1, { year: 2025 }), flow, former)).toEqual({});
    expect(fields(targetProblems(level(1, { year: 2026 }), flow, former))).toEqual(["year"]);
    expect(targetProblems(level(1, { year: 2025 }), flow, successor)).toEqual({});
    expect(fields(targetProblems(level(1, { year: 2024 }), flow, successor))).toEqual(["year"]);
  });

  it("says every problem in Vietnamese and in English", () => {
    const problems = targetProblems(level(-1, { valueMax: -5, quarter: 1, bound: "at_least" }), flow);
    expect(fields(problems)).toEqual(["bound", "quarter", "value", "valueMax"]);
    for (const message of Object.values(problems)) {
      expect(message.vi.length).toBeGreaterThan(10);
      expect(message.en.length).toBeGreaterThan(10);
      expect(message.vi).not.toEqual(message.en);
    }
  });
});

describe("reading a target", () => {
  it("shows amounts and rates the Vietnamese way", () => {
    expect(targetAmount({ basis: "level", value: 5000, valueMax: null }, 2, "vi")).toBe("5.000,00");
    expect(targetAmount({ basis: "level", value: 5, valueMax: 8 }, 0, "vi")).toBe("5–8");
    expect(targetAmount({ basis: "growth", value: 16, valueMax: null }, 2, "vi")).toBe("+16,00%");
    expect(targetAmount({ basis: "growth", value: 10.66, valueMax: null }, 2, "en")).toBe("+10.66%");
    expect(targetAmount({ basis: "growth", value: -2, valueMax: 3 }, 2, "vi")).toBe("-2,00% – +3,00%");
  });

  it("a range is its own form; otherwise the bound", () => {
    expect(formOf({ bound: "exact", valueMax: 8 })).toBe("range");
    expect(formOf({ bound: "at_least", valueMax: null })).toBe("at_least");
  });

  it("compares content, with documents trimmed", () => {
    const a = {
      basis: "level" as const,
      value: 1,
      valueMax: null,
      bound: "exact" as const,
      document: "NQ 25",
    };
    expect(sameTarget(a, { ...a, document: normaliseDocument("  NQ 25 ") })).toBe(true);
    expect(sameTarget(a, { ...a, value: 1.0000001 })).toBe(false);
    expect(normaliseDocument("   ")).toBeNull();
  });
});

describe("buildTargetRows", () => {
  const catalogue: IndicatorForTargets[] = [
    {
      code: "CN.IIP",
      parentCode: null,
      nameVi: "IIP",
      nameEn: "IIP",
      unit: "%",
      kind: "index",
      decimals: 2,
      targetBasis: "growth",
    },
    {
      code: "TM.XNK",
      parentCode: null,
      nameVi: "XNK",
      nameEn: "Trade",
      unit: "triệu USD",
      kind: "flow",
      decimals: 2,
      targetBasis: "level",
    },
    {
      code: "TM.XNK.XK",
      parentCode: "TM.XNK",
      nameVi: "XK",
      nameEn: "Exports",
      unit: "triệu USD",
      kind: "flow",
      decimals: 2,
      targetBasis: "level",
    },
  ];
  const version = (v: number, value: number) => ({
    version: v,
    basis: "growth" as const,
    value,
    valueMax: null,
    bound: "exact" as const,
    document: null,
    updatedBy: "phutho.quantri",
    updatedAt: `2026-01-0${v}T00:00:00.000Z`,
  });

  it("one row per indicator in catalogue order, with the year's target, scenarios and histories", () => {
    const rows = buildTargetRows(
      catalogue,
      [
        { id: 1, indicator: "CN.IIP", quarter: null, ...version(2, 9) },
        { id: 2, indicator: "CN.IIP", quarter: 3, ...version(1, 10.66) },
      ],
      [
        { targetId: 1, ...version(2, 9) },
        { targetId: 1, ...version(1, 8) },
        { targetId: 2, ...version(1, 10.66) },
      ],
    );
    expect(rows.map((r) => [r.code, r.group, r.defaultBasis])).toEqual([
      ["CN.IIP", "industry", "growth"],
      ["TM.XNK", "trade", "level"],
      ["TM.XNK.XK", "trade", "level"],
    ]);
    expect(rows[0].year?.history.map((h) => [h.version, h.value])).toEqual([
      [1, 8],
      [2, 9],
    ]);
    expect(rows[0].quarters.map((q) => q?.value ?? null)).toEqual([null, null, 10.66, null]);
    expect(rows[1].year).toBeNull();
    expect(rows[2].parentCode).toBe("TM.XNK");
  });
});
