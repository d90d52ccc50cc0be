import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  formatPeriodKey,
  lastMonthOf,
  monthKey,
  type Period,
  parsePeriod,
  periodLabel,
  periodMonths,
  previousMonth,
  samePeriodLastYear,
  shiftPeriod,
} from "./periods";

const year = fc.integer({ min: 2000, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.record({ kind: fc.constant("month" as const), year, month }),
  fc.record({
    kind: fc.constant("quarter" as const),
    year,
    quarter: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
  }),
  fc.record({ kind: fc.constant("ytd" as const), year, month }),
  fc.record({ kind: fc.constant("year" as const), year }),
);

describe("parsePeriod", () => {
  it.each([
    ["2024-02", { kind: "month", year: 2024, month: 2 }],
    ["2024-12", { kind: "month", year: 2024, month: 12 }],
    ["2024-Q1", { kind: "quarter", year: 2024, quarter: 1 }],
    ["2024-Q4", { kind: "quarter", year: 2024, quarter: 4 }],
    ["2024-YTD06", { kind: "ytd", year: 2024, month: 6 }],
    ["2024-YTD01", { kind: "ytd", year: 2024, month: 1 }],
    ["2024", { kind: "year", year: 2024 }],
    ["2000", { kind: "year", year: 2000 }],
    ["2100-01", { kind: "month", year: 2100, month: 1 }],
  ])("parses %s", (key, expected) => {
    expect(parsePeriod(key)).toEqual(expected);
  });

  it.each([
    "",
    "2024-2",
    "2024-00",
    "2024-13",
    "2024-Q0",
    "2024-Q5",
    "2024-q1",
    "2024-YTD00",
    "2024-YTD13",
    "2024-YTD6",
    "2024-ytd06",
    "1999",
    "2101",
    "1999-12",
    "24",
    " 2024",
    "2024-02 ",
    "2024-02-01",
    "2024/02",
    "２０２４",
  ])("rejects %j", (key) => {
    expect(parsePeriod(key)).toBeNull();
  });

  it("round-trips with formatPeriodKey", () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriod(formatPeriodKey(p))).toEqual(p);
      }),
    );
  });

  it("returns null or a period whose key is the input, for any string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parsePeriod(s);
        if (p) expect(formatPeriodKey(p)).toBe(s);
      }),
    );
  });
});

describe("periodMonths and lastMonthOf", () => {
  it("lists the months covered", () => {
    expect(periodMonths({ kind: "quarter", year: 2024, quarter: 1 })).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
    ]);
    expect(periodMonths({ kind: "quarter", year: 2024, quarter: 4 })).toEqual([
      "2024-10",
      "2024-11",
      "2024-12",
    ]);
    expect(periodMonths({ kind: "month", year: 2024, month: 2 })).toEqual(["2024-02"]);
    expect(periodMonths({ kind: "ytd", year: 2024, month: 3 })).toEqual(["2024-01", "2024-02", "2024-03"]);
    const year = periodMonths({ kind: "year", year: 2024 });
    expect(year).toHaveLength(12);
    expect(year[0]).toBe("2024-01");
    expect(year[11]).toBe("2024-12");
  });

  it("gives the closing month", () => {
    expect(lastMonthOf({ kind: "month", year: 2024, month: 2 })).toBe(2);
    expect(lastMonthOf({ kind: "quarter", year: 2024, quarter: 3 })).toBe(9);
    expect(lastMonthOf({ kind: "ytd", year: 2024, month: 6 })).toBe(6);
    expect(lastMonthOf({ kind: "year", year: 2024 })).toBe(12);
  });

  it("always ends with lastMonthOf and runs consecutively within the year", () => {
    fc.assert(
      fc.property(period, (p) => {
        const months = periodMonths(p);
        expect(months.at(-1)).toBe(monthKey(p.year, lastMonthOf(p)));
        for (let i = 1; i < months.length; i++) expect(previousMonth(months[i])).toBe(months[i - 1]);
        for (const m of months) expect(m.startsWith(`${p.year}-`)).toBe(true);
      }),
    );
  });
});

describe("month arithmetic", () => {
  it("formats month keys", () => {
    expect(monthKey(2024, 2)).toBe("2024-02");
    expect(monthKey(2024, 12)).toBe("2024-12");
    expect(() => monthKey(2024, 13)).toThrow(RangeError);
    expect(() => monthKey(2024, 0)).toThrow(RangeError);
    expect(() => monthKey(2024, 1.5)).toThrow(RangeError);
  });

  it("steps back across the new year (January compares with December)", () => {
    expect(previousMonth("2024-01")).toBe("2023-12");
    expect(previousMonth("2024-03")).toBe("2024-02");
    expect(previousMonth("2000-01")).toBe("1999-12");
  });

  it("adds months in both directions", () => {
    expect(addMonths("2024-11", 2)).toBe("2025-01");
    expect(addMonths("2024-01", -13)).toBe("2022-12");
    expect(addMonths("2024-06", 0)).toBe("2024-06");
    expect(addMonths("2024-06", 24)).toBe("2026-06");
    expect(() => addMonths("2024-6", 1)).toThrow(RangeError);
    expect(() => addMonths("2024-06", 0.5)).toThrow(RangeError);
  });

  it("addMonths(n) then addMonths(-n) is the identity, and composes", () => {
    fc.assert(
      fc.property(
        year,
        month,
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: -600, max: 600 }),
        (y, m, a, b) => {
          const key = monthKey(y, m);
          expect(addMonths(addMonths(key, a), -a)).toBe(key);
          expect(addMonths(addMonths(key, a), b)).toBe(addMonths(key, a + b));
        },
      ),
    );
  });

  it("keeps string order equal to time order", () => {
    fc.assert(
      fc.property(year, month, fc.integer({ min: 1, max: 600 }), (y, m, n) => {
        const key = monthKey(y, m);
        expect(addMonths(key, n) > key).toBe(true);
      }),
    );
  });
});

describe("samePeriodLastYear", () => {
  it("keeps the kind and shifts the year", () => {
    expect(samePeriodLastYear({ kind: "ytd", year: 2024, month: 6 })).toEqual({
      kind: "ytd",
      year: 2023,
      month: 6,
    });
    expect(samePeriodLastYear({ kind: "quarter", year: 2024, quarter: 2 })).toEqual({
      kind: "quarter",
      year: 2023,
      quarter: 2,
    });
    expect(formatPeriodKey(samePeriodLastYear({ kind: "month", year: 2024, month: 1 }))).toBe("2023-01");
  });
});

describe("periodLabel", () => {
  const cases: [string, string, string][] = [
    ["2024-02", "tháng 2/2024", "February 2024"],
    ["2024-12", "tháng 12/2024", "December 2024"],
    ["2024-Q1", "quý I/2024", "Q1 2024"],
    ["2024-Q2", "quý II/2024", "Q2 2024"],
    ["2024-Q3", "quý III/2024", "Q3 2024"],
    ["2024-Q4", "quý IV/2024", "Q4 2024"],
    ["2024-YTD01", "tháng 1/2024", "January 2024"],
    ["2024-YTD04", "lũy kế 4 tháng năm 2024", "first 4 months 2024"],
    ["2024-YTD06", "6 tháng đầu năm 2024", "first half 2024"],
    ["2024-YTD09", "9 tháng năm 2024", "nine months 2024"],
    ["2024-YTD11", "lũy kế 11 tháng năm 2024", "first 11 months 2024"],
    ["2024-YTD12", "cả năm 2024", "full year 2024"],
    ["2024", "năm 2024", "2024"],
  ];
  it.each(cases)("%s -> %s / %s", (key, vi, en) => {
    const p = parsePeriod(key);
    if (!p) throw new Error(`bad key ${key}`);
    expect(periodLabel(p, "vi")).toBe(vi);
    expect(periodLabel(p, "en")).toBe(en);
  });
});

describe("shiftPeriod", () => {
  it("moves months, quarters and years by steps that fit them", () => {
    expect(shiftPeriod("2024-01", -1)).toBe("2023-12");
    expect(shiftPeriod("2024-Q1", -3)).toBe("2023-Q4");
    expect(shiftPeriod("2024-Q3", -12)).toBe("2023-Q3");
    expect(shiftPeriod("2024", -12)).toBe("2023");
  });
  it("has no answer for a cumulative or a step that does not fit", () => {
    expect(shiftPeriod("2024-YTD06", -12)).toBeNull();
    expect(shiftPeriod("2024-Q1", -1)).toBeNull();
    expect(shiftPeriod("2024", -3)).toBeNull();
    expect(shiftPeriod("bad", -1)).toBeNull();
  });
});
