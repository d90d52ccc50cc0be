import "server-only";
import { and, asc, eq, inArray, isNull, max, min } from "drizzle-orm";
import { dueDate, resolveRule } from "@/lib/calendar";
import { type BoardCell, boardCell } from "@/lib/submissions";
import type { DbOrTx } from "../index";
import { figures, periodStatuses, periodTransitions, provinces } from "../schema";
import { listDueRules } from "./calendar";

export type BoardRow = {
  province: { id: string; code: string; nameVi: string; nameEn: string };
  cells: Record<string, BoardCell>;
};

/** The 34 current provinces, in code order. */
export function listCurrentProvinces(db: DbOrTx) {
  return db
    .select({ id: provinces.id, code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn })
    .from(provinces)
    .where(isNull(provinces.validTo))
    .orderBy(asc(provinces.code), asc(provinces.id));
}

/**
 * The submission board: for each of the given provinces and months, the month's status, its due
 * date and how late it is. Four queries whatever the number of provinces or months: the rules,
 * the status rows, which months have figures, and the first submission / last approval of each.
 */
export async function getSubmissionBoard(
  db: DbOrTx,
  provinceList: BoardRow["province"][],
  months: string[],
  today: string,
): Promise<BoardRow[]> {
  if (provinceList.length === 0 || months.length === 0) return [];
  const ids = provinceList.map((p) => p.id);
  const [rules, statuses, entered, steps] = await Promise.all([
    listDueRules(db),
    db
      .select({
        provinceId: periodStatuses.provinceId,
        period: periodStatuses.period,
        status: periodStatuses.status,
      })
      .from(periodStatuses)
      .where(and(inArray(periodStatuses.provinceId, ids), inArray(periodStatuses.period, months))),
    db
      .selectDistinct({ provinceId: figures.provinceId, period: figures.period })
      .from(figures)
      .where(and(inArray(figures.provinceId, ids), inArray(figures.period, months))),
    db
      .select({
        provinceId: periodTransitions.provinceId,
        period: periodTransitions.period,
        action: periodTransitions.action,
        first: min(periodTransitions.at),
        last: max(periodTransitions.at),
      })
      .from(periodTransitions)
      .where(
        and(
          inArray(periodTransitions.provinceId, ids),
          inArray(periodTransitions.period, months),
          inArray(periodTransitions.action, ["submit", "approve"]),
        ),
      )
      .groupBy(periodTransitions.provinceId, periodTransitions.period, periodTransitions.action),
  ]);
  const key = (p: string, m: string) => `${p}|${m}`;
  const status = new Map(statuses.map((s) => [key(s.provinceId, s.period), s.status]));
  const hasFigures = new Set(entered.map((e) => key(e.provinceId, e.period)));
  const submitted = new Map<string, Date>();
  const approved = new Map<string, Date>();
  for (const s of steps) {
    const at = (d: Date | string | null) => (d ? new Date(d) : null);
    if (s.action === "submit") submitted.set(key(s.provinceId, s.period), at(s.first) as Date);
    else approved.set(key(s.provinceId, s.period), at(s.last) as Date);
  }
  return provinceList.map((province) => {
    const rule = resolveRule("month", province.id, rules);
    const cells: Record<string, BoardCell> = {};
    for (const month of months) {
      const k = key(province.id, month);
      const current = status.get(k) ?? null;
      cells[month] = boardCell(
        {
          status: current,
          hasFigures: hasFigures.has(k),
          submittedAt: submitted.get(k) ?? null,
          approvedAt: current === "approved" ? (approved.get(k) ?? null) : null,
          due: dueDate(month, rule) as string,
        },
        today,
      );
    }
    return { province, cells };
  });
}

/** The months of one province in a year that have a status row (for its own board). */
export async function provinceForBoard(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: provinces.id, code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn })
    .from(provinces)
    .where(eq(provinces.id, id));
  return row ?? null;
}
