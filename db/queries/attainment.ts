import "server-only";
import { and, eq, inArray, like } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { figures, periodStatuses, provinces, targets } from "../schema";

/**
 * What attainment is computed from, in four queries whatever the number of indicators, months or
 * provinces: the provinces (with the predecessors of each successor), their figures of the year
 * and the year before, the year's targets, and the status of the year's months (approved or not:
 * rows built on months not approved are provisional). `indicator` narrows to one indicator.
 */
export async function getAttainmentData(
  db: DbOrTx,
  scope: { provinceIds?: string[]; indicator?: string; year: number },
) {
  const provinceRows = await db.select().from(provinces);
  const wanted = scope.provinceIds
    ? new Set([
        ...scope.provinceIds,
        ...provinceRows
          .filter((p) => p.successorId && scope.provinceIds?.includes(p.successorId))
          .map((p) => p.id),
      ])
    : null;
  const figureConditions = [inArray(figures.year, [scope.year - 1, scope.year])];
  const targetConditions = [eq(targets.year, scope.year)];
  const statusConditions = [like(periodStatuses.period, `${scope.year}-%`)];
  if (wanted) {
    figureConditions.push(inArray(figures.provinceId, [...wanted]));
    targetConditions.push(inArray(targets.provinceId, [...wanted]));
    statusConditions.push(inArray(periodStatuses.provinceId, [...wanted]));
  }
  if (scope.indicator) {
    figureConditions.push(eq(figures.indicatorCode, scope.indicator));
    targetConditions.push(eq(targets.indicatorCode, scope.indicator));
  }
  const [figureRows, targetRows, statusRows] = await Promise.all([
    db
      .select({
        provinceId: figures.provinceId,
        indicator: figures.indicatorCode,
        period: figures.period,
        measure: figures.measure,
        value: figures.value,
        vintage: figures.vintage,
      })
      .from(figures)
      .where(and(...figureConditions)),
    db
      .select()
      .from(targets)
      .where(and(...targetConditions)),
    db
      .select({
        provinceId: periodStatuses.provinceId,
        period: periodStatuses.period,
        status: periodStatuses.status,
      })
      .from(periodStatuses)
      .where(and(...statusConditions)),
  ]);
  return { provinces: provinceRows, figures: figureRows, targets: targetRows, monthStatuses: statusRows };
}
export type AttainmentData = Awaited<ReturnType<typeof getAttainmentData>>;
