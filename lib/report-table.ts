/**
 * The report's appendix: the statistical table in the SCT layout (report-layout.md §2.2–2.3).
 * Columns change with the period — January has no year to date, October adds the estimate for the
 * year and next year's plan, December and the year compare the year with its plan and next year's —
 * and comparisons are indices in % (100 = no change). Every value is a field of an attainment row;
 * a cell with nothing to show is null, printed "-".
 * Pure functions, no I/O.
 */
import type { AttainmentTarget } from "./attainment";
import { formatNumber } from "./format";
import type { ReportPeriods } from "./report-periods";
import { type EngineRow, fieldOf, type ReportIndicator } from "./report-text";

export const COLUMN_IDS = [
  "lastYear",
  "samePeriod",
  "samePeriodToDate",
  "plan",
  "previous",
  "current",
  "toDate",
  "yearEstimate",
  "nextPlan",
  "curOnPrev",
  "curOnSame",
  "toDateOnSame",
  "toDateOnPlan",
  "estimateOnSame",
  "nextPlanOnEstimate",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export type TableColumn = {
  id: ColumnId;
  label: string;
  /** An index in % ("So sánh (%)"), under the merged comparison header. */
  comparison: boolean;
  /** The column-number row: "1", "2"…, and for a comparison how it follows ("8=5/1"). */
  number: string;
};

export type CellValue = number | string | null;

export type TableRow = {
  /** Null for a group row ("I", "CÔNG NGHIỆP"). */
  indicator: string | null;
  stt: string;
  name: string;
  unit: string;
  /** 0 a group, 1 an indicator, 2 a breakdown ("- Trong đó"). */
  depth: 0 | 1 | 2;
  /** Decimals of the amount columns; comparisons always have two. */
  decimals: number;
  cells: Partial<Record<ColumnId, CellValue>>;
};

/**
 * The engine's rows an indicator's table row is read from: the period's own figure, the year to
 * date, the period before, last year in full, and two rows the engine computes on an estimate (the
 * year at the current pace against last year, next year's plan against the year).
 */
export type TableRowSet = {
  current: EngineRow | null;
  toDate: EngineRow | null;
  previous: EngineRow | null;
  lastYear: EngineRow | null;
  estimateOnSame: EngineRow | null;
  nextPlan: AttainmentTarget | null;
  nextPlanOnEstimate: EngineRow | null;
};

const ROMAN = ["I", "II", "III", "IV"] as const;

type Labels = Record<ColumnId, string>;

function labels(periods: ReportPeriods): Labels {
  const y = periods.year;
  const m = periods.lastMonth;
  const months = (year: number) => (m === 6 ? `6 tháng đầu năm ${year}` : `${m} tháng năm ${year}`);
  const base = {
    lastYear: `Thực hiện năm ${y - 1}`,
    plan: `Kế hoạch năm ${y}`,
    yearEstimate: `Ước thực hiện năm ${y}`,
    nextPlan: `Kế hoạch năm ${y + 1}`,
    toDateOnPlan: "Lũy kế so với kế hoạch năm",
    estimateOnSame: "Ước thực hiện năm so với cùng kỳ",
    nextPlanOnEstimate: `Kế hoạch năm ${y + 1} so với ước thực hiện năm ${y}`,
  };
  if (periods.kind === "year") {
    return {
      ...base,
      samePeriod: `Thực hiện năm ${y - 1}`,
      samePeriodToDate: `Thực hiện năm ${y - 1}`,
      previous: "",
      current: `Ước thực hiện năm ${y}`,
      toDate: `Ước thực hiện năm ${y}`,
      curOnPrev: "",
      curOnSame: "Ước thực hiện năm so với cùng kỳ",
      toDateOnSame: "Ước thực hiện năm so với cùng kỳ",
      toDateOnPlan: "Ước thực hiện năm so với kế hoạch",
    };
  }
  if (periods.kind === "quarter") {
    const q = m / 3;
    const previous = q === 1 ? `quý IV/${y - 1}` : `quý ${ROMAN[q - 2]}/${y}`;
    return {
      ...base,
      samePeriod: `Thực hiện quý ${ROMAN[q - 1]}/${y - 1}`,
      samePeriodToDate: `Lũy kế ${months(y - 1)}`,
      previous: `Thực hiện ${previous}`,
      current: `Ước thực hiện quý ${ROMAN[q - 1]}/${y}`,
      toDate: `Lũy kế ${months(y)}`,
      curOnPrev: "",
      curOnSame: `Quý ${ROMAN[q - 1]} so với cùng kỳ`,
      toDateOnSame: "Lũy kế so với cùng kỳ",
    };
  }
  return {
    ...base,
    samePeriod: `Thực hiện tháng ${m}/${y - 1}`,
    samePeriodToDate: m === 6 ? `Thực hiện ${months(y - 1)}` : `Lũy kế ${months(y - 1)}`,
    previous: m === 1 ? `Thực hiện tháng 12/${y - 1}` : `Thực hiện tháng ${m - 1}/${y}`,
    current: `Ước thực hiện tháng ${m}/${y}`,
    toDate: m === 6 ? `Ước thực hiện ${months(y)}` : `Lũy kế ${months(y)}`,
    curOnPrev: `Tháng ${m} so với tháng trước`,
    curOnSame: `Tháng ${m} so với cùng kỳ`,
    toDateOnSame: m === 6 ? "6 tháng so với cùng kỳ" : "Lũy kế so với cùng kỳ",
    toDateOnPlan: m === 1 ? "So với kế hoạch năm" : base.toDateOnPlan,
  };
}

/** Which columns a period's table has, in order (the SCT templates by month, report-layout.md §2.2). */
function layout(periods: ReportPeriods): ColumnId[] {
  const m = periods.lastMonth;
  if (periods.kind === "year") {
    return ["lastYear", "plan", "current", "nextPlan", "curOnSame", "toDateOnPlan", "nextPlanOnEstimate"];
  }
  if (periods.kind === "quarter") {
    if (m === 3) return ["samePeriod", "plan", "previous", "current", "curOnSame", "toDateOnPlan"];
    return [
      "samePeriod",
      "samePeriodToDate",
      "plan",
      "previous",
      "current",
      "toDate",
      "curOnSame",
      "toDateOnSame",
      "toDateOnPlan",
    ];
  }
  if (m === 1) return ["samePeriod", "plan", "previous", "current", "curOnPrev", "curOnSame", "toDateOnPlan"];
  if (m === 12) {
    return [
      "lastYear",
      "plan",
      "previous",
      "current",
      "toDate",
      "nextPlan",
      "toDateOnSame",
      "toDateOnPlan",
      "nextPlanOnEstimate",
    ];
  }
  const standard: ColumnId[] = [
    "samePeriod",
    "samePeriodToDate",
    "plan",
    "previous",
    "current",
    "toDate",
    "curOnPrev",
    "curOnSame",
    "toDateOnSame",
    "toDateOnPlan",
  ];
  if (m !== 10) return standard;
  // October: the year's estimate and next year's plan, for the year-end planning round.
  return [
    "lastYear",
    ...standard.slice(0, 6),
    "yearEstimate",
    "nextPlan",
    ...standard.slice(6),
    "estimateOnSame",
    "nextPlanOnEstimate",
  ];
}

const COMPARISONS: ReadonlySet<ColumnId> = new Set([
  "curOnPrev",
  "curOnSame",
  "toDateOnSame",
  "toDateOnPlan",
  "estimateOnSame",
  "nextPlanOnEstimate",
]);

/** What a comparison divides, first choice first (a table without a year to date compares the period). */
const RATIO_OF: Partial<Record<ColumnId, [ColumnId[], ColumnId[]]>> = {
  curOnPrev: [["current"], ["previous"]],
  curOnSame: [["current"], ["samePeriod", "lastYear"]],
  toDateOnSame: [["toDate"], ["samePeriodToDate", "lastYear"]],
  toDateOnPlan: [["toDate", "current"], ["plan"]],
  estimateOnSame: [["yearEstimate"], ["lastYear"]],
  nextPlanOnEstimate: [["nextPlan"], ["yearEstimate", "toDate", "current"]],
};

export function tableColumns(periods: ReportPeriods): TableColumn[] {
  const text = labels(periods);
  const ids = layout(periods);
  const numberOf = new Map(ids.map((id, i) => [id, i + 1]));
  return ids.map((id, i) => {
    let number = String(i + 1);
    const ratio = RATIO_OF[id];
    if (ratio) {
      const top = ratio[0].map((c) => numberOf.get(c)).find((n) => n !== undefined);
      const bottom = ratio[1].map((c) => numberOf.get(c)).find((n) => n !== undefined);
      if (top && bottom) number = `${i + 1}=${top}/${bottom}`;
    }
    return { id, label: text[id], comparison: COMPARISONS.has(id), number };
  });
}

/** The plan as a cell: an amount as a number; a range, a bound or a growth as the words the table prints. */
export function planCell(target: AttainmentTarget | null, decimals: number): CellValue {
  if (!target || target.quarter !== null) return null;
  const n = (v: number) =>
    v.toLocaleString("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: decimals });
  if (target.basis === "growth") {
    const bound = target.bound === "at_least" ? "trên " : target.bound === "at_most" ? "dưới " : "";
    const value = target.valueMax !== null ? `${n(target.value)}–${n(target.valueMax)}` : n(target.value);
    return `tăng ${bound}${value}%`;
  }
  if (target.valueMax !== null) return `${n(target.value)}–${n(target.valueMax)}`;
  if (target.bound === "at_least") return `trên ${n(target.value)}`;
  if (target.bound === "at_most") return `dưới ${n(target.value)}`;
  return target.value;
}

/** A growth written as its index: +3,04% → 103,04 (the form every comparison column takes). */
function index(growth: number | null): number | null {
  return growth === null ? null : 100 + growth;
}

function cells(indicator: ReportIndicator, rows: TableRowSet, periods: ReportPeriods): TableRow["cells"] {
  // An index has no amount: its rows print only in the comparison columns (report-layout.md §2.3).
  const amounts = indicator.kind !== "index";
  const amount = (row: EngineRow | null) => (amounts ? (row?.actual ?? null) : null);
  const { current, toDate, previous, lastYear } = rows;
  const yearRow = periods.kind === "year" ? current : toDate;
  const planTarget = yearRow?.target && yearRow.target.quarter === null ? yearRow.target : null;
  return {
    lastYear: amount(lastYear),
    samePeriod: amounts ? (current?.samePeriodLastYear ?? null) : null,
    samePeriodToDate: amounts ? (toDate?.samePeriodLastYear ?? null) : null,
    plan: planCell(planTarget, indicator.decimals),
    previous: amount(previous),
    current: amount(current),
    toDate: amount(toDate),
    yearEstimate: amounts ? (toDate?.projection ?? null) : null,
    nextPlan: planCell(rows.nextPlan, indicator.decimals),
    curOnPrev: index(current?.momPct ?? null),
    curOnSame: current?.pctOfSamePeriod ?? null,
    toDateOnSame: toDate?.pctOfSamePeriod ?? null,
    // A share of the plan exists only for an amount planned as an amount.
    toDateOnPlan: yearRow?.pctOfPlan ?? null,
    estimateOnSame: rows.estimateOnSame?.pctOfSamePeriod ?? null,
    nextPlanOnEstimate: rows.nextPlanOnEstimate?.pctOfSamePeriod ?? null,
  };
}

const GROUP_NAMES: Record<ReturnType<typeof fieldOf>, string> = {
  industry: "CÔNG NGHIỆP",
  energy: "NĂNG LƯỢNG",
  trade: "THƯƠNG MẠI, XUẤT NHẬP KHẨU",
  clusters: "CỤM CÔNG NGHIỆP",
  other: "CHỈ TIÊU KHÁC",
};

function hasAny(rows: TableRowSet | undefined): boolean {
  return Boolean(rows && (rows.current || rows.toDate || rows.previous || rows.lastYear));
}

/** The table's rows: fields as Roman-numbered groups, indicators numbered within, breakdowns under them. */
export function tableRows(
  periods: ReportPeriods,
  indicators: ReportIndicator[],
  rows: Map<string, TableRowSet>,
): TableRow[] {
  const ordered = [...indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const out: TableRow[] = [];
  let group = 0;
  for (const field of Object.keys(GROUP_NAMES) as (keyof typeof GROUP_NAMES)[]) {
    const parents = ordered.filter(
      (i) =>
        i.parentCode === null &&
        fieldOf(i.code) === field &&
        (hasAny(rows.get(i.code)) ||
          ordered.some((c) => c.parentCode === i.code && hasAny(rows.get(c.code)))),
    );
    if (parents.length === 0) continue;
    out.push({
      indicator: null,
      stt: ROMAN[group] ?? String(group + 1),
      name: GROUP_NAMES[field],
      unit: "",
      depth: 0,
      decimals: 0,
      cells: {},
    });
    group++;
    parents.forEach((parent, n) => {
      const row = (i: ReportIndicator, depth: 1 | 2, stt: string): TableRow => ({
        indicator: i.code,
        stt,
        name: i.nameVi,
        unit: i.kind === "index" ? "%" : i.unit,
        depth,
        decimals: i.kind === "index" ? 2 : i.decimals,
        cells: cells(i, rows.get(i.code) ?? EMPTY, periods),
      });
      out.push(row(parent, 1, String(n + 1)));
      for (const child of ordered.filter((c) => c.parentCode === parent.code && hasAny(rows.get(c.code)))) {
        out.push(row(child, 2, ""));
      }
    });
  }
  return out;
}

const EMPTY: TableRowSet = {
  current: null,
  toDate: null,
  previous: null,
  lastYear: null,
  estimateOnSame: null,
  nextPlan: null,
  nextPlanOnEstimate: null,
};

/** A cell as the table prints it: "-" for nothing, comparisons with two decimals, amounts with the row's. */
export function cellText(value: CellValue | undefined, comparison: boolean, decimals: number): string {
  if (value === null || value === undefined) return "-";
  if (typeof value === "string") return value;
  return formatNumber(value, comparison ? 2 : decimals);
}
