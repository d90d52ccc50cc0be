import "server-only";
import { and, asc, count, desc, eq, gt, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { periodsOfMonth, sheetMonthOf } from "@/lib/sheet";
import { isEditable, lockMessage, nextStatus, type Status, type Transition } from "@/lib/workflow";
import type { DbOrTx } from "../index";
import {
  figureRevisions,
  figures,
  indicators,
  type Measure,
  periodStatuses,
  periodTransitions,
  users,
  type Vintage,
} from "../schema";

/**
 * Locks the status rows of the given months for the rest of the transaction (creating draft rows
 * where none exist), so a save and a transition of the same month wait for each other.
 */
export async function lockMonths(db: DbOrTx, provinceId: string, months: string[]) {
  if (months.length === 0) return new Map<string, Status>();
  await db
    .insert(periodStatuses)
    .values(months.map((period) => ({ provinceId, period })))
    .onConflictDoNothing();
  const rows = await db
    .select({ period: periodStatuses.period, status: periodStatuses.status })
    .from(periodStatuses)
    .where(and(eq(periodStatuses.provinceId, provinceId), inArray(periodStatuses.period, months)))
    .orderBy(asc(periodStatuses.period))
    .for("update");
  return new Map(rows.map((r) => [r.period, r.status]));
}

/** The latest transition into the month's current status: who locked it and when. */
async function lastTransition(db: DbOrTx, provinceId: string, month: string) {
  const [row] = await db
    .select({ at: periodTransitions.at, by: users.displayName, toStatus: periodTransitions.toStatus })
    .from(periodTransitions)
    .leftJoin(users, eq(users.id, periodTransitions.userId))
    .where(and(eq(periodTransitions.provinceId, provinceId), eq(periodTransitions.period, month)))
    .orderBy(desc(periodTransitions.at), desc(periodTransitions.id))
    .limit(1);
  return row ?? null;
}

/** Refuses (423) writes to months that are submitted or approved, saying who locked them and who can unlock. */
export async function assertMonthsEditable(db: DbOrTx, provinceId: string, months: string[]) {
  const statuses = await lockMonths(db, provinceId, months);
  for (const [month, status] of statuses) {
    if (isEditable(status)) continue;
    const last = await lastTransition(db, provinceId, month);
    const message = lockMessage({ status, by: last?.by ?? null, at: last?.at ?? null }, (d) =>
      formatDateTime(d),
    );
    throw new AppError("locked", message.vi, message.en, undefined, { period: month, status });
  }
}

export type TransitionInput = {
  provinceId: string;
  month: string;
  transition: Transition;
  userId: number;
  reason?: string | null;
  acknowledgements?: { indicator: string; reason: string }[] | null;
};

const ACTION_VI: Record<Transition, string> = {
  submit: "gửi duyệt",
  approve: "duyệt",
  return: "trả lại",
  reopen: "mở lại",
};
const STATUS_VI: Record<Status, string> = {
  draft: "nháp",
  submitted: "đã gửi duyệt",
  approved: "đã duyệt",
  returned: "bị trả lại",
};

/** Moves a month to its next status and records the transition; 409 when it does not apply. */
export async function transitionMonth(db: DbOrTx, input: TransitionInput) {
  const statuses = await lockMonths(db, input.provinceId, [input.month]);
  const from = statuses.get(input.month) ?? "draft";
  const to = nextStatus(from, input.transition);
  if (!to) {
    throw new AppError(
      "conflict",
      `Không thể ${ACTION_VI[input.transition]} tháng đang ở trạng thái «${STATUS_VI[from]}».`,
      `Cannot ${input.transition} a month that is ${from}.`,
      undefined,
      { status: from },
    );
  }
  await db
    .update(periodStatuses)
    .set({ status: to, updatedBy: input.userId, updatedAt: new Date() })
    .where(and(eq(periodStatuses.provinceId, input.provinceId), eq(periodStatuses.period, input.month)));
  const [transition] = await db
    .insert(periodTransitions)
    .values({
      provinceId: input.provinceId,
      period: input.month,
      action: input.transition,
      fromStatus: from,
      toStatus: to,
      reason: input.reason ?? null,
      acknowledgements: input.acknowledgements?.length ? input.acknowledgements : null,
      userId: input.userId,
    })
    .returning();
  return { from, to, transition };
}

/**
 * Separation of duties: why this person may not approve the month — they submitted it, or entered
 * or changed one of its figures (its month, cumulative, and the quarter and year it closes), since
 * it was last approved — or null. Two queries.
 */
export async function approvalConflict(
  db: DbOrTx,
  provinceId: string,
  month: string,
  userId: number,
): Promise<"submitted" | "changed" | null> {
  const history = await db
    .select({ action: periodTransitions.action, userId: periodTransitions.userId, at: periodTransitions.at })
    .from(periodTransitions)
    .where(and(eq(periodTransitions.provinceId, provinceId), eq(periodTransitions.period, month)))
    .orderBy(asc(periodTransitions.at), asc(periodTransitions.id));
  const lastApproval = history.filter((h) => h.action === "approve").at(-1)?.at ?? null;
  const since = history.filter((h) => !lastApproval || h.at > lastApproval);
  if (since.some((h) => h.action === "submit" && h.userId === userId)) return "submitted";
  const periods = periodsOfMonth(month).filter((p) => sheetMonthOf(p) === month);
  const [row] = await db
    .select({ n: count() })
    .from(figureRevisions)
    .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
    .where(
      and(
        eq(figures.provinceId, provinceId),
        inArray(figures.period, periods),
        eq(figureRevisions.enteredBy, userId),
        lastApproval ? gt(figureRevisions.enteredAt, lastApproval) : undefined,
      ),
    );
  return row.n > 0 ? "changed" : null;
}

/** The month's status and its whole history, oldest first, with who did each step. */
export async function getMonthStatus(db: DbOrTx, provinceId: string, month: string) {
  const [current, history] = await Promise.all([
    db
      .select({ status: periodStatuses.status })
      .from(periodStatuses)
      .where(and(eq(periodStatuses.provinceId, provinceId), eq(periodStatuses.period, month))),
    db
      .select({
        action: periodTransitions.action,
        fromStatus: periodTransitions.fromStatus,
        toStatus: periodTransitions.toStatus,
        reason: periodTransitions.reason,
        acknowledgements: periodTransitions.acknowledgements,
        by: users.displayName,
        byUsername: users.username,
        at: periodTransitions.at,
      })
      .from(periodTransitions)
      .leftJoin(users, eq(users.id, periodTransitions.userId))
      .where(and(eq(periodTransitions.provinceId, provinceId), eq(periodTransitions.period, month)))
      .orderBy(asc(periodTransitions.at), asc(periodTransitions.id)),
  ]);
  const status: Status = current[0]?.status ?? "draft";
  const lastInto = (s: Status) => [...history].reverse().find((h) => h.toStatus === s) ?? null;
  const submitted = lastInto("submitted");
  const approved = status === "approved" ? lastInto("approved") : null;
  return {
    status,
    submittedBy: submitted?.byUsername ?? null,
    submittedAt: submitted?.at ?? null,
    approvedBy: approved?.byUsername ?? null,
    approvedAt: approved?.at ?? null,
    history,
  };
}
export type MonthStatus = Awaited<ReturnType<typeof getMonthStatus>>;

/**
 * Submitted months of the given provinces, oldest first: the leader's review queue, each with the
 * warnings the staff explained when submitting (two queries).
 */
export async function listSubmittedMonths(db: DbOrTx, provinceIds: string[]) {
  if (provinceIds.length === 0) return [];
  const months = await db
    .select({
      provinceId: periodStatuses.provinceId,
      period: periodStatuses.period,
      updatedAt: periodStatuses.updatedAt,
    })
    .from(periodStatuses)
    .where(and(inArray(periodStatuses.provinceId, provinceIds), eq(periodStatuses.status, "submitted")))
    .orderBy(asc(periodStatuses.period));
  if (months.length === 0) return [];
  const submits = await db
    .select({
      provinceId: periodTransitions.provinceId,
      period: periodTransitions.period,
      acknowledgements: periodTransitions.acknowledgements,
      by: users.displayName,
    })
    .from(periodTransitions)
    .leftJoin(users, eq(users.id, periodTransitions.userId))
    .where(
      and(
        inArray(periodTransitions.provinceId, provinceIds),
        inArray(
          periodTransitions.period,
          months.map((m) => m.period),
        ),
        eq(periodTransitions.action, "submit"),
      ),
    )
    .orderBy(asc(periodTransitions.at), asc(periodTransitions.id));
  const latest = new Map(submits.map((s) => [`${s.provinceId}|${s.period}`, s]));
  return months.map((m) => {
    const submit = latest.get(`${m.provinceId}|${m.period}`);
    return { ...m, submittedBy: submit?.by ?? null, acknowledgements: submit?.acknowledgements ?? [] };
  });
}

/** The most recently approved months of the given provinces: what a province admin may reopen. */
export function listApprovedMonths(db: DbOrTx, provinceIds: string[], limit = 12) {
  if (provinceIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      provinceId: periodStatuses.provinceId,
      period: periodStatuses.period,
      updatedAt: periodStatuses.updatedAt,
    })
    .from(periodStatuses)
    .where(and(inArray(periodStatuses.provinceId, provinceIds), eq(periodStatuses.status, "approved")))
    .orderBy(desc(periodStatuses.period))
    .limit(limit);
}

/** How many months of these provinces wait for a leader's decision (the count beside Duyệt in the menu). */
export async function countSubmittedMonths(db: DbOrTx, provinceIds: string[]): Promise<number> {
  if (provinceIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(periodStatuses)
    .where(and(inArray(periodStatuses.provinceId, provinceIds), eq(periodStatuses.status, "submitted")));
  return row?.n ?? 0;
}

/**
 * Months of these provinces that a leader returned and the staff have not submitted again, newest
 * first, each with the return's reason, who returned it and when (two queries).
 */
export async function listReturnedMonths(db: DbOrTx, provinceIds: string[]) {
  if (provinceIds.length === 0) return [];
  const months = await db
    .select({ provinceId: periodStatuses.provinceId, period: periodStatuses.period })
    .from(periodStatuses)
    .where(and(inArray(periodStatuses.provinceId, provinceIds), eq(periodStatuses.status, "returned")))
    .orderBy(desc(periodStatuses.period));
  if (months.length === 0) return [];
  const returns = await db
    .select({
      provinceId: periodTransitions.provinceId,
      period: periodTransitions.period,
      reason: periodTransitions.reason,
      by: users.displayName,
      at: periodTransitions.at,
    })
    .from(periodTransitions)
    .leftJoin(users, eq(users.id, periodTransitions.userId))
    .where(
      and(
        inArray(periodTransitions.provinceId, provinceIds),
        inArray(
          periodTransitions.period,
          months.map((m) => m.period),
        ),
        eq(periodTransitions.action, "return"),
      ),
    )
    .orderBy(asc(periodTransitions.at), asc(periodTransitions.id));
  const latest = new Map(returns.map((r) => [`${r.provinceId}|${r.period}`, r]));
  return months.map((m) => {
    const r = latest.get(`${m.provinceId}|${m.period}`);
    return { ...m, reason: r?.reason ?? null, by: r?.by ?? null, at: r?.at ?? null };
  });
}

export type FigureChange = {
  indicator: string;
  period: string;
  measure: Measure;
  /** The value as of `since`; null when the figure did not exist then. */
  before: number | null;
  after: number;
  vintageBefore: Vintage | null;
  vintageAfter: Vintage;
};

/**
 * The month's figures (its month, cumulative, quarter and year) that changed after `since` — the
 * previous submission — each with its value then and now, for the leader reviewing a resubmitted
 * month. One query: the figures' revisions.
 */
export async function figureChangesSince(
  db: DbOrTx,
  provinceId: string,
  month: string,
  since: Date,
): Promise<FigureChange[]> {
  const rows = await db
    .select({
      figureId: figures.id,
      indicator: figures.indicatorCode,
      period: figures.period,
      measure: figures.measure,
      value: figureRevisions.value,
      vintage: figureRevisions.vintage,
      enteredAt: figureRevisions.enteredAt,
    })
    .from(figureRevisions)
    .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
    .innerJoin(indicators, eq(indicators.code, figures.indicatorCode))
    .where(and(eq(figures.provinceId, provinceId), inArray(figures.period, periodsOfMonth(month))))
    .orderBy(
      asc(indicators.sortOrder),
      asc(figures.period),
      asc(figures.measure),
      asc(figureRevisions.version),
    );
  const byFigure = new Map<number, typeof rows>();
  for (const r of rows) byFigure.set(r.figureId, [...(byFigure.get(r.figureId) ?? []), r]);
  const changes: FigureChange[] = [];
  for (const revisions of byFigure.values()) {
    const now = revisions[revisions.length - 1];
    if (now.enteredAt <= since) continue;
    const then = revisions.filter((r) => r.enteredAt <= since).at(-1) ?? null;
    if (then && Number(then.value) === Number(now.value) && then.vintage === now.vintage) continue;
    changes.push({
      indicator: now.indicator,
      period: now.period,
      measure: now.measure,
      before: then ? Number(then.value) : null,
      after: Number(now.value),
      vintageBefore: then?.vintage ?? null,
      vintageAfter: now.vintage,
    });
  }
  return changes;
}
