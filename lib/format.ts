/**
 * Display of numbers and dates the Vietnamese way (domain.md §8): decimal comma, dot for
 * thousands ("18.156,7"), dates dd/mm/yyyy in Vietnam's time zone. English uses en-US grouping
 * ("18,156.7") but the same date layout, so a table reads the same in both languages.
 * Pure functions, no I/O.
 */

export type Locale = "vi" | "en";

/** Shown for a missing value: "no data" is never displayed as 0 (glossary: Chưa có số liệu). */
export const MISSING = "—";

const TIME_ZONE = "Asia/Ho_Chi_Minh";

type Numeric = number | string | null | undefined;

/**
 * A numeric string as the database returns it ("18156.700000", "-2.01"). Strings are handed to
 * Intl as strings: it then rounds the exact decimal, so a stored 945.045 shows as 945,05 the way
 * the report rounds it, not as the binary double 945.04499….
 */
const DB_NUMERIC_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value to hand to Intl, or null when there is nothing sensible to show. */
function toFormattable(value: Numeric): number | `${number}` | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const s = value.trim();
  if (!DB_NUMERIC_RE.test(s) || !Number.isFinite(Number(s))) return null;
  return s as `${number}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Cached because NumberFormat construction is slow and tables format thousands of cells.
 * signDisplay "negative" drops the sign of a zero, including a value that rounds to zero:
 * -0.001 with 2 decimals shows "0,00", never "-0,00".
 */
function numberFormat(locale: Locale, decimals: number, signed: boolean): Intl.NumberFormat {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20, got ${decimals}`);
  }
  const key = `${locale}|${decimals}|${signed}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      // Growth figures always carry a sign ("+16,95%"); "exceptZero" also keeps "0,00" unsigned.
      signDisplay: signed ? "exceptZero" : "negative",
      roundingMode: "halfExpand",
    });
    formatters.set(key, nf);
  }
  return nf;
}

function format(value: Numeric, decimals: number, locale: Locale, signed: boolean): string | null {
  const v = toFormattable(value);
  if (v === null) return null;
  // Intl already uses ASCII "-" for vi-VN and en-US; normalising guards against ICU changes,
  // since the text is copied into Excel, which does not read U+2212 as a minus.
  return numberFormat(locale, decimals, signed)
    .format(v)
    .replace(/\u2212/g, "-");
}

/** 18156.7 -> "18.156,7" (vi) / "18,156.7" (en); exactly `decimals` fraction digits; missing -> "—". */
export function formatNumber(value: Numeric, decimals: number, locale: Locale = "vi"): string {
  return format(value, decimals, locale, false) ?? MISSING;
}

/** 16.95 -> "16,95%". The value is already in percent, not a fraction. */
export function formatPercent(value: Numeric, decimals = 2, locale: Locale = "vi"): string {
  const s = format(value, decimals, locale, false);
  return s === null ? MISSING : `${s}%`;
}

/** A growth rate with its sign: "+16,95%", "-2,01%", "0,00%". */
export function formatSignedPercent(value: Numeric, decimals = 2, locale: Locale = "vi"): string {
  const s = format(value, decimals, locale, true);
  return s === null ? MISSING : `${s}%`;
}

/** A difference of two percentages: "+8,6 điểm %" (vi) / "+8.6 pp" (en). */
export function formatPoints(value: Numeric, decimals = 1, locale: Locale = "vi"): string {
  const s = format(value, decimals, locale, true);
  if (s === null) return MISSING;
  return locale === "vi" ? `${s} điểm %` : `${s} pp`;
}

function toDate(d: Date | string): Date | null {
  const date = typeof d === "string" ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? null : date;
}

// One formatter for both locales: the layout is fixed (dd/mm/yyyy HH:mm) and assembled from parts,
// so it does not depend on how a locale orders or punctuates dates.
const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  calendar: "gregory",
  numberingSystem: "latn",
});

function vietnamParts(date: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const parts = { day: "", month: "", year: "", hour: "", minute: "" };
  for (const part of dateTimeParts.formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = part.value;
  }
  return parts;
}

/**
 * dd/mm/yyyy in Vietnam's time zone, for both locales. A date-only string ("2024-02-15") is read
 * as UTC midnight, which is 07:00 the same day in Vietnam (UTC+7, no daylight saving).
 */
export function formatDate(d: Date | string, _locale: Locale = "vi"): string {
  const date = toDate(d);
  if (!date) return MISSING;
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "dd/mm/yyyy HH:mm" (24-hour) in Vietnam's time zone, for both locales. */
export function formatDateTime(d: Date | string, _locale: Locale = "vi"): string {
  const date = toDate(d);
  if (!date) return MISSING;
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** What an indicator's figure is, for `formatFigure`: the catalogue's kind and decimals, and the measure. */
export type FigureKind = "flow" | "index" | "stock" | "count" | "rate";
export type FigureMeasure = "value" | "level" | "yoy_pct" | "mom_pct";

/**
 * The one place that decides how an indicator's figure is written, in the reports' convention
 * (domain.md §4, §10). A growth rate — a growth on the same period or on the previous month, and
 * every figure of an index (IIP) except its fixed-base level — is written with its sign:
 * "+3,22%", "-15,74%". Never as the index form 103,22: that form is only the fixed-base level
 * (`level`, "Chỉ số gốc cố định") or "bằng 103,22%", and only under a label that says so. A rate
 * (a share, a value-added growth as reported) is a percentage as typed: "98,50%". Amounts keep
 * the indicator's decimals, with their unit when `unit` is given.
 */
export function formatFigure(
  value: Numeric,
  indicator: { kind: FigureKind | string; decimals: number },
  measure: FigureMeasure | string,
  locale: Locale = "vi",
  unit?: string,
): string {
  const growth =
    measure === "yoy_pct" || measure === "mom_pct" || (indicator.kind === "index" && measure !== "level");
  if (growth) return formatSignedPercent(value, 2, locale);
  if (measure === "level") return formatNumber(value, 2, locale);
  if (indicator.kind === "rate") return formatPercent(value, indicator.decimals, locale);
  const amount = formatNumber(value, indicator.decimals, locale);
  return unit && amount !== MISSING ? `${amount} ${unit}` : amount;
}
