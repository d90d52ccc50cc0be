import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { figures } from "../schema";

/** The latest month for which the province has any monthly figure, or null. */
export async function latestFigureMonth(db: DbOrTx, provinceId: string): Promise<string | null> {
  const [row] = await db
    .select({ period: figures.period })
    .from(figures)
    .where(sql`${eq(figures.provinceId, provinceId)} and ${figures.period} ~ '^[0-9]{4}-[0-9]{2}$'`)
    .orderBy(desc(figures.period))
    .limit(1);
  return row?.period ?? null;
}
