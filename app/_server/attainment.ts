import "server-only";
import type { DbOrTx } from "@/db";
import { type AttainmentData, getAttainmentData } from "@/db/queries/attainment";
import { listIndicators } from "@/db/queries/reference";
import type { Indicator, Province } from "@/db/schema";
import { type AttainmentRow, computeAttainment, type FigureInput, type TargetInput } from "@/lib/attainment";
import { predecessorMonths } from "@/lib/merger";
import { parsePeriod } from "@/lib/periods";

/** An attainment row as the API returns it: percentages to 2 decimals, amounts to the indicator's. */
export type ApiAttainmentRow = AttainmentRow & { provinceId: string };

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

/**
 * Attainment of one province's indicators for a period. A successor province's months before the
 * merger come from its predecessors where the indicator adds up (lib/merger.ts).
 */
function computeProvince(
  province: Province,
  predecessors: Province[],
  indicators: Indicator[],
  period: string,
  figuresBy: Map<string, Figure[]>,
  targetsBy: Map<string, Target[]>,
  locale: "vi" | "en" = "vi",
): ApiAttainmentRow[] {
  const rows: ApiAttainmentRow[] = [];
  for (const indicator of indicators) {
    const own = (figuresBy.get(`${province.id}|${indicator.code}`) ?? []).map(toFigure);
    const goals = (targetsBy.get(`${province.id}|${indicator.code}`) ?? []).map(toTarget);
    const merged =
      province.validFrom && predecessors.length > 0
        ? predecessorMonths(
            indicator.kind,
            province.validFrom.slice(0, 7),
            predecessors.map((p) => ({
              id: p.id,
              name: locale === "en" ? p.nameEn : p.nameVi,
              figures: (figuresBy.get(`${p.id}|${indicator.code}`) ?? []).map(toFigure),
            })),
          )
        : { figures: [], notes: [] };
    if (own.length === 0 && goals.length === 0) continue;
    const row = computeAttainment({
      indicator: {
        code: indicator.code,
        kind: indicator.kind,
        direction: indicator.direction,
        decimals: indicator.decimals,
        unit: indicator.unit,
      },
      period,
      figures: [
        ...own,
        ...merged.figures.filter((m) => !own.some((o) => o.period === m.period && o.measure === m.measure)),
      ],
      targets: goals,
    });
    const relevant = row.samePeriodLastYear === null && row.growthPct === null ? merged.notes : [];
    rows.push({ ...forApi(row, indicator), notes: [...row.notes, ...relevant], provinceId: province.id });
  }
  return rows;
}

function indexData(data: AttainmentData) {
  return {
    figuresBy: groupBy(data.figures, (f) => `${f.provinceId}|${f.indicator}`),
    targetsBy: groupBy(data.targets, (t) => `${t.provinceId}|${t.indicatorCode}`),
  };
}

/** `GET /provinces/{id}/attainment?period=…`: one row per indicator with figures or a target. */
export async function provinceAttainment(db: DbOrTx, province: Province, period: string) {
  const year = parsePeriod(period)?.year as number;
  const [indicators, data] = await Promise.all([
    listIndicators(db),
    getAttainmentData(db, { provinceIds: [province.id], year }),
  ]);
  const predecessors = data.provinces.filter((p) => p.successorId === province.id && p.id !== province.id);
  const { figuresBy, targetsBy } = indexData(data);
  return computeProvince(province, predecessors, indicators, period, figuresBy, targetsBy);
}

/** `GET /attainment?period=…&indicator=…`: one row per province with figures or a target for it. */
export async function nationalAttainment(db: DbOrTx, indicator: Indicator, period: string) {
  const year = parsePeriod(period)?.year as number;
  const data = await getAttainmentData(db, { indicator: indicator.code, year });
  const { figuresBy, targetsBy } = indexData(data);
  const withYearData = new Set([
    ...data.figures.filter((f) => f.period.startsWith(String(year))).map((f) => f.provinceId),
    ...data.targets.map((t) => t.provinceId),
  ]);
  return data.provinces
    .filter((p) => withYearData.has(p.id))
    .flatMap((p) =>
      computeProvince(
        p,
        data.provinces.filter((q) => q.successorId === p.id && q.id !== p.id),
        [indicator],
        period,
        figuresBy,
        targetsBy,
      ),
    );
}
