/**
 * Periods as the API and the reports name them (domain.md §3).
 *
 *   2024-02     month
 *   2024-Q1     quarter (quý I)
 *   2024-YTD06  January..June cumulative (lũy kế / 6 tháng đầu năm)
 *   2024        year (cả năm)
 *
 * Month is the unit of entry; every other period is a run of months ending at `lastMonthOf`.
 * Pure functions, no I/O.
 */

export type Quarter = 1 | 2 | 3 | 4;

export type Period =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: Quarter }
  | { kind: "ytd"; year: number; month: number }
  | { kind: "year"; year: number };

/** Years the application accepts in a period key; outside this range a key is more likely a typo. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

// Two-digit months only ("2024-2" is rejected) so that keys sort as strings and stay canonical.
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const YTD_RE = /^(\d{4})-YTD(0[1-9]|1[0-2])$/;
const YEAR_RE = /^(\d{4})$/;

function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function matchPeriod(s: string): Period | null {
  const month = MONTH_RE.exec(s);
  if (month) return { kind: "month", year: Number(month[1]), month: Number(month[2]) };
  const quarter = QUARTER_RE.exec(s);
  if (quarter) return { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) as Quarter };
  const ytd = YTD_RE.exec(s);
  if (ytd) return { kind: "ytd", year: Number(ytd[1]), month: Number(ytd[2]) };
  const year = YEAR_RE.exec(s);
  if (year) return { kind: "year", year: Number(year[1]) };
  return null;
}

/** Strict parse of a period key; anything not exactly in one of the four shapes gives null. */
export function parsePeriod(s: string): Period | null {
  const period = matchPeriod(s);
  return period && yearInRange(period.year) ? period : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be an integer 1..12, got ${month}`);
  }
}

function assertYear(year: number): void {
  // Four digits keep keys fixed-width; arithmetic such as addMonths may leave 2000..2100.
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`year must be an integer 0..9999, got ${year}`);
  }
}

/** "2024-02". Throws RangeError for a month outside 1..12 (a programming error, not user input). */
export function monthKey(year: number, month: number): string {
  assertYear(year);
  assertMonth(month);
  return `${String(year).padStart(4, "0")}-${pad2(month)}`;
}

/** Inverse of parsePeriod. */
export function formatPeriodKey(p: Period): string {
  switch (p.kind) {
    case "month":
      return monthKey(p.year, p.month);
    case "quarter":
      return `${String(p.year).padStart(4, "0")}-Q${p.quarter}`;
    case "ytd":
      assertMonth(p.month);
      return `${String(p.year).padStart(4, "0")}-YTD${pad2(p.month)}`;
    case "year":
      return String(p.year).padStart(4, "0");
  }
}

function firstMonthOf(p: Period): number {
  switch (p.kind) {
    case "month":
      return p.month;
    case "quarter":
      return (p.quarter - 1) * 3 + 1;
    case "ytd":
    case "year":
      return 1;
  }
}

/** The last month a period covers (1..12): the month whose report closes it. */
export function lastMonthOf(p: Period): number {
  switch (p.kind) {
    case "month":
    case "ytd":
      return p.month;
    case "quarter":
      return p.quarter * 3;
    case "year":
      return 12;
  }
}

/** The month keys a period covers, in order: "2024-Q1" -> ["2024-01", "2024-02", "2024-03"]. */
export function periodMonths(p: Period): string[] {
  const months: string[] = [];
  for (let m = firstMonthOf(p); m <= lastMonthOf(p); m++) months.push(monthKey(p.year, m));
  return months;
}

/** Parses a "YYYY-MM" key; throws because callers pass keys they built, not user input. */
function parseMonthKey(key: string): { year: number; month: number } {
  const m = MONTH_RE.exec(key);
  if (!m) throw new RangeError(`not a month key (YYYY-MM): ${JSON.stringify(key)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Shifts a month key by n months (n may be negative); crosses year boundaries. */
export function addMonths(key: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const { year, month } = parseMonthKey(key);
  // Count months from year 0 so that one floor/modulo handles both directions.
  const index = year * 12 + (month - 1) + n;
  return monthKey(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/**
 * Moves a month, quarter or year key by a number of months that fits its kind: "2024-Q1" by −3 is
 * "2023-Q4", "2024" by −12 is "2023". Null for anything else (a cumulative, a step that does not fit).
 */
export function shiftPeriod(key: string, months: number): string | null {
  const p = parsePeriod(key);
  if (!p) return null;
  if (p.kind === "month") return addMonths(key, months);
  if (p.kind === "quarter" && months % 3 === 0) {
    const index = p.year * 4 + (p.quarter - 1) + months / 3;
    return `${Math.floor(index / 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
  }
  if (p.kind === "year" && months % 12 === 0) return String(p.year + months / 12);
  return null;
}

/** "2024-01" -> "2023-12": January compares with December of the year before (domain.md §4). */
export function previousMonth(key: string): string {
  return addMonths(key, -1);
}

/** The same period one year earlier, the base of "so với cùng kỳ". */
export function samePeriodLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

const ROMAN: Record<Quarter, string> = { 1: "I", 2: "II", 3: "III", 4: "IV" };

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function viLabel(p: Period): string {
  switch (p.kind) {
    case "month":
      return `tháng ${p.month}/${p.year}`;
    case "quarter":
      return `quý ${ROMAN[p.quarter]}/${p.year}`;
    case "year":
      return `năm ${p.year}`;
    case "ytd":
      // Reports have fixed names for the usual cumulative periods; the rest are "lũy kế n tháng".
      if (p.month === 1) return `tháng 1/${p.year}`;
      if (p.month === 6) return `6 tháng đầu năm ${p.year}`;
      if (p.month === 9) return `9 tháng năm ${p.year}`;
      if (p.month === 12) return `cả năm ${p.year}`;
      return `lũy kế ${p.month} tháng năm ${p.year}`;
  }
}

function enLabel(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${EN_MONTHS[p.month - 1]} ${p.year}`;
    case "quarter":
      return `Q${p.quarter} ${p.year}`;
    case "year":
      return String(p.year);
    case "ytd":
      if (p.month === 1) return `January ${p.year}`;
      if (p.month === 6) return `first half ${p.year}`;
      if (p.month === 9) return `nine months ${p.year}`;
      if (p.month === 12) return `full year ${p.year}`;
      return `first ${p.month} months ${p.year}`;
  }
}

/** A period as the reports write it: "quý I/2024", "6 tháng đầu năm 2024" / "Q1 2024", "first half 2024". */
export function periodLabel(p: Period, locale: "vi" | "en"): string {
  return locale === "vi" ? viLabel(p) : enLabel(p);
}
