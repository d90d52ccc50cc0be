import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../index";
import {
  figureRevisions,
  figures,
  indicators,
  periodTransitions,
  provinces,
  targetRevisions,
  targets,
  users,
} from "../schema";

/**
 * What changed since `since` in these provinces (null: all): figures revised (the value before and
 * after, by whom), months submitted / approved / returned / reopened, and targets changed. Three
 * queries, each newest first and cut at `limit`.
 */
export async function changesSince(db: DbOrTx, provinceIds: string[] | null, since: Date, limit = 15) {
  const previous = alias(figureRevisions, "previous");
  const previousTarget = alias(targetRevisions, "previous_target");
  const inScope = (column: AnyPgColumn) => (provinceIds ? inArray(column, provinceIds) : undefined);
  const [revised, months, targetChanges] = await Promise.all([
    db
      .select({
        provinceId: figures.provinceId,
        provinceVi: provinces.nameVi,
        provinceEn: provinces.nameEn,
        indicatorVi: indicators.nameVi,
        indicatorEn: indicators.nameEn,
        period: figures.period,
        measure: figures.measure,
        before: previous.value,
        after: figureRevisions.value,
        by: users.displayName,
        at: figureRevisions.enteredAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(figureRevisions)
      .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
      .innerJoin(
        previous,
        and(
          eq(previous.figureId, figureRevisions.figureId),
          eq(previous.version, sql`${figureRevisions.version} - 1`),
        ),
      )
      .innerJoin(indicators, eq(indicators.code, figures.indicatorCode))
      .innerJoin(provinces, eq(provinces.id, figures.provinceId))
      .leftJoin(users, eq(users.id, figureRevisions.enteredBy))
      .where(and(gt(figureRevisions.enteredAt, since), inScope(figures.provinceId)))
      .orderBy(desc(figureRevisions.enteredAt), desc(figureRevisions.id))
      .limit(limit),
    db
      .select({
        provinceId: periodTransitions.provinceId,
        provinceVi: provinces.nameVi,
        provinceEn: provinces.nameEn,
        period: periodTransitions.period,
        action: periodTransitions.action,
        reason: periodTransitions.reason,
        by: users.displayName,
        at: periodTransitions.at,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(periodTransitions)
      .innerJoin(provinces, eq(provinces.id, periodTransitions.provinceId))
      .leftJoin(users, eq(users.id, periodTransitions.userId))
      .where(
        and(
          gt(periodTransitions.at, since),
          inArray(periodTransitions.action, ["submit", "approve", "return", "reopen"]),
          inScope(periodTransitions.provinceId),
        ),
      )
      .orderBy(desc(periodTransitions.at), desc(periodTransitions.id))
      .limit(limit),
    db
      .select({
        provinceId: targets.provinceId,
        provinceVi: provinces.nameVi,
        provinceEn: provinces.nameEn,
        indicatorVi: indicators.nameVi,
        indicatorEn: indicators.nameEn,
        year: targets.year,
        quarter: targets.quarter,
        before: previousTarget.value,
        after: targetRevisions.value,
        by: users.displayName,
        at: targetRevisions.updatedAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(targetRevisions)
      .innerJoin(targets, eq(targets.id, targetRevisions.targetId))
      .leftJoin(
        previousTarget,
        and(
          eq(previousTarget.targetId, targetRevisions.targetId),
          eq(previousTarget.version, sql`${targetRevisions.version} - 1`),
        ),
      )
      .innerJoin(indicators, eq(indicators.code, targets.indicatorCode))
      .innerJoin(provinces, eq(provinces.id, targets.provinceId))
      .leftJoin(users, eq(users.id, targetRevisions.updatedBy))
      // Targets people set (the seed's have no author).
      .where(
        and(
          gt(targetRevisions.updatedAt, since),
          isNotNull(targetRevisions.updatedBy),
          inScope(targets.provinceId),
        ),
      )
      .orderBy(desc(targetRevisions.updatedAt), desc(targetRevisions.id))
      .limit(limit),
  ]);
  return { revised, months, targets: targetChanges };
}
export type Changes = Awaited<ReturnType<typeof changesSince>>;
