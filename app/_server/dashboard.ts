import "server-only";
import type { DbOrTx } from "@/db";
import { getAttainmentData } from "@/db/queries/attainment";
import { latestFigureMonth } from "@/db/queries/months";
import { listIndicators } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { attainmentSoFar, indexOverMonths, shownPeriod } from "@/lib/partial-period";
import { parsePeriod } from "@/lib/periods";
import { attainmentFromData, provinceFigures } from "./attainment";

/**
 * Everything the province dashboard shows, in a fixed number of queries (six) whatever the
 * number of indicators, months or predecessors: the period defaults to the latest month with figures.
 */
export async function getDashboard(db: DbOrTx, province: Province, requestedPeriod?: string) {
  const [latest, indicators] = await Promise.all([latestFigureMonth(db, province.id), listIndicators(db)]);
  const period = shownPeriod(requestedPeriod, latest);
  if (!period) return { latest, period: null, indicators, rows: [], coverage: null };
  const data = await getAttainmentData(db, {
    provinceIds: [province.id],
    year: parsePeriod(period)?.year as number,
  });
  // A period not yet over shows what its months so far have (lib/partial-period.ts).
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const { rows, coverage } = attainmentSoFar(
    period,
    latest,
    (key) => attainmentFromData(data, province, indicators, key),
    (code) => byCode.get(code)?.kind ?? "flow",
    (row, months) => {
      const indicator = byCode.get(row.indicator);
      return indicator ? indexOverMonths(provinceFigures(data, province, indicator), months) : null;
    },
  );
  return { latest, period, indicators, rows, coverage };
}
