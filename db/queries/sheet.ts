import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { periodsOfMonth } from "@/lib/sheet";
import type { FigureIn, IndicatorIn, RevisionIn, TargetIn } from "@/lib/sheet-model";
import type { DbOrTx } from "../index";
import { figureRevisions, figures, indicators, targets } from "../schema";

/**
 * Everything the month's sheet is built from, in four queries whatever the number of indicators:
 * the catalogue, the province's figures of this year and last, the revisions of this month's
 * figures, and the year's targets.
 */
export async function getSheetInputs(db: DbOrTx, provinceId: string, month: string) {
  const year = Number(month.slice(0, 4));

  const [indicatorRows, figureRows, revisionRows, targetRows] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder)),
    db
      .select()
      .from(figures)
      .where(and(eq(figures.provinceId, provinceId), inArray(figures.year, [year, year - 1]))),
    db
      .select({
        indicator: figures.indicatorCode,
        period: figures.period,
        measure: figures.measure,
        version: figureRevisions.version,
        value: figureRevisions.value,
        vintage: figureRevisions.vintage,
      })
      .from(figureRevisions)
      .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
      .where(and(eq(figures.provinceId, provinceId), inArray(figures.period, periodsOfMonth(month)))),
    db
      .select()
      .from(targets)
      .where(and(eq(targets.provinceId, provinceId), eq(targets.year, year), isNull(targets.quarter))),
  ]);
  return {
    indicators: indicatorRows.map(
      (i): IndicatorIn => ({
        code: i.code,
        parentCode: i.parentCode,
        nameVi: i.nameVi,
        nameEn: i.nameEn,
        unit: i.unit,
        kind: i.kind,
        decimals: i.decimals,
        frequency: i.frequency,
      }),
    ),
    figures: figureRows.map(
      (f): FigureIn => ({
        indicator: f.indicatorCode,
        period: f.period,
        measure: f.measure,
        value: Number(f.value),
        vintage: f.vintage,
        note: f.note,
        version: f.version,
      }),
    ),
    revisions: revisionRows.map((r): RevisionIn => ({ ...r, value: Number(r.value) })),
    targets: targetRows.map(
      (t): TargetIn => ({
        indicator: t.indicatorCode,
        basis: t.basis,
        value: Number(t.value),
        valueMax: t.valueMax === null ? null : Number(t.valueMax),
        bound: t.bound,
      }),
    ),
  };
}
