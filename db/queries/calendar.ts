import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type DueRule, dueDate, type ObligationKind, resolveRule, type StoredRule } from "@/lib/calendar";
import type { DbOrTx } from "../index";
import { type ReportingObligation, reportingObligations } from "../schema";

/** Every stored rule: the national ones (no province) and each province's overrides. */
export async function listDueRules(db: DbOrTx): Promise<(StoredRule & ReportingObligation)[]> {
  const rows = await db
    .select()
    .from(reportingObligations)
    .orderBy(asc(reportingObligations.provinceId), asc(reportingObligations.kind));
  return rows;
}

/** The month's due date for a province (its override, else the national rule, else the default). */
export async function monthDueDate(db: DbOrTx, provinceId: string, month: string): Promise<string> {
  const rules = await listDueRules(db);
  return dueDate(month, resolveRule("month", provinceId, rules)) as string;
}

/**
 * Sets (or, with `rule` null, removes) the rule of an obligation, nationally (`provinceId` null) or
 * for one province; returns the rule before and after for the audit row.
 */
export async function saveDueRule(
  db: DbOrTx,
  input: { kind: ObligationKind; provinceId: string | null; rule: DueRule | null; userId: number | null },
) {
  const where = and(
    eq(reportingObligations.kind, input.kind),
    input.provinceId === null
      ? isNull(reportingObligations.provinceId)
      : eq(reportingObligations.provinceId, input.provinceId),
  );
  const [before] = await db.select().from(reportingObligations).where(where).for("update");
  const plain = (r: DueRule | undefined | null) =>
    r ? { dueDay: r.dueDay, monthsAfter: r.monthsAfter, cutoffDay: r.cutoffDay } : null;
  if (input.rule === null) {
    if (before) await db.delete(reportingObligations).where(where);
    return { before: plain(before), after: null };
  }
  if (before) {
    await db
      .update(reportingObligations)
      .set({ ...input.rule, version: before.version + 1, updatedBy: input.userId, updatedAt: new Date() })
      .where(where);
  } else {
    await db
      .insert(reportingObligations)
      .values({ kind: input.kind, provinceId: input.provinceId, ...input.rule, updatedBy: input.userId });
  }
  return { before: plain(before), after: plain(input.rule) };
}
