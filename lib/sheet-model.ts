/**
 * The monthly sheet as the page shows it: every indicator's inputs with their current values,
 * derived values, revision marks and context (last month, same month last year, year to date,
 * the year's target), and the month's soft warnings. Pure: the database hands in figures.
 */
import { addMonths, parsePeriod, shiftPeriod } from "./periods";
import { type FieldKey, type Kind, type Measure, type SheetField, sheetFields } from "./sheet";
import { type IndicatorMonth, monthWarnings, type Warning } from "./validation";

export type Vintage = "estimate" | "preliminary" | "official";
export type FigureIn = {
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  note: string | null;
  version: number;
};
export type RevisionIn = {
  indicator: string;
  period: string;
  measure: Measure;
  version: number;
  value: number;
  vintage: Vintage;
};
export type IndicatorIn = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  unit: string;
  kind: Kind;
  decimals: number;
  frequency: string;
};
export type TargetIn = {
  indicator: string;
  basis: "level" | "growth";
  value: number;
  valueMax: number | null;
  bound: string;
};

export type SheetCell = SheetField & {
  value: number | null;
  version: number | null;
  /** Shown greyed when nothing was entered: the other view of a flow, derived. */
  derived: number | null;
  /** The value this figure had in an earlier vintage, when it was revised. */
  revisedFrom: { value: number; vintage: Vintage } | null;
};
export type SheetRow = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  unit: string;
  kind: Kind;
  decimals: number;
  group: "industry" | "energy" | "trade" | "investment";
  cells: SheetCell[];
  vintage: Vintage;
  note: string | null;
  context: {
    percent: boolean;
    lastMonth: number | null;
    sameMonthLastYear: number | null;
    yearToDate: number | null;
    target: TargetIn | null;
  };
};
export type Sheet = { month: string; rows: SheetRow[]; warnings: Warning[] };

const GROUPS: Record<string, SheetRow["group"]> = {
  CN: "industry",
  NL: "energy",
  TM: "trade",
  DT: "investment",
};

/** The catalogue's section of an indicator, by its code's prefix (`TM.XNK` → trade). */
export function indicatorGroup(code: string): SheetRow["group"] {
  return GROUPS[code.split(".")[0]] ?? "industry";
}
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const ytdKey = (year: number, month: number) => `${year}-YTD${String(month).padStart(2, "0")}`;
const monthKeyOf = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

type Lookup = (indicator: string, period: string, measure: Measure) => FigureIn | undefined;

/**
 * A flow's months and cumulatives for a year, each entered or derived from the other:
 * cumulative(m) = cumulative(m−1) + month(m); month(m) = cumulative(m) − cumulative(m−1).
 */
export function flowYear(get: Lookup, indicator: string, year: number) {
  const month: (number | null)[] = [null];
  const cumulative: (number | null)[] = [0];
  for (let m = 1; m <= 12; m++) {
    const enteredMonth = get(indicator, monthKeyOf(year, m), "value")?.value ?? null;
    const enteredYtd = get(indicator, ytdKey(year, m), "value")?.value ?? null;
    const previous = cumulative[m - 1];
    cumulative.push(
      enteredYtd ?? (previous !== null && enteredMonth !== null ? round6(previous + enteredMonth) : null),
    );
    month.push(enteredMonth);
  }
  for (let m = 1; m <= 12; m++) {
    const [now, before] = [cumulative[m], cumulative[m - 1]];
    if (month[m] === null && now !== null && before !== null) month[m] = round6(now - before);
  }
  return { month, cumulative };
}

function revisedFrom(revisions: RevisionIn[], current: FigureIn | undefined): SheetCell["revisedFrom"] {
  if (!current) return null;
  const earlier = revisions
    .filter((r) => r.version < current.version && r.vintage !== current.vintage && r.value !== current.value)
    .sort((a, b) => b.version - a.version)[0];
  return earlier ? { value: earlier.value, vintage: earlier.vintage } : null;
}

export function buildSheet(input: {
  month: string;
  indicators: IndicatorIn[];
  figures: FigureIn[];
  revisions: RevisionIn[];
  targets: TargetIn[];
}): Sheet {
  const period = parsePeriod(input.month);
  if (period?.kind !== "month") throw new RangeError(`not a month: ${input.month}`);
  const { year, month: m } = period;
  const index = new Map(input.figures.map((f) => [`${f.indicator}|${f.period}|${f.measure}`, f]));
  const get: Lookup = (indicator, p, measure) => index.get(`${indicator}|${p}|${measure}`);
  const revisionsOf = (indicator: string, p: string, measure: Measure) =>
    input.revisions.filter((r) => r.indicator === indicator && r.period === p && r.measure === measure);
  const lastMonthKey = addMonths(input.month, -1);
  const sameMonthLastYear = monthKeyOf(year - 1, m);

  const rows: SheetRow[] = [];
  const checks: IndicatorMonth[] = [];
  for (const ind of input.indicators) {
    const fields = sheetFields(ind, input.month);
    if (fields.length === 0) continue;
    const isFlow = ind.kind === "flow" || ind.kind === "count";
    const thisYear = isFlow ? flowYear(get, ind.code, year) : null;
    const lastYear = isFlow ? flowYear(get, ind.code, year - 1) : null;

    const cells: SheetCell[] = fields.map((field) => {
      const figure = get(ind.code, field.period, field.measure);
      let derived: number | null = null;
      if (!figure && thisYear) derived = field.key === "month" ? thisYear.month[m] : thisYear.cumulative[m];
      return {
        ...field,
        value: figure?.value ?? null,
        version: figure?.version ?? null,
        derived,
        revisedFrom: revisedFrom(revisionsOf(ind.code, field.period, field.measure), figure),
      };
    });
    const primary = cells.find((c) => c.key === "month");
    const anyFigure = fields.map((f) => get(ind.code, f.period, f.measure)).find(Boolean);
    const lastMonthFields = sheetFields(ind, lastMonthKey);
    const reportedLastMonth = lastMonthFields.some((f) => get(ind.code, f.period, f.measure));

    const valueAt = (p: string, measure: Measure) => get(ind.code, p, measure)?.value ?? null;
    let context: SheetRow["context"];
    if (thisYear && lastYear) {
      const previousMonth = m === 1 ? lastYear.month[12] : thisYear.month[m - 1];
      context = {
        percent: false,
        lastMonth: previousMonth,
        sameMonthLastYear: lastYear.month[m],
        yearToDate: thisYear.cumulative[m],
        target: null,
      };
    } else if (ind.kind === "index") {
      context = {
        percent: true,
        lastMonth: valueAt(lastMonthKey, "yoy_pct"),
        sameMonthLastYear: valueAt(sameMonthLastYear, "yoy_pct"),
        yearToDate: valueAt(ytdKey(year, m), "yoy_pct"),
        target: null,
      };
    } else {
      const p = primary as SheetCell;
      const step = ind.frequency === "quarter" ? 3 : 1;
      const at = (key: string | null) => (key === null ? null : valueAt(key, p.measure));
      context = {
        percent: p.percent,
        // A yearly indicator has no "last period" within the year.
        lastMonth: ind.frequency === "year" ? null : at(shiftPeriod(p.period, -step)),
        sameMonthLastYear: at(shiftPeriod(p.period, -12)),
        yearToDate: null,
        target: null,
      };
    }
    const target = input.targets.find((t) => t.indicator === ind.code) ?? null;
    context.target = target;

    rows.push({
      code: ind.code,
      parentCode: ind.parentCode,
      nameVi: ind.nameVi,
      nameEn: ind.nameEn,
      unit: ind.unit,
      kind: ind.kind,
      decimals: ind.decimals,
      group: indicatorGroup(ind.code),
      cells,
      vintage: anyFigure?.vintage ?? "estimate",
      note: anyFigure?.note ?? null,
      context,
    });
    checks.push({
      code: ind.code,
      parentCode: ind.parentCode,
      kind: ind.kind,
      decimals: ind.decimals,
      value: isFlow ? (thisYear?.month[m] ?? null) : ind.kind === "stock" ? (primary?.value ?? null) : null,
      yoyPct: ind.kind === "index" ? (cells.find((c) => c.key === "month")?.value ?? null) : null,
      momPct: ind.kind === "index" ? (cells.find((c) => c.key === "mom")?.value ?? null) : null,
      lastMonthValue: ind.kind === "index" ? null : context.lastMonth,
      sameMonthLastYearValue: ind.kind === "index" ? null : context.sameMonthLastYear,
      reportedLastMonth,
      reportedNow: Boolean(anyFigure),
    });
  }
  return { month: input.month, rows, warnings: monthWarnings(checks) };
}

export type { FieldKey };
