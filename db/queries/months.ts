import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { figures, periodStatuses } from "../schema";

/** The latest month for which the province (or, without one, any province) has a monthly figure. */
export async function latestFigureMonth(db: DbOrTx, provinceId?: string): Promise<string | null> {
  const monthly = sql`${figures.period} ~ '^[0-9]{4}-[0-9]{2}$'`;
  const [row] = await db
    .select({ period: figures.period })
    .from(figures)
    .where(provinceId ? sql`${eq(figures.provinceId, provinceId)} and ${monthly}` : monthly)
    .orderBy(desc(figures.period))
    .limit(1);
  return row?.period ?? null;
}

/** The latest month any province has approved (final figures), or null when none has. */
export async function latestApprovedMonth(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ period: periodStatuses.period })
    .from(periodStatuses)
    .where(sql`${eq(periodStatuses.status, "approved")} and ${periodStatuses.period} ~ '^[0-9]{4}-[0-9]{2}$'`)
    .orderBy(desc(periodStatuses.period))
    .limit(1);
  return row?.period ?? null;
}
