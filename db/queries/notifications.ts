import "server-only";
import { and, count, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { lateDays } from "@/lib/calendar";
import { type NotificationKind, type NotificationPayload, notificationMail } from "@/lib/notify";
import type { Role } from "@/lib/permissions";
import type { Transition } from "@/lib/workflow";
import type { DbOrTx } from "../index";
import { mailOutbox, notifications, provinces, userPreferences, users } from "../schema";
import { monthDueDate } from "./calendar";

export type NoticeInput = {
  kind: NotificationKind;
  provinceId: string | null;
  period: string | null;
  payload: NotificationPayload;
  /** The event's key: a person gets one notification (and one e-mail) per key. */
  dedupeKey: string;
  recipients: number[];
};

/**
 * Records a notification for each recipient that has not had this event yet, and queues its e-mail
 * for those with an address who did not opt out: in the caller's transaction, so the event, its
 * notifications and its e-mail stand or fall together. Returns the users newly notified.
 */
export async function notify(db: DbOrTx, input: NoticeInput, appUrl: string): Promise<number[]> {
  if (input.recipients.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values(
      input.recipients.map((userId) => ({
        userId,
        kind: input.kind,
        provinceId: input.provinceId,
        period: input.period,
        payload: input.payload,
        dedupeKey: input.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  const fresh = inserted.map((r) => r.userId);
  if (fresh.length === 0) return [];
  const addresses = await mailAddresses(db, fresh);
  if (addresses.length > 0) {
    const mail = notificationMail(input.kind, input.provinceId, input.period, input.payload, appUrl);
    await queueMail(db, addresses, mail, input.kind, `:${input.dedupeKey}`);
  }
  return fresh;
}

/** The e-mail addresses of those of `userIds` who gave one and did not opt out. */
export function mailAddresses(db: DbOrTx, userIds: number[]) {
  return db
    .select({ userId: userPreferences.userId, email: userPreferences.email })
    .from(userPreferences)
    .where(
      and(
        inArray(userPreferences.userId, userIds),
        eq(userPreferences.emailOptOut, false),
        sql`${userPreferences.email} is not null`,
      ),
    );
}

/**
 * Queues one message to each address, in the caller's transaction; a message whose dedupe key
 * (the person's id, then `keySuffix`) is already queued is left out. Returns how many were queued.
 */
export async function queueMail(
  db: DbOrTx,
  addresses: { userId: number; email: string | null }[],
  mail: { subject: string; body: string },
  kind: string,
  keySuffix: string,
): Promise<number> {
  if (addresses.length === 0) return 0;
  const inserted = await db
    .insert(mailOutbox)
    .values(
      addresses.map((a) => ({
        userId: a.userId,
        to: a.email as string,
        subject: mail.subject,
        body: mail.body,
        kind,
        dedupeKey: `${a.userId}${keySuffix}`,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return inserted.length;
}

/**
 * The active people of these roles who hold a province's months: its own, or for a former unit its
 * successor's (domain.md §7). For nationwide roles pass `provinceId` null.
 */
export async function recipientsFor(db: DbOrTx, roles: Role[], provinceId: string | null): Promise<number[]> {
  let owners: string[] = [];
  if (provinceId) {
    const [p] = await db
      .select({ id: provinces.id, successorId: provinces.successorId })
      .from(provinces)
      .where(eq(provinces.id, provinceId));
    owners = p ? [p.id, ...(p.successorId ? [p.successorId] : [])] : [];
    if (owners.length === 0) return [];
  }
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, roles),
        provinceId ? inArray(users.provinceId, owners) : isNull(users.provinceId),
      ),
    );
  return rows.map((r) => r.id);
}

async function provinceNames(db: DbOrTx, provinceId: string) {
  const [p] = await db
    .select({ vi: provinces.nameVi, en: provinces.nameEn })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  return { provinceVi: p?.vi ?? provinceId, provinceEn: p?.en ?? provinceId };
}

/**
 * The notifications a workflow transition causes, written in its transaction: a submitted month
 * waits for the province's leaders, a returned one goes back to its staff with the reason, and a
 * month approved after its due date is told to the national viewers.
 */
export async function notifyTransition(
  db: DbOrTx,
  input: {
    provinceId: string;
    month: string;
    transition: Transition;
    transitionId: number;
    by: string;
    reason: string | null;
    at: Date;
  },
  appUrl: string,
) {
  const names = await provinceNames(db, input.provinceId);
  const base = { provinceId: input.provinceId, period: input.month };
  if (input.transition === "submit") {
    await notify(
      db,
      {
        ...base,
        kind: "waiting_approval",
        payload: { ...names, by: input.by },
        dedupeKey: `waiting_approval:${input.transitionId}`,
        recipients: await recipientsFor(db, ["leader"], input.provinceId),
      },
      appUrl,
    );
  } else if (input.transition === "return") {
    await notify(
      db,
      {
        ...base,
        kind: "returned",
        payload: { ...names, by: input.by, reason: input.reason },
        dedupeKey: `returned:${input.transitionId}`,
        recipients: await recipientsFor(db, ["staff"], input.provinceId),
      },
      appUrl,
    );
  } else if (input.transition === "approve") {
    const due = await monthDueDate(db, input.provinceId, input.month);
    const late = lateDays(due, input.at);
    if (late > 0) {
      await notify(
        db,
        {
          ...base,
          kind: "approved_late",
          payload: { ...names, due, days: late },
          dedupeKey: `approved_late:${input.provinceId}:${input.month}`,
          recipients: await recipientsFor(db, ["national"], null),
        },
        appUrl,
      );
    }
  }
}

/** A person's notifications, newest first, and how many are unread. */
export async function listNotifications(db: DbOrTx, userId: number, limit = 50) {
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { unread: unread?.n ?? 0, items: rows };
}

export async function countUnread(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the person's notifications read: the given ones, or all when `ids` is undefined. */
export async function markRead(db: DbOrTx, userId: number, ids: number[] | undefined, at: Date) {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

// ── The outbox ───────────────────────────────────────────────────────────────

/** The newest messages of the outbox, for the system admin. */
export function listOutbox(db: DbOrTx, limit = 100) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit);
}

/**
 * Claims up to `limit` messages due for an attempt and not held by another worker: each claim
 * counts as an attempt and holds the message until `holdUntil` (a crash mid-send releases it then).
 * `for update skip locked` lets several app servers share the queue.
 */
export async function claimMail(db: DbOrTx, now: Date, holdUntil: Date, limit = 10) {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.status, "pending"),
        lte(mailOutbox.nextAttemptAt, now),
        or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(mailOutbox.id)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ lockedUntil: holdUntil, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

export async function markMailSent(db: DbOrTx, id: number, at: Date) {
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: at, lockedUntil: null, lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function markMailFailed(
  db: DbOrTx,
  id: number,
  next: { status: "pending" | "failed"; nextAttemptAt: Date },
  error: string,
) {
  await db
    .update(mailOutbox)
    .set({ ...next, lockedUntil: null, lastError: error.slice(0, 1000) })
    .where(eq(mailOutbox.id, id));
}

// ── Preferences ──────────────────────────────────────────────────────────────

export async function getPreferences(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  return row ?? { userId, email: null, emailOptOut: false, whatsNewSeenAt: null, updatedAt: null };
}

export async function savePreferences(
  db: DbOrTx,
  userId: number,
  values: Partial<{ email: string | null; emailOptOut: boolean; whatsNewSeenAt: Date }>,
) {
  const before = await getPreferences(db, userId);
  await db
    .insert(userPreferences)
    .values({ userId, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...values, updatedAt: new Date() } });
  return before;
}
