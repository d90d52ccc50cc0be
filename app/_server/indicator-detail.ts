import "server-only";
import type { DbOrTx } from "@/db";
import { getAttainmentData } from "@/db/queries/attainment";
import { listFigureNotes } from "@/db/queries/figures";
import { getIndicator } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { CSV_BOM, CSV_DIALECTS, csvLine } from "@/lib/csv";
import type { Locale } from "@/lib/format";
import { type MonthPoint, monthSeries, targetPath } from "@/lib/indicator-series";
import { attainmentSoFar, indexOverMonths } from "@/lib/partial-period";
import { monthKey, parsePeriod } from "@/lib/periods";
import { attainmentFromData, provinceFigures } from "./attainment";

/**
 * One indicator of one province for a year: its attainment for the period, its months this year
 * and last with the notes on their figures, the year's target with its document, and the
 * cumulative path to the target. Four queries whatever the number of months.
 */
export async function indicatorDetail(
  db: DbOrTx,
  province: Province,
  code: string,
  period: string,
  latestMonth: string | null = null,
) {
  const year = parsePeriod(period)?.year as number;
  const [indicator, data] = await Promise.all([
    getIndicator(db, code),
    getAttainmentData(db, { provinceIds: [province.id], indicator: code, year }),
  ]);
  if (!indicator) return null;
  const predecessors = data.provinces.filter((p) => p.successorId === province.id && p.id !== province.id);
  const notes = await listFigureNotes(db, [province.id, ...predecessors.map((p) => p.id)], code, year);
  const figures = provinceFigures(data, province, indicator);
  // A period not yet over shows what its months so far have (lib/partial-period.ts).
  const { rows, coverage } = attainmentSoFar(
    period,
    latestMonth,
    (key) => attainmentFromData(data, province, [indicator], key),
    () => indicator.kind,
    (_, months) => indexOverMonths(figures, months),
  );
  const [row] = rows;
  const thisYear = withNotes(
    monthSeries(indicator.kind, figures, year),
    year,
    notes,
    province.id,
    predecessors,
  );
  const lastYear = monthSeries(indicator.kind, figures, year - 1);
  const target = data.targets.find((t) => t.provinceId === province.id && t.quarter === null) ?? null;
  const scenarios = data.targets.filter((t) => t.provinceId === province.id && t.quarter !== null);
  // The amount the year aims at: a level target, or the level a growth target implies for a flow.
  const lastYearTotal = lastYear[11].cumulative;
  const aim =
    target && (indicator.kind === "flow" || indicator.kind === "count")
      ? target.basis === "level"
        ? Number(target.value)
        : lastYearTotal !== null
          ? (1 + Number(target.value) / 100) * lastYearTotal
          : null
      : null;
  return {
    indicator,
    row: row ?? null,
    coverage,
    year,
    thisYear,
    lastYear,
    target,
    scenarios,
    path: aim === null ? null : targetPath(aim, lastYear),
  };
}
export type IndicatorDetail = NonNullable<Awaited<ReturnType<typeof indicatorDetail>>>;

/**
 * Each month's note: the notes on the province's own figures of that month, else (months before
 * the 2025 merger) its predecessors', each named.
 */
function withNotes(
  months: MonthPoint[],
  year: number,
  notes: { provinceId: string; period: string; note: string | null }[],
  provinceId: string,
  predecessors: { id: string; nameVi: string }[],
): MonthPoint[] {
  const nameOf = new Map(predecessors.map((p) => [p.id, p.nameVi]));
  return months.map((p) => {
    const key = monthKey(year, p.month);
    const here = notes.filter((n) => n.period === key && n.note);
    const own = here.filter((n) => n.provinceId === provinceId).map((n) => n.note as string);
    const text = own.length
      ? [...new Set(own)]
      : [...new Set(here.map((n) => `${nameOf.get(n.provinceId) ?? n.provinceId}: ${n.note}`))];
    return { ...p, note: text.length ? text.join("; ") : p.note };
  });
}

/** The words of the months' CSV: the detail page's column names and vintages, in the reader's language. */
export type MonthsCsvWords = {
  header: [string, string, string, string, string, string, string, string, string];
  vintage: (v: string) => string;
  month: (month: number) => string;
};

/**
 * The months as CSV for Excel (lib/csv.ts): the reader's language and the dialect their Excel
 * expects (Vietnamese: ";" and decimal comma), numbers as numbers, the notes of the figures.
 */
export function monthsCsv(detail: IndicatorDetail, words: MonthsCsvWords, locale: Locale): string {
  const dialect = CSV_DIALECTS[locale];
  const lines = detail.thisYear.map((p, i) =>
    csvLine(
      [
        words.month(p.month),
        p.value,
        p.cumulative,
        p.yoyPct,
        p.momPct,
        p.level,
        p.vintage ? words.vintage(p.vintage) : null,
        detail.lastYear[i].value,
        p.note,
      ],
      dialect,
    ),
  );
  return `${CSV_BOM}${csvLine(words.header, dialect)}${lines.join("")}`;
}
