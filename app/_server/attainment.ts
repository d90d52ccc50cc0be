import "server-only";
import type { DbOrTx } from "@/db";
import { type AttainmentData, getAttainmentData } from "@/db/queries/attainment";
import { listIndicators } from "@/db/queries/reference";
import type { Indicator, Province } from "@/db/schema";
import {
  type AttainmentRow,
  computeAttainment,
  type FigureInput,
  type SamePeriodReason,
  type TargetInput,
} from "@/lib/attainment";
import { predecessorMonths } from "@/lib/merger";
import { parsePeriod, periodMonths, samePeriodLastYear } from "@/lib/periods";

/**
 * An attainment row as the API returns it: percentages to 2 decimals, amounts to the indicator's;
 * `provisional` when a month of the period is not approved yet (draft, submitted or returned), and
 * which months (`monthsNotApproved`, e.g. ["2026-10"]).
 */
export type ApiAttainmentRow = AttainmentRow & {
  provinceId: string;
  provisional: boolean;
  monthsNotApproved: string[];
};

const round = (value: number | null, decimals: number) => {
  if (value === null) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

function forApi(row: AttainmentRow, indicator: Indicator): AttainmentRow {
  const amount = indicator.kind === "index" ? 2 : indicator.decimals;
  return {
    ...row,
    actual: round(row.actual, row.actual !== null && indicator.kind === "rate" ? 2 : amount),
    samePeriodLastYear: round(row.samePeriodLastYear, amount),
    yearToDate: round(row.yearToDate, amount),
    pctOfSamePeriod: round(row.pctOfSamePeriod, 2),
    growthPct: round(row.growthPct, 2),
    momPct: round(row.momPct, 2),
    pctOfPlan: round(row.pctOfPlan, 2),
    gapPp: round(row.gapPp, 2),
    // A growth target's expected path is a rate; a level target's an amount.
    expectedByNow: round(row.expectedByNow, row.target?.basis === "growth" ? 2 : amount),
    requiredPerRemainingMonth: round(row.requiredPerRemainingMonth, amount),
    requiredGrowthPct: round(row.requiredGrowthPct, 2),
    projection: round(row.projection, amount),
  };
}

type Figure = AttainmentData["figures"][number];
type Target = AttainmentData["targets"][number];

/** Groups rows by a key in one pass. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const toFigure = (f: Figure): FigureInput => ({
  period: f.period,
  measure: f.measure,
  value: Number(f.value),
  vintage: f.vintage,
});
const toTarget = (t: Target): TargetInput => ({
  basis: t.basis,
  value: Number(t.value),
  valueMax: t.valueMax === null ? null : Number(t.valueMax),
  bound: t.bound,
  quarter: t.quarter,
  document: t.document,
});

type Indexed = {
  figuresBy: Map<string, Figure[]>;
  targetsBy: Map<string, Target[]>;
  /** "provinceId|2026-10" → the month's status; months with figures and no status row are drafts. */
  monthStatus: Map<string, string>;
};

function indexData(data: AttainmentData): Indexed {
  const monthStatus = new Map<string, string>();
  for (const f of data.figures) {
    if (/^\d{4}-\d{2}$/.test(f.period)) monthStatus.set(`${f.provinceId}|${f.period}`, "draft");
  }
  for (const s of data.monthStatuses) monthStatus.set(`${s.provinceId}|${s.period}`, s.status);
  return {
    figuresBy: groupBy(data.figures, (f) => `${f.provinceId}|${f.indicator}`),
    targetsBy: groupBy(data.targets, (t) => `${t.provinceId}|${t.indicatorCode}`),
    monthStatus,
  };
}

/**
 * The months of a period whose figures are not approved yet (draft, submitted or returned), for a
 * province: its own months, and before the 2025 merger its predecessors' (whose figures its rows
 * are built on). A month nobody entered anything for is not listed. The one place month statuses
 * are read for attainment (an attainment cache keys on it).
 */
export function monthsNotApproved(
  indexed: Pick<Indexed, "monthStatus">,
  province: Province,
  predecessors: Province[],
  period: string,
): string[] {
  const p = parsePeriod(period);
  if (!p) return [];
  const mergedFrom = province.validFrom?.slice(0, 7) ?? null;
  return periodMonths(p).filter((month) => {
    const owners = mergedFrom && month < mergedFrom && predecessors.length > 0 ? predecessors : [province];
    return owners.some((o) => {
      const status = indexed.monthStatus.get(`${o.id}|${month}`);
      return status !== undefined && status !== "approved";
    });
  });
}

/**
 * Whether a successor province's comparison is missing because of the 2025 merger: last year's
 * period, or this one, reaches back before the province existed (its predecessors' months).
 */
function lostToMerger(province: Province, period: string, reason: SamePeriodReason | null): boolean {
  const p = parsePeriod(period);
  const mergedFrom = province.validFrom?.slice(0, 7);
  if (!p || !mergedFrom) return false;
  const before = (months: string[]) => months.some((m) => m < mergedFrom);
  if (reason === "no_actual") return before(periodMonths(p));
  if (reason === "no_same_period")
    return before([...periodMonths(p), ...periodMonths(samePeriodLastYear(p))]);
  return false;
}
const predecessorsOf = (data: AttainmentData, province: Province) =>
  data.provinces.filter((p) => p.successorId === province.id && p.id !== province.id);

/**
 * A province's figures of one indicator. For a successor province, its months before the merger
 * come from its predecessors where the indicator adds up (lib/merger.ts); the notes say where not.
 */
function mergedFigures(indexed: Indexed, province: Province, predecessors: Province[], indicator: Indicator) {
  const own = (indexed.figuresBy.get(`${province.id}|${indicator.code}`) ?? []).map(toFigure);
  if (!province.validFrom || predecessors.length === 0) return { figures: own, notes: [] };
  const merged = predecessorMonths(
    indicator.kind,
    province.validFrom.slice(0, 7),
    predecessors.map((p) => ({
      id: p.id,
      name: p.nameVi,
      figures: (indexed.figuresBy.get(`${p.id}|${indicator.code}`) ?? []).map(toFigure),
    })),
  );
  const added = merged.figures.filter(
    (m) => !own.some((o) => o.period === m.period && o.measure === m.measure),
  );
  return { figures: [...own, ...added], notes: merged.notes };
}

/** The figures an indicator's attainment for a province is computed from, predecessors' months included. */
export function provinceFigures(
  data: AttainmentData,
  province: Province,
  indicator: Indicator,
): FigureInput[] {
  return mergedFigures(indexData(data), province, predecessorsOf(data, province), indicator).figures;
}

/** Attainment of a province's indicators for a period: one row per indicator with figures or a target. */
function computeProvince(
  indexed: Indexed,
  province: Province,
  predecessors: Province[],
  indicators: Indicator[],
  period: string,
): ApiAttainmentRow[] {
  const rows: ApiAttainmentRow[] = [];
  // Months are approved for the whole province, not per indicator.
  const pending = monthsNotApproved(indexed, province, predecessors, period);
  for (const indicator of indicators) {
    const { figures, notes } = mergedFigures(indexed, province, predecessors, indicator);
    const goals = (indexed.targetsBy.get(`${province.id}|${indicator.code}`) ?? []).map(toTarget);
    if (figures.length === 0 && goals.length === 0) continue;
    const row = computeAttainment({
      indicator: {
        code: indicator.code,
        kind: indicator.kind,
        direction: indicator.direction,
        decimals: indicator.decimals,
        unit: indicator.unit,
      },
      period,
      figures,
      targets: goals,
    });
    // The merger's notes matter only where last year could not be had.
    const relevant = row.samePeriodLastYear === null && row.growthPct === null ? notes : [];
    const merger = predecessors.length > 0 && lostToMerger(province, period, row.samePeriodReason);
    rows.push({
      ...forApi(row, indicator),
      samePeriodReason: !merger
        ? row.samePeriodReason
        : indicator.kind === "flow" || indicator.kind === "count"
          ? "merger_incomplete"
          : "merger_not_additive",
      notes: [...row.notes, ...relevant],
      provinceId: province.id,
      provisional: pending.length > 0,
      monthsNotApproved: [...pending],
    });
  }
  return rows;
}

/** Attainment rows of a province from data already read (for pages that need more than the rows). */
export function attainmentFromData(
  data: AttainmentData,
  province: Province,
  indicators: Indicator[],
  period: string,
) {
  return computeProvince(indexData(data), province, predecessorsOf(data, province), indicators, period);
}

/** `GET /provinces/{id}/attainment?period=…`: one row per indicator with figures or a target. */
export async function provinceAttainment(db: DbOrTx, province: Province, period: string) {
  const year = parsePeriod(period)?.year as number;
  const [indicators, data] = await Promise.all([
    listIndicators(db),
    getAttainmentData(db, { provinceIds: [province.id], year }),
  ]);
  return attainmentFromData(data, province, indicators, period);
}

/** `GET /attainment?period=…&indicator=…`: one row per province with figures or a target for it. */
export async function nationalAttainment(db: DbOrTx, indicator: Indicator, period: string) {
  const year = parsePeriod(period)?.year as number;
  const data = await getAttainmentData(db, { indicator: indicator.code, year });
  const indexed = indexData(data);
  const withYearData = new Set([
    ...data.figures.filter((f) => f.period.startsWith(String(year))).map((f) => f.provinceId),
    ...data.targets.map((t) => t.provinceId),
  ]);
  return data.provinces
    .filter((p) => withYearData.has(p.id))
    .flatMap((p) => computeProvince(indexed, p, predecessorsOf(data, p), [indicator], period));
}
