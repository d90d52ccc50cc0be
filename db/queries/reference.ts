import "server-only";
import { asc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { indicators, provinces } from "../schema";

export function listIndicators(db: DbOrTx) {
  return db.select().from(indicators).orderBy(asc(indicators.sortOrder));
}

export function listProvinces(db: DbOrTx) {
  return db.select().from(provinces).orderBy(asc(provinces.code), asc(provinces.id));
}

export async function getProvince(db: DbOrTx, id: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.id, id));
  return row ?? null;
}

/** A province and the former units it took over (successor = it), the province itself first. */
export async function getProvinceWithPredecessors(db: DbOrTx, id: string) {
  const rows = await db
    .select()
    .from(provinces)
    .where(or(eq(provinces.id, id), eq(provinces.successorId, id)))
    .orderBy(asc(provinces.code), asc(provinces.id));
  return rows.sort((a, b) => Number(b.id === id) - Number(a.id === id));
}

export async function getIndicator(db: DbOrTx, code: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  return row ?? null;
}
