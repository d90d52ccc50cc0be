import { CSV_BOM, csvField } from "@/lib/csv";
import "server-only";
import type { DbOrTx } from "@/db";
import { getAttainmentData } from "@/db/queries/attainment";
import { getIndicator } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { monthSeries, targetPath } from "@/lib/indicator-series";
import { parsePeriod } from "@/lib/periods";
import { attainmentFromData, provinceFigures } from "./attainment";

/**
 * One indicator of one province for a year: its attainment for the period, its months this year
 * and last, the year's target with its document, and the cumulative path to the target. Three
 * queries whatever the number of months.
 */
export async function indicatorDetail(db: DbOrTx, province: Province, code: string, period: string) {
  const year = parsePeriod(period)?.year as number;
  const [indicator, data] = await Promise.all([
    getIndicator(db, code),
    getAttainmentData(db, { provinceIds: [province.id], indicator: code, year }),
  ]);
  if (!indicator) return null;
  const figures = provinceFigures(data, province, indicator);
  const [row] = attainmentFromData(data, province, [indicator], period);
  const thisYear = monthSeries(indicator.kind, figures, year);
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
    year,
    thisYear,
    lastYear,
    target,
    scenarios,
    path: aim === null ? null : targetPath(aim, lastYear),
  };
}
export type IndicatorDetail = NonNullable<Awaited<ReturnType<typeof indicatorDetail>>>;

/** The months as CSV (UTF-8 with BOM so Excel reads Vietnamese; numbers with a dot). */
export function monthsCsv(detail: IndicatorDetail): string {
  const header = [
    "month",
    "value",
    "cumulative",
    "yoy_pct",
    "mom_pct",
    "level",
    "vintage",
    "same_month_last_year",
    "note",
  ];
  // Numbers as numbers (a dot, no grouping, a minus kept); text through csvField, which also
  // defuses spreadsheet formulas in notes typed by people.
  const number = (v: number | null) => (v === null ? "" : String(v));
  const lines = detail.thisYear.map((p, i) =>
    [
      `${detail.year}-${String(p.month).padStart(2, "0")}`,
      number(p.value),
      number(p.cumulative),
      number(p.yoyPct),
      number(p.momPct),
      number(p.level),
      csvField(p.vintage),
      number(detail.lastYear[i].value),
      csvField(p.note),
    ].join(","),
  );
  return `${CSV_BOM}${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
