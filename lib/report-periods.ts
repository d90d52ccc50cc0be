/**
 * What a report of a period speaks of (report-layout.md §2): a month report is about the month and
 * the year to date, a quarter report about the quarter and the year to date, a 6- or 9-month
 * report about its last month and the months so far, a year report about the year. The periods
 * are attainment-engine keys (lib/periods.ts); the phrases are the reports' own (domain.md §10).
 * Pure functions, no I/O.
 */
import { monthKey, type Period, parsePeriod, shiftPeriod } from "./periods";

export type ReportKind = "month" | "quarter" | "cumulative" | "year";

export type ReportPeriods = {
  key: string;
  period: Period;
  kind: ReportKind;
  year: number;
  /** The report's last month, 1..12. */
  lastMonth: number;
  /** The period's own figure: the month, the quarter, a cumulative report's last month, the year. */
  current: string;
  /** The year to date when it differs from `current` (not for January, the first quarter or the year). */
  toDate: string | null;
  /** The period before `current` (the table's "Thực hiện kỳ trước"); none for a year. */
  previous: string | null;
  /** Which of the two the report dwells on: a breakdown ("Trong đó") and the headline use it. */
  focus: "current" | "toDate";
};

const ROMAN = ["I", "II", "III", "IV"] as const;

/** The report's periods, or null for a key that is not a period. */
export function reportPeriods(key: string): ReportPeriods | null {
  const period = parsePeriod(key);
  if (!period) return null;
  const year = period.year;
  const ytd = (m: number) => `${year}-YTD${String(m).padStart(2, "0")}`;
  switch (period.kind) {
    case "month":
      return {
        key,
        period,
        kind: "month",
        year,
        lastMonth: period.month,
        current: key,
        toDate: period.month === 1 ? null : ytd(period.month),
        previous: shiftPeriod(key, -1),
        focus: "current",
      };
    case "quarter":
      return {
        key,
        period,
        kind: "quarter",
        year,
        lastMonth: period.quarter * 3,
        current: key,
        toDate: period.quarter === 1 ? null : ytd(period.quarter * 3),
        previous: shiftPeriod(key, -3),
        focus: "current",
      };
    case "ytd": {
      if (period.month === 12) return { ...yearPeriods(year), key };
      const month = monthKey(year, period.month);
      if (period.month === 1) return { ...(reportPeriods(month) as ReportPeriods), key };
      return {
        key,
        period,
        kind: "cumulative",
        year,
        lastMonth: period.month,
        current: month,
        toDate: key,
        previous: shiftPeriod(month, -1),
        focus: "toDate",
      };
    }
    case "year":
      return yearPeriods(year);
  }
}

function yearPeriods(year: number): ReportPeriods {
  return {
    key: String(year),
    period: { kind: "year", year },
    kind: "year",
    year,
    lastMonth: 12,
    current: String(year),
    toDate: null,
    previous: null,
    focus: "current",
  };
}

/** The period of the report's figures the way a sentence names it: "tháng 10/2026", "quý I/2024", "6 tháng đầu năm 2023". */
export function periodPhrase(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  switch (p.kind) {
    case "month":
      return `tháng ${p.month}/${p.year}`;
    case "quarter":
      return `quý ${ROMAN[p.quarter - 1]}/${p.year}`;
    case "year":
      return `năm ${p.year}`;
    case "ytd":
      if (p.month === 12) return `năm ${p.year}`;
      if (p.month === 1) return `tháng 1/${p.year}`;
      if (p.month === 6) return `6 tháng đầu năm ${p.year}`;
      return `${p.month} tháng năm ${p.year}`;
  }
}

/** The period in a title ("tháng 10 năm 2026", "quý I năm 2024", "6 tháng đầu năm 2023", "năm 2024"). */
function titlePeriod(r: ReportPeriods): string {
  const p = r.period;
  switch (r.kind) {
    case "month":
      return `tháng ${monthNumber(r.lastMonth)} năm ${r.year}`;
    case "quarter":
      return `quý ${ROMAN[(p as { quarter: number }).quarter - 1]} năm ${r.year}`;
    case "cumulative":
      return r.lastMonth === 6 ? `6 tháng đầu năm ${r.year}` : `${r.lastMonth} tháng năm ${r.year}`;
    case "year":
      return `năm ${r.year}`;
  }
}

/** What the report's tasks are for: the next month, quarter, the rest of the year or next year. */
function nextPeriod(r: ReportPeriods): string {
  switch (r.kind) {
    case "month":
      return r.lastMonth === 12
        ? `tháng 01 năm ${r.year + 1}`
        : `tháng ${monthNumber(r.lastMonth + 1)} năm ${r.year}`;
    case "quarter": {
      const q = r.lastMonth / 3;
      return q === 4 ? `quý I năm ${r.year + 1}` : `quý ${ROMAN[q]} năm ${r.year}`;
    }
    case "cumulative":
      return r.lastMonth === 6
        ? `6 tháng cuối năm ${r.year}`
        : `${12 - r.lastMonth} tháng cuối năm ${r.year}`;
    case "year":
      return `năm ${r.year + 1}`;
  }
}

/**
 * The subject line under "BÁO CÁO": "Tình hình hoạt động ngành Công Thương tháng 10 năm 2026 và
 * nhiệm vụ trọng tâm tháng 11 năm 2026". Months are numbered as in a date (`monthNumber`).
 */
export function reportSummary(r: ReportPeriods): string {
  return `Tình hình hoạt động ngành Công Thương ${titlePeriod(r)} và nhiệm vụ trọng tâm ${nextPeriod(r)}`;
}

/** The period in capitals for a section heading: "THÁNG 10 NĂM 2026". */
export function reportPeriodCaps(r: ReportPeriods): string {
  return titlePeriod(r).toLocaleUpperCase("vi");
}

export function nextPeriodCaps(r: ReportPeriods): string {
  return nextPeriod(r).toLocaleUpperCase("vi");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A month as Nghị định 30/2020 writes it in a date: January and February with a leading zero, so "01" is not misread. */
function monthNumber(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

/**
 * A date written out as Nghị định 30/2020 asks: days below 10 and the months January and February
 * get a leading zero ("ngày 05 tháng 3 năm 2025", "ngày 14 tháng 02 năm 2025"). `iso` is yyyy-mm-dd.
 */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date (yyyy-mm-dd): ${JSON.stringify(iso)}`);
  const month = Number(m[2]);
  return `ngày ${m[3]} tháng ${monthNumber(month)} năm ${m[1]}`;
}

/** "Lào Cai, ngày 05 tháng 11 năm 2026". */
export function placeAndDate(place: string, iso: string): string {
  return `${place}, ${longDate(iso)}`;
}

/** "Số: 45/BC-SCT"; numbers below 10 get a leading zero ("Số: 05/BC-SCT"). */
export function documentNumber(number: number, symbol: string): string {
  return `Số: ${number < 10 ? pad2(number) : number}/${symbol}`;
}

/** The periods a report can be made for, newest first, for years up to the latest month with figures. */
export function reportChoices(latestMonth: string, years = 3): string[] {
  const latest = parsePeriod(latestMonth);
  if (latest?.kind !== "month") return [];
  const out: string[] = [];
  for (let year = latest.year; year > latest.year - years; year--) {
    const last = year === latest.year ? latest.month : 12;
    if (last === 12) out.push(String(year));
    for (let m = last; m >= 1; m--) {
      if (m % 3 === 0) out.push(`${year}-Q${m / 3}`);
      if (m === 9 || m === 6) out.push(`${year}-YTD${pad2(m)}`);
      out.push(monthKey(year, m));
    }
  }
  return out;
}

/** "05/11/2026" (or 5/11/2026) → "2026-11-05"; null for anything that is not a real day. */
export function parseDayMonthYear(input: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(input);
  if (!m) return null;
  const iso = `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** The year a report of this period is naturally issued in: the next January for one that ends in December. */
export function issueYear(r: ReportPeriods): number {
  return r.lastMonth === 12 ? r.year + 1 : r.year;
}
