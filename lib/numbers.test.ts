import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "./format";
import { formatForInput, MAX_ABS_VALUE, type ParseResult, parseVietnameseNumber } from "./numbers";

function parsedValue(r: ParseResult): number {
  if (!r.ok) throw new Error(`expected a number, got ${r.code}: ${r.messageEn}`);
  return r.value;
}

function codeOf(r: ParseResult): string {
  return r.ok ? `ok:${r.value}` : r.code;
}

/** A number with at most `d` decimals, built from its decimal text so that it is exactly "x rounded to d". */
const withDecimals = (d: number, maxInt = 1e12 - 1) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** d - 1 }), fc.boolean())
    .map(([int, frac, negative]) => {
      const text = d === 0 ? String(int) : `${int}.${String(frac).padStart(d, "0")}`;
      return Number(negative ? `-${text}` : text) || 0;
    });

describe("parseVietnameseNumber: accepted forms", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["1234,5", 1234.5],
    ["-2,01", -2.01],
    ["16,95%", 16.95],
    ["16,95 %", 16.95],
    ["16,95\u00A0%", 16.95],
    ["1234.5", 1234.5],
    ["18156.7", 18156.7],
    ["18156,7", 18156.7],
    ["18.156,7", 18156.7],
    ["1.138,85", 1138.85],
    ["945,04", 945.04],
    ["20.207", 20207],
    ["1.234.567", 1234567],
    ["1.234.567,89", 1234567.89],
    ["1 234,5", 1234.5],
    ["1\u00A0234,5", 1234.5],
    ["1\u202F234\u202F567", 1234567],
    ["1 234.5", 1234.5],
    ["+5", 5],
    ["+16,95%", 16.95],
    ["\u22122,01", -2.01],
    ["\u22122,01%", -2.01],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1,234,567.25", 1234567.25],
    ["1.234,567", 1234.567],
    ["0,123", 0.123],
    ["0.123", 0.123],
    ["1234.567", 1234.567],
    ["1234,567", 1234.567],
    ["1,2340", 1.234],
    ["1.2340", 1.234],
    [",5", 0.5],
    [".5", 0.5],
    ["007", 7],
    ["  42  ", 42],
    ["0", 0],
    ["1.000.000.000.000.000", 1e15],
    ["-1.000.000.000.000.000", -1e15],
    ["16.95", 16.95],
  ])("%j -> %d", (input, expected) => {
    expect(parsedValue(parseVietnameseNumber(input))).toBe(expected);
  });

  it("reads -0 as 0", () => {
    expect(Object.is(parsedValue(parseVietnameseNumber("-0")), 0)).toBe(true);
    expect(Object.is(parsedValue(parseVietnameseNumber("-0,00")), 0)).toBe(true);
  });

  it("accepts unambiguous forms in percent fields", () => {
    expect(parsedValue(parseVietnameseNumber("16,95", { percent: true }))).toBe(16.95);
    expect(parsedValue(parseVietnameseNumber("113.6", { percent: true }))).toBe(113.6);
    expect(parsedValue(parseVietnameseNumber("1.234,0", { percent: true }))).toBe(1234);
    expect(parsedValue(parseVietnameseNumber("1234", { percent: true }))).toBe(1234);
    expect(parsedValue(parseVietnameseNumber("0.125", { percent: true }))).toBe(0.125);
  });
});

describe("parseVietnameseNumber: rejections", () => {
  it.each(["", "   ", "\u00A0", "\t"])("%j is empty", (input) => {
    expect(codeOf(parseVietnameseNumber(input))).toBe("empty");
  });

  it.each(["1,234", "12,345", "999,999", "-1,234", "1,234%", "12,34.5", "1.23,4", "1 234,567", "1 234.567"])(
    "%j is ambiguous",
    (input) => {
      expect(codeOf(parseVietnameseNumber(input))).toBe("ambiguous");
    },
  );

  it.each(["1.234", "20.207", "-1.234"])("%j is ambiguous in a percent field", (input) => {
    expect(codeOf(parseVietnameseNumber(input, { percent: true }))).toBe("ambiguous");
  });

  it.each(["1.234%", "20.207 %"])("%j is ambiguous because of its % sign", (input) => {
    expect(codeOf(parseVietnameseNumber(input))).toBe("ambiguous");
  });

  it.each([
    "1.2.3,4,5",
    "abc",
    "1..2",
    "1,",
    "1.",
    ".",
    ",",
    "1,2,3",
    "1.23.456",
    "1.234.5678",
    "12.345.67",
    "--1",
    "+-1",
    "-",
    "1e5",
    "%",
    "- 5",
    "1 2",
    "12 34,5",
    "1.234 567",
    "1,5%%",
    "%5",
    "5%5",
    "Infinity",
    "NaN",
    "0x10",
    "1,234.567.890",
    "1.234,5,6",
    "١٢٣",
  ])("%j is not a number", (input) => {
    expect(codeOf(parseVietnameseNumber(input))).toBe("not_a_number");
  });

  it.each([
    ["just above 1e15", "1.000.000.000.000.001"],
    ["2e15", "-2000000000000000"],
    ["400 nines", "9".repeat(400)],
    ["400 fraction digits", `0,${"1".repeat(20)}${"9".repeat(400)}`],
  ])("%s: too large or finite", (_, input) => {
    const r = parseVietnameseNumber(input);
    if (r.ok) expect(Math.abs(r.value)).toBeLessThanOrEqual(MAX_ABS_VALUE);
    else expect(r.code).toBe("too_large");
  });

  it("flags values beyond 1e15 as too large", () => {
    expect(codeOf(parseVietnameseNumber("1.000.000.000.000.001"))).toBe("too_large");
    expect(codeOf(parseVietnameseNumber("-2000000000000000"))).toBe("too_large");
    expect(codeOf(parseVietnameseNumber("9".repeat(400)))).toBe("too_large");
  });

  it("names both readings of an ambiguous input, in both languages", () => {
    const r = parseVietnameseNumber("1,234");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messageVi).toBe(
      "«1,234» có thể là 1,234 hoặc 1234 — vui lòng nhập rõ: 1,2340 (số thập phân) hoặc 1234 (số nguyên, không dấu phân cách)",
    );
    expect(r.messageEn).toContain("1.234 or 1234");
  });

  it("suggests inputs that parse to each reading", () => {
    const r = parseVietnameseNumber("-1.234%");
    if (r.ok) throw new Error("expected ambiguous");
    expect(r.messageVi).toContain("-1,234% hoặc -1234%");
    expect(parsedValue(parseVietnameseNumber("-1,2340%"))).toBe(-1.234);
    expect(parsedValue(parseVietnameseNumber("-1234%"))).toBe(-1234);
  });

  it("explains a mixed-up input and quotes it", () => {
    const r = parseVietnameseNumber("12,34.5");
    if (r.ok) throw new Error("expected ambiguous");
    expect(r.messageVi).toContain("«12,34.5»");
    expect(r.messageEn).toContain("«12,34.5»");
  });
});

describe("parseVietnameseNumber: properties", () => {
  const assertSane = (r: ParseResult) => {
    if (r.ok) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(Math.abs(r.value)).toBeLessThanOrEqual(MAX_ABS_VALUE);
      expect(Object.is(r.value, -0)).toBe(false);
    } else {
      expect(["empty", "not_a_number", "ambiguous", "too_large"]).toContain(r.code);
      expect(r.messageVi.length).toBeGreaterThan(0);
      expect(r.messageEn.length).toBeGreaterThan(0);
    }
  };

  it("never yields NaN or Infinity for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.boolean(), (s, percent) => {
        assertSane(parseVietnameseNumber(s, { percent }));
      }),
      { numRuns: 2000 },
    );
  });

  it("never yields NaN or Infinity for strings of digits and separators", () => {
    const chars = fc.constantFrom(..."0123456789.,-+%  \u00A0\u2212e".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.boolean(), (cs, percent) => {
        assertSane(parseVietnameseNumber(cs.join(""), { percent }));
      }),
      { numRuns: 5000 },
    );
  });

  it("never yields NaN or Infinity for long digit runs", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,400}([.,]\d{1,400})?$/), (s) => {
        assertSane(parseVietnameseNumber(s));
      }),
    );
  });

  it("reads back formatForInput exactly (any finite x with ≤ 6 decimals)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }).chain((d) => withDecimals(d)),
        fc.boolean(),
        (x, percent) => {
          const text = formatForInput(x, 6, { percent });
          expect(parsedValue(parseVietnameseNumber(text, { percent }))).toBe(x);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads back formatNumber (vi) for 0, 1, 2 and 4 decimals; 3 decimals only below 1000 may be ambiguous", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2, 3, 4).chain((d) => fc.tuple(fc.constant(d), withDecimals(d))),
        ([d, x]) => {
          const r = parseVietnameseNumber(formatNumber(x, d));
          if (d === 3 && Math.abs(x) >= 1 && Math.abs(x) < 1000) {
            expect(r.ok ? r.value : r.code).toBe("ambiguous");
          } else {
            expect(parsedValue(r)).toBe(x);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads a sign, a % sign and spaces around without changing the value", () => {
    fc.assert(
      fc.property(withDecimals(2, 1e9), (x) => {
        const text = formatForInput(Math.abs(x));
        expect(parsedValue(parseVietnameseNumber(`+${text}`))).toBe(Math.abs(x));
        expect(parsedValue(parseVietnameseNumber(`\u2212${text}`))).toBe(-Math.abs(x) || 0);
        expect(parsedValue(parseVietnameseNumber(` ${text} %`))).toBe(Math.abs(x));
      }),
    );
  });
});

describe("formatForInput", () => {
  it("writes the Vietnamese typing format without trailing zeros", () => {
    expect(formatForInput(1234.5)).toBe("1.234,5");
    expect(formatForInput(18156.7)).toBe("18.156,7");
    expect(formatForInput(20207)).toBe("20.207");
    expect(formatForInput(-2.01)).toBe("-2,01");
    expect(formatForInput(0)).toBe("0");
    expect(formatForInput(-0)).toBe("0");
    expect(formatForInput(1234.567)).toBe("1.234,567");
    expect(formatForInput(0.125)).toBe("0,125");
  });

  it("adds a zero where the usual form would be ambiguous", () => {
    expect(formatForInput(1.234)).toBe("1,2340");
    expect(formatForInput(-999.999)).toBe("-999,9990");
    expect(formatForInput(1234, 6, { percent: true })).toBe("1.234,0");
    expect(formatForInput(1234)).toBe("1.234");
  });

  it("rounds to maxDecimals and gives '' for non-finite values", () => {
    expect(formatForInput(1.23456789)).toBe("1,234568");
    expect(formatForInput(1.26, 1)).toBe("1,3");
    expect(formatForInput(-0.0000001)).toBe("0");
    expect(formatForInput(Number.NaN)).toBe("");
    expect(formatForInput(Number.POSITIVE_INFINITY)).toBe("");
    expect(() => formatForInput(1, -1)).toThrow(RangeError);
  });
});
