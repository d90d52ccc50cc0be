import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { figureRevisions, figures, indicators, periodStatuses, users } from "../schema";

/**
 * The month a period ends in (`2024-Q1` → `2024-03`, `2024-YTD06` → `2024-06`, `2024` → `2024-12`),
 * so that periods of different kinds sort together. A figure's workflow status is its end month's.
 */
const endMonth = sql<string>`case
  when ${figures.period} ~ '^[0-9]{4}$' then ${figures.period} || '-12'
  when ${figures.period} ~ '-Q[1-4]$' then substr(${figures.period}, 1, 5) || lpad((substr(${figures.period}, 7, 1)::int * 3)::text, 2, '0')
  when ${figures.period} ~ '-YTD' then substr(${figures.period}, 1, 5) || substr(${figures.period}, 9, 2)
  else ${figures.period} end`;

export type FigureFilter = { period?: string; indicator?: string; year?: number };

/** The figures of a province, each with the status of its month, newest period first. */
export async function listFigures(db: DbOrTx, provinceId: string, filter: FigureFilter = {}) {
  const conditions = [eq(figures.provinceId, provinceId)];
  if (filter.period) conditions.push(eq(figures.period, filter.period));
  if (filter.indicator) conditions.push(eq(figures.indicatorCode, filter.indicator));
  if (filter.year) conditions.push(eq(figures.year, filter.year));
  const [rows, statuses] = await Promise.all([
    db
      .select({
        id: figures.id,
        indicator: figures.indicatorCode,
        period: figures.period,
        measure: figures.measure,
        value: figures.value,
        vintage: figures.vintage,
        note: figures.note,
        version: figures.version,
        enteredBy: users.username,
        enteredAt: figures.enteredAt,
        endMonth,
      })
      .from(figures)
      .leftJoin(users, eq(users.id, figures.enteredBy))
      .innerJoin(indicators, eq(indicators.code, figures.indicatorCode))
      .where(and(...conditions))
      .orderBy(desc(endMonth), asc(indicators.sortOrder), asc(figures.period), asc(figures.measure)),
    db
      .select({ period: periodStatuses.period, status: periodStatuses.status })
      .from(periodStatuses)
      .where(eq(periodStatuses.provinceId, provinceId)),
  ]);
  const statusOf = new Map(statuses.map((s) => [s.period, s.status]));
  return rows.map(({ endMonth: month, ...row }) => ({ ...row, status: statusOf.get(month) ?? "draft" }));
}
export type FigureRow = Awaited<ReturnType<typeof listFigures>>[number];

/** Every version of the given figures, oldest first. */
export function listFigureRevisions(db: DbOrTx, figureIds: number[]) {
  if (figureIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      figureId: figureRevisions.figureId,
      version: figureRevisions.version,
      value: figureRevisions.value,
      vintage: figureRevisions.vintage,
      note: figureRevisions.note,
      enteredBy: users.username,
      enteredAt: figureRevisions.enteredAt,
    })
    .from(figureRevisions)
    .leftJoin(users, eq(users.id, figureRevisions.enteredBy))
    .where(inArray(figureRevisions.figureId, figureIds))
    .orderBy(asc(figureRevisions.figureId), asc(figureRevisions.version));
}

/** The notes on one indicator's figures of these units for a year (for the months' table and CSV). */
export function listFigureNotes(db: DbOrTx, provinceIds: string[], indicator: string, year: number) {
  if (provinceIds.length === 0) return Promise.resolve([]);
  return db
    .select({ provinceId: figures.provinceId, period: figures.period, note: figures.note })
    .from(figures)
    .where(
      and(
        inArray(figures.provinceId, provinceIds),
        eq(figures.indicatorCode, indicator),
        eq(figures.year, year),
        sql`${figures.note} is not null`,
      ),
    )
    .orderBy(asc(figures.provinceId), asc(figures.period), asc(figures.measure));
}
