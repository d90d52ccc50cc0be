/**
 * One indicator's months for a year, for the detail page's charts, table and CSV: the month's
 * value (entered, or derived from cumulatives for flows), the cumulative, the reported growth, and
 * the target path. Pure.
 */
import type { FigureInput, Kind, Vintage } from "./figure-types";
import { monthKey } from "./periods";
import { flowYear } from "./sheet-model";

export type MonthPoint = {
  month: number;
  value: number | null;
  cumulative: number | null;
  yoyPct: number | null;
  momPct: number | null;
  level: number | null;
  vintage: Vintage | null;
  note: string | null;
};

export function monthSeries(
  kind: Kind,
  figures: (FigureInput & { note?: string | null })[],
  year: number,
): MonthPoint[] {
  const index = new Map(figures.map((f) => [`${f.period}|${f.measure}`, f]));
  const get = (period: string, measure: FigureInput["measure"]) => index.get(`${period}|${measure}`);
  const flows = kind === "flow" || kind === "count";
  const series = flows
    ? flowYear(
        (_, period, measure) => {
          const f = get(period, measure);
          return (
            f && {
              indicator: "",
              period,
              measure,
              value: f.value,
              vintage: f.vintage,
              note: null,
              version: 0,
            }
          );
        },
        "",
        year,
      )
    : null;
  return Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const key = monthKey(year, m);
    const own = get(key, kind === "index" ? "yoy_pct" : "value") ?? get(key, "value") ?? get(key, "level");
    return {
      month: m,
      value: series ? series.month[m] : (get(key, "value")?.value ?? null),
      cumulative: series ? series.cumulative[m] : null,
      yoyPct: get(key, "yoy_pct")?.value ?? null,
      momPct: get(key, "mom_pct")?.value ?? null,
      level: get(key, "level")?.value ?? null,
      vintage: own?.vintage ?? null,
      note: own?.note ?? null,
    };
  });
}

/**
 * Where the cumulative should be by each month to reach `target` by December: last year's seasonal
 * profile where last year is complete, otherwise a straight line (domain.md §5, expected by now).
 */
export function targetPath(target: number, lastYear: MonthPoint[]): number[] {
  const total = lastYear[11]?.cumulative ?? null;
  const seasonal = total !== null && total > 0 && lastYear.every((p) => p.cumulative !== null);
  return lastYear.map((p, i) =>
    seasonal ? (target * (p.cumulative as number)) / total : (target * (i + 1)) / 12,
  );
}
