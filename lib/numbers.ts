/**
 * Reading numbers typed the Vietnamese way (domain.md §8): dot for thousands, comma for decimals
 * ("18.156,7"), while also taking the plain or English forms people paste from spreadsheets
 * ("18156.7", "1,234.5"). Where the reading depends on a convention the user did not show
 * ("1,234": 1.234 or 1234?) the input is rejected with both readings rather than guessed, because a
 * silent factor-of-1000 error in a provincial report is far worse than a question.
 * Pure functions, no I/O.
 */

export type ParseErrorCode = "empty" | "not_a_number" | "ambiguous" | "too_large";

export type ParseResult =
  | { ok: true; value: number }
  | { ok: false; code: ParseErrorCode; messageVi: string; messageEn: string };

export type ParseOptions = {
  /** The field holds a percentage: "1.234" is then too implausible to read as 1234 silently. */
  percent?: boolean;
};

/** Largest magnitude accepted; beyond it a value is a typo, and doubles lose whole units near 2^53. */
export const MAX_ABS_VALUE = 1e15;

// Spaces people (and spreadsheets) use between thousands: space, no-break, narrow no-break, thin.
const GROUP_SPACE = "[ \\u00A0\\u202F\\u2009]";
const PERCENT_SUFFIX_RE = new RegExp(`^(.*?)${GROUP_SPACE}?%$`, "s");
const BODY_RE = new RegExp(`^[0-9.,]([0-9.,]|${GROUP_SPACE})*$`);
const SEPARATOR_SPLIT_RE = new RegExp(`([.,]|${GROUP_SPACE})`);
/** The first group of a thousands-grouped number: 1 to 3 digits, no leading zero. */
const LEAD_GROUP_RE = /^[1-9]\d{0,2}$/;
const GROUP_RE = /^\d{3}$/;

type Separator = "." | "," | " ";

/** Digits before and after the decimal mark, as typed (no sign). */
type Digits = { int: string; frac: string };

/** What the characters between the sign and the % sign can mean. */
type Reading =
  | { kind: "number"; digits: Digits }
  | { kind: "ambiguous"; asDecimal: Digits; asThousands: Digits }
  | { kind: "mixed" }
  | { kind: "malformed" };

const number = (int: string, frac = ""): Reading => ({ kind: "number", digits: { int, frac } });
const MALFORMED: Reading = { kind: "malformed" };

function isGrouped(groups: string[], seps: Separator[]): boolean {
  return (
    seps.every((s) => s === seps[0]) &&
    LEAD_GROUP_RE.test(groups[0]) &&
    groups.slice(1).every((g) => GROUP_RE.test(g))
  );
}

/**
 * One "." or "," between two digit runs. Three digits after it, behind a plausible first
 * thousands group, is the one case with two readings: "20.207" is twenty thousand in Vietnamese
 * writing (domain.md §3), "1,234" is 1.234 in Vietnamese but 1234 in English.
 */
function readSingleMark(int: string, mark: "." | ",", frac: string, percent: boolean): Reading {
  if (frac.length === 3 && LEAD_GROUP_RE.test(int)) {
    const asDecimal = { int, frac };
    const asThousands = { int: int + frac, frac: "" };
    if (mark === "," || percent) return { kind: "ambiguous", asDecimal, asThousands };
    return { kind: "number", digits: asThousands };
  }
  return number(int, frac);
}

/** Interprets digit runs and the separators between them (groups.length === seps.length + 1). */
function interpret(groups: string[], seps: Separator[], percent: boolean): Reading {
  if (seps.length === 0) return number(groups[0]);
  // A leading mark (",5", ".5") can only start a fraction.
  if (groups[0] === "") {
    return seps.length === 1 && seps[0] !== " " && groups[1] !== "" ? number("0", groups[1]) : MALFORMED;
  }
  // Doubled or trailing separators ("1..2", "1,") are typos, not numbers.
  if (groups.some((g) => g === "")) return MALFORMED;

  const last = seps[seps.length - 1];
  const lastIsDecimal = last !== " " && seps.filter((s) => s === last).length === 1;
  if (!lastIsDecimal) {
    // Every separator groups thousands: "1.234.567", "1 234 567", "1,234,567".
    return isGrouped(groups, seps) ? number(groups.join("")) : MALFORMED;
  }

  const frac = groups[groups.length - 1];
  const intGroups = groups.slice(0, -1);
  const intSeps = seps.slice(0, -1);
  if (intSeps.length === 0) return readSingleMark(groups[0], last, frac, percent);
  if (!isGrouped(intGroups, intSeps)) {
    // "12,34.5": both marks present but neither convention fits, so neither can be trusted as decimal.
    return seps.includes(".") && seps.includes(",") ? { kind: "mixed" } : MALFORMED;
  }
  const int = intGroups.join("");
  // "1 234,567": with spaces grouping, the mark may be a decimal or one more thousands separator.
  if (intSeps[0] === " " && frac.length === 3) {
    return { kind: "ambiguous", asDecimal: { int, frac }, asThousands: { int: int + frac, frac: "" } };
  }
  // "1.234,5" (Vietnamese), "1,234.5" (English), "1 234,5": the grouping fixes the decimal mark.
  return number(int, frac);
}

function readBody(body: string, percent: boolean): Reading {
  if (!BODY_RE.test(body)) return MALFORMED;
  const tokens = body.split(SEPARATOR_SPLIT_RE);
  const groups = tokens.filter((_, i) => i % 2 === 0);
  const seps = tokens.filter((_, i) => i % 2 === 1).map((s): Separator => (s === "." || s === "," ? s : " "));
  return interpret(groups, seps, percent);
}

function toValue(digits: Digits, negative: boolean): number {
  const magnitude = Number(digits.frac ? `${digits.int}.${digits.frac}` : digits.int);
  // `|| 0` turns -0 into 0: "-0" is not a figure anyone means.
  return (negative ? -magnitude : magnitude) || 0;
}

/** The input as quoted in a message, shortened so a pasted paragraph does not flood the form. */
function quote(input: string): string {
  const s = input.trim();
  return `«${s.length > 40 ? `${s.slice(0, 40)}…` : s}»`;
}

function failure(code: ParseErrorCode, messageVi: string, messageEn: string): ParseResult {
  return { ok: false, code, messageVi, messageEn };
}

function notANumber(input: string): ParseResult {
  return failure(
    "not_a_number",
    `${quote(input)} không phải là số hợp lệ — ví dụ cách nhập: 18.156,7 hoặc 18156,7`,
    `${quote(input)} is not a valid number — for example, type 18.156,7 or 18156.7`,
  );
}

function mixedConventions(input: string): ParseResult {
  return failure(
    "ambiguous",
    `${quote(input)} dùng lẫn dấu chấm và dấu phẩy nên không rõ đâu là dấu thập phân — vui lòng nhập dấu chấm ngăn cách hàng nghìn và dấu phẩy trước phần thập phân (ví dụ 1.234,5)`,
    `${quote(input)} mixes dots and commas, so the decimal mark is unclear — please use dots between thousands and a comma before the decimals (e.g. 1.234,5), or digits with a decimal dot (1234.5)`,
  );
}

function twoReadings(
  input: string,
  r: { asDecimal: Digits; asThousands: Digits },
  negative: boolean,
  pct: boolean,
): ParseResult {
  const decimal = toValue(r.asDecimal, negative);
  const thousands = toValue(r.asThousands, negative);
  const suffix = pct ? "%" : "";
  // Readings are written so that neither can be misread: the decimal one in each language's own
  // notation, the whole number without separators. The suggestions parse unambiguously here.
  const viDecimal = `${String(decimal).replace(".", ",")}${suffix}`;
  const enDecimal = `${String(decimal)}${suffix}`;
  const whole = `${String(thousands)}${suffix}`;
  const typeDecimal = `${formatForInput(decimal)}${suffix}`;
  return failure(
    "ambiguous",
    `${quote(input)} có thể là ${viDecimal} hoặc ${whole} — vui lòng nhập rõ: ${typeDecimal} (số thập phân) hoặc ${whole} (số nguyên, không dấu phân cách)`,
    `${quote(input)} could mean ${enDecimal} or ${whole} — please type it unambiguously: ${typeDecimal} (decimal) or ${whole} (whole number, no separators)`,
  );
}

/**
 * Parses a number typed in a form. Accepts "1.234,5", "1234,5", "18.156,7", "1234.5",
 * "20.207" (= 20207), "1.234.567", "1 234,5", "1,234.5", a leading "+", "-" or "−" (U+2212), and a
 * trailing "%" with or without a space. Rejects with code "ambiguous" when the reading depends on a
 * convention ("1,234"; "1.234" in a percent field or with a % sign), and never returns NaN or
 * Infinity: magnitudes beyond MAX_ABS_VALUE are "too_large".
 */
export function parseVietnameseNumber(input: string, opts: ParseOptions = {}): ParseResult {
  let s = input.trim();
  if (s === "") {
    return failure(
      "empty",
      "Chưa nhập số liệu — vui lòng nhập một số",
      "Nothing entered — please type a number",
    );
  }

  const pct = PERCENT_SUFFIX_RE.exec(s);
  if (pct) s = pct[1];
  const percent = opts.percent === true || pct !== null;

  const negative = s.startsWith("-") || s.startsWith("\u2212");
  if (negative || s.startsWith("+")) s = s.slice(1);

  const reading = readBody(s, percent);
  switch (reading.kind) {
    case "malformed":
      return notANumber(input);
    case "mixed":
      return mixedConventions(input);
    case "ambiguous":
      return twoReadings(input, reading, negative, pct !== null);
    case "number": {
      const value = toValue(reading.digits, negative);
      if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) {
        return failure(
          "too_large",
          `${quote(input)} quá lớn — giá trị tuyệt đối không được vượt quá 1.000.000.000.000.000`,
          `${quote(input)} is too large — the absolute value must not exceed 1,000,000,000,000,000`,
        );
      }
      return { ok: true, value };
    }
  }
}

const inputFormatters = new Map<number, Intl.NumberFormat>();

function inputFormat(maxDecimals: number): Intl.NumberFormat {
  let nf = inputFormatters.get(maxDecimals);
  if (!nf) {
    nf = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: 0,
      maximumFractionDigits: maxDecimals,
      // No "-0": a value that rounds to zero is shown as "0".
      signDisplay: "negative",
    });
    inputFormatters.set(maxDecimals, nf);
  }
  return nf;
}

/** "1,234": would be read back as ambiguous, so a trailing zero is added ("1,2340"). */
const AMBIGUOUS_COMMA_RE = /^-?[1-9]\d{0,2},\d{3}$/;
/** "1.234" in a percent field: would be read back as ambiguous, so ",0" is added ("1.234,0"). */
const AMBIGUOUS_DOT_RE = /^-?[1-9]\d{0,2}\.\d{3}$/;

/**
 * A value as a user would type it, to prefill an input: Vietnamese grouping, decimal comma,
 * at most `maxDecimals` fraction digits and no trailing zeros ("1.234,5"). The text always reads
 * back as the same number through parseVietnameseNumber (with the same `percent` option): where
 * the usual form would be ambiguous, a harmless zero is added. Non-finite values give "".
 */
export function formatForInput(value: number, maxDecimals = 6, opts: ParseOptions = {}): string {
  if (!Number.isInteger(maxDecimals) || maxDecimals < 0 || maxDecimals > 20) {
    throw new RangeError(`maxDecimals must be an integer 0..20, got ${maxDecimals}`);
  }
  if (!Number.isFinite(value)) return "";
  const text = inputFormat(maxDecimals).format(value);
  if (AMBIGUOUS_COMMA_RE.test(text)) return `${text}0`;
  if (opts.percent && AMBIGUOUS_DOT_RE.test(text)) return `${text},0`;
  return text;
}

/** Decimals the database keeps of an amount (db/schema.ts `amount`). */
export const AMOUNT_SCALE = 6;

/**
 * A value as the database will keep it: rounded to AMOUNT_SCALE decimals (and never -0), so that
 * what is compared with the stored value, and answered back, is what is stored.
 */
export function toStoredAmount(value: number): number {
  const rounded = Number(value.toFixed(AMOUNT_SCALE));
  return rounded === 0 ? 0 : rounded;
}
