import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { figures } from "../schema";

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
