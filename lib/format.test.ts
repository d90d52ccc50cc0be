import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatFigure,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedPercent,
  MISSING,
} from "./format";

describe("formatNumber", () => {
  it("writes Vietnamese figures (domain.md §8)", () => {
    expect(formatNumber(18156.7, 1)).toBe("18.156,7");
    expect(formatNumber(1138.85, 2)).toBe("1.138,85");
    expect(formatNumber(945.04, 2)).toBe("945,04");
    expect(formatNumber(20207, 0)).toBe("20.207");
    expect(formatNumber(1234567.891, 2, "vi")).toBe("1.234.567,89");
    expect(formatNumber(-2.01, 2)).toBe("-2,01");
  });

  it("uses en-US grouping in English", () => {
    expect(formatNumber(18156.7, 1, "en")).toBe("18,156.7");
    expect(formatNumber(1138.85, 2, "en")).toBe("1,138.85");
    expect(formatNumber(-2.01, 2, "en")).toBe("-2.01");
  });

  it("always shows exactly `decimals` fraction digits", () => {
    expect(formatNumber(5, 2)).toBe("5,00");
    expect(formatNumber(5.126, 2)).toBe("5,13");
    expect(formatNumber(5.5, 0)).toBe("6");
    expect(formatNumber(1000, 3, "en")).toBe("1,000.000");
  });

  it("reads numeric strings from the database and rounds the exact decimal", () => {
    expect(formatNumber("18156.700000", 1)).toBe("18.156,7");
    expect(formatNumber(" 1138.850000 ", 2)).toBe("1.138,85");
    expect(formatNumber("-2.01", 2)).toBe("-2,01");
    // The double 945.045 is 945.04499…; the stored decimal rounds half away from zero as reports do.
    expect(formatNumber("945.045", 2)).toBe("945,05");
    expect(formatNumber("0.125", 2)).toBe("0,13");
  });

  it("shows missing values as a dash, never as 0", () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, "", "abc", "1,5", "NaN"]) {
      expect(formatNumber(v, 1)).toBe(MISSING);
    }
  });

  it("never shows a negative zero", () => {
    expect(formatNumber(-0, 0)).toBe("0");
    expect(formatNumber(-0, 2)).toBe("0,00");
    expect(formatNumber(-0.001, 2)).toBe("0,00");
    expect(formatNumber("-0.000", 1)).toBe("0,0");
    expect(formatNumber(-0.4, 0, "en")).toBe("0");
  });

  it("rejects an invalid number of decimals", () => {
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 1.5)).toThrow(RangeError);
  });

  it("has exactly `decimals` digits after the comma and no '-0' for any finite number", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const s = formatNumber(x, d);
          expect(s).toMatch(
            d === 0 ? /^-?\d{1,3}(\.\d{3})*$/ : new RegExp(`^-?\\d{1,3}(\\.\\d{3})*,\\d{${d}}$`),
          );
          expect(s).not.toMatch(/^-0(,0*)?$/);
          expect(s).not.toContain("\u2212");
        },
      ),
    );
  });
});

describe("percentages", () => {
  it("formats a percent", () => {
    expect(formatPercent(16.95)).toBe("16,95%");
    expect(formatPercent(18.9, 1)).toBe("18,9%");
    expect(formatPercent("113.600", 1, "en")).toBe("113.6%");
    expect(formatPercent(null)).toBe(MISSING);
  });

  it("signs growth with an ASCII hyphen-minus for Excel", () => {
    expect(formatSignedPercent(16.95)).toBe("+16,95%");
    expect(formatSignedPercent(-2.01)).toBe("-2,01%");
    expect(formatSignedPercent(0)).toBe("0,00%");
    expect(formatSignedPercent(-0.001)).toBe("0,00%");
    expect(formatSignedPercent(0.001)).toBe("0,00%");
    expect(formatSignedPercent(-9, 0)).toBe("-9%");
    expect(formatSignedPercent(16.95, 2, "en")).toBe("+16.95%");
    expect(formatSignedPercent(1234.5, 1, "en")).toBe("+1,234.5%");
    expect(formatSignedPercent(undefined)).toBe(MISSING);
  });

  it("formats percentage points", () => {
    expect(formatPoints(8.6)).toBe("+8,6 điểm %");
    expect(formatPoints(8.6, 1, "en")).toBe("+8.6 pp");
    expect(formatPoints(-1.25, 2)).toBe("-1,25 điểm %");
    expect(formatPoints(0)).toBe("0,0 điểm %");
    expect(formatPoints(Number.NaN)).toBe(MISSING);
  });
});

describe("dates in Vietnam's time zone", () => {
  it("formats dd/mm/yyyy for both locales", () => {
    expect(formatDate(new Date("2024-02-15T10:00:00Z"))).toBe("15/02/2024");
    expect(formatDate(new Date("2024-02-15T10:00:00Z"), "en")).toBe("15/02/2024");
    expect(formatDate("2024-02-15")).toBe("15/02/2024");
  });

  it("uses UTC+7, so late UTC evenings are already the next day", () => {
    expect(formatDate("2024-12-31T17:00:00Z")).toBe("01/01/2025");
    expect(formatDate("2024-12-31T16:59:59Z")).toBe("31/12/2024");
  });

  it("formats date and 24-hour time", () => {
    expect(formatDateTime("2024-02-15T17:30:00Z")).toBe("16/02/2024 00:30");
    expect(formatDateTime(new Date("2024-07-01T06:05:00Z"), "en")).toBe("01/07/2024 13:05");
  });

  it("shows an invalid date as a dash", () => {
    expect(formatDate("not a date")).toBe(MISSING);
    expect(formatDateTime(new Date(Number.NaN))).toBe(MISSING);
  });

  it("matches UTC+7 arithmetic for any instant (Vietnam has no daylight saving)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const shifted = new Date(ms + 7 * 3600_000);
        const p = (n: number) => String(n).padStart(2, "0");
        const date = `${p(shifted.getUTCDate())}/${p(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`;
        expect(formatDate(new Date(ms))).toBe(date);
        expect(formatDateTime(new Date(ms))).toBe(
          `${date} ${p(shifted.getUTCHours())}:${p(shifted.getUTCMinutes())}`,
        );
      }),
    );
  });
});

describe("formatFigure: one way to write an indicator's figure (issue 8.6)", () => {
  const iip = { kind: "index", decimals: 2 };
  const flow = { kind: "flow", decimals: 2 };

  it("writes an index's growth with its sign, never as the index 103,22", () => {
    expect(formatFigure(3.22, iip, "yoy_pct")).toBe("+3,22%");
    expect(formatFigure(-15.74, iip, "yoy_pct")).toBe("-15,74%");
    expect(formatFigure(1.5, iip, "mom_pct", "en")).toBe("+1.50%");
    expect(formatFigure(0, iip, "yoy_pct")).toBe("0,00%");
    // An index figure stored under another measure is still a growth, not an amount.
    expect(formatFigure(3.22, iip, "value")).toBe("+3,22%");
  });

  it("keeps the index form only for the fixed-base level, a bare number the page labels", () => {
    expect(formatFigure(103.22, iip, "level")).toBe("103,22");
    expect(formatFigure(103.22, iip, "level", "en")).toBe("103.22");
  });

  it("writes any growth measure with its sign, whatever the kind", () => {
    expect(formatFigure(12.5, flow, "yoy_pct")).toBe("+12,50%");
    expect(formatFigure(6.1, { kind: "rate", decimals: 2 }, "yoy_pct")).toBe("+6,10%");
  });

  it("writes amounts with the indicator's decimals and unit, rates as percentages", () => {
    expect(formatFigure(18156.7, { kind: "flow", decimals: 1 }, "value")).toBe("18.156,7");
    expect(formatFigure(945.04, flow, "value", "vi", "triệu USD")).toBe("945,04 triệu USD");
    expect(formatFigure(945.04, flow, "value", "en", "million USD")).toBe("945.04 million USD");
    expect(formatFigure(98.5, { kind: "rate", decimals: 1 }, "value")).toBe("98,5%");
  });

  it("shows a missing figure as missing, never as 0 and never with a unit", () => {
    expect(formatFigure(null, iip, "yoy_pct")).toBe(MISSING);
    expect(formatFigure(null, flow, "value", "vi", "tỷ đồng")).toBe(MISSING);
  });
});
