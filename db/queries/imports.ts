import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { LayoutMapping } from "@/lib/import/layout";
import type { CurrentFigure, ImportWrite } from "@/lib/import/preview";
import type { DbOrTx } from "../index";
import { figures, importMappings, imports, periodStatuses } from "../schema";

/** The figures saved now for the given keys' periods, by `indicator|period|measure`. */
export async function currentFigures(db: DbOrTx, provinceId: string, periods: string[]) {
  const rows = periods.length
    ? await db
        .select({
          indicator: figures.indicatorCode,
          period: figures.period,
          measure: figures.measure,
          value: figures.value,
          version: figures.version,
          vintage: figures.vintage,
          note: figures.note,
        })
        .from(figures)
        .where(and(eq(figures.provinceId, provinceId), inArray(figures.period, [...new Set(periods)])))
    : [];
  return new Map<string, CurrentFigure>(
    rows.map((r) => [
      `${r.indicator}|${r.period}|${r.measure}`,
      { value: Number(r.value), version: r.version, vintage: r.vintage, note: r.note },
    ]),
  );
}

/** The workflow status of the given months (no row: draft). Read only: the save path locks them itself. */
export async function monthStatuses(db: DbOrTx, provinceId: string, months: string[]) {
  const rows = months.length
    ? await db
        .select({ period: periodStatuses.period, status: periodStatuses.status })
        .from(periodStatuses)
        .where(and(eq(periodStatuses.provinceId, provinceId), inArray(periodStatuses.period, months)))
    : [];
  return new Map(rows.map((r) => [r.period, r.status]));
}

export type NewImport = {
  id: string;
  provinceId: string;
  userId: number;
  kind: "template" | "layout";
  fileName: string;
  months: string[];
  writes: ImportWrite[];
  mapping: LayoutMapping | null;
};

/** Keeps a previewed import for its confirmation, and drops the province's unconfirmed ones older than a day. */
export async function createImport(db: DbOrTx, row: NewImport) {
  await db
    .delete(imports)
    .where(
      and(
        eq(imports.provinceId, row.provinceId),
        eq(imports.status, "pending"),
        lt(imports.createdAt, new Date(Date.now() - 24 * 3600 * 1000)),
      ),
    );
  // Stamped by the app's clock, the one its age is checked against (commitImport), not the database's.
  await db.insert(imports).values({ ...row, createdAt: new Date() });
}

export async function getImport(db: DbOrTx, id: string) {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row
    ? { ...row, writes: row.writes as ImportWrite[], mapping: row.mapping as LayoutMapping | null }
    : null;
}

/** Marks a pending import committed; false when it was committed meanwhile (a second click, another tab). */
export async function markImportCommitted(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ status: "committed", committedAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.status, "pending")))
    .returning({ id: imports.id });
  return rows.length === 1;
}

/** The sheet name as a mapping's key. */
export const mappingKey = (sheet: string) => sheet.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

export async function listMappings(db: DbOrTx, provinceId: string): Promise<LayoutMapping[]> {
  const rows = await db.select().from(importMappings).where(eq(importMappings.provinceId, provinceId));
  return rows.map((r) => r.mapping as LayoutMapping);
}

/** Keeps (or replaces) the province's mapping of a sheet; returns the one it replaced. */
export async function saveMapping(db: DbOrTx, provinceId: string, mapping: LayoutMapping, userId: number) {
  const sheet = mappingKey(mapping.sheet);
  const [before] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.provinceId, provinceId), eq(importMappings.sheet, sheet)));
  await db
    .insert(importMappings)
    .values({ provinceId, sheet, mapping, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [importMappings.provinceId, importMappings.sheet],
      set: { mapping, updatedBy: userId, updatedAt: new Date() },
    });
  return (before?.mapping as LayoutMapping | undefined) ?? null;
}
