import "server-only";
import type { DbOrTx } from "@/db";
import { getAttainmentData } from "@/db/queries/attainment";
import { latestFigureMonth } from "@/db/queries/months";
import { listIndicators } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { parsePeriod } from "@/lib/periods";
import { attainmentFromData } from "./attainment";

/**
 * Everything the province dashboard shows, in a fixed number of queries (six) whatever the
 * number of indicators, months or predecessors: the period defaults to the latest month with figures.
 */
export async function getDashboard(db: DbOrTx, province: Province, requestedPeriod?: string) {
  const [latest, indicators] = await Promise.all([latestFigureMonth(db, province.id), listIndicators(db)]);
  const period = requestedPeriod && parsePeriod(requestedPeriod) ? requestedPeriod : latest;
  if (!period) return { latest, period: null, indicators, rows: [] };
  const data = await getAttainmentData(db, {
    provinceIds: [province.id],
    year: parsePeriod(period)?.year as number,
  });
  return { latest, period, indicators, rows: attainmentFromData(data, province, indicators, period) };
}
