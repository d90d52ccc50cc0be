import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { indicators, targets } from "../schema";

/** A province's targets, newest year first, in catalogue order, the year's target before its scenarios. */
export function listTargets(db: DbOrTx, provinceId: string, year?: number) {
  return db
    .select({
      indicator: targets.indicatorCode,
      year: targets.year,
      quarter: targets.quarter,
      basis: targets.basis,
      value: targets.value,
      valueMax: targets.valueMax,
      bound: targets.bound,
      document: targets.document,
      version: targets.version,
    })
    .from(targets)
    .innerJoin(indicators, eq(indicators.code, targets.indicatorCode))
    .where(
      year
        ? and(eq(targets.provinceId, provinceId), eq(targets.year, year))
        : eq(targets.provinceId, provinceId),
    )
    .orderBy(desc(targets.year), asc(indicators.sortOrder), sql`${targets.quarter} asc nulls first`);
}
