import "server-only";
import { and, count, desc, eq, exists, gte, inArray, like, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../index";
import { auditLog, type NewAuditEntry, users } from "../schema";

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function writeAudit(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** Which entries: of these provinces (null: every entry, those of no province too), by whom, what kind, when. */
export type AuditQuery = {
  provinceIds: string[] | null;
  userId?: number;
  /** Action prefixes, e.g. ["user."]; any of them. */
  actionPrefixes?: readonly string[];
  from?: Date;
  until?: Date;
};

function conditions(q: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (q.provinceIds)
    parts.push(q.provinceIds.length > 0 ? inArray(auditLog.provinceId, q.provinceIds) : sql`false`);
  if (q.userId !== undefined) parts.push(eq(auditLog.userId, q.userId));
  if (q.actionPrefixes?.length)
    parts.push(or(...q.actionPrefixes.map((p) => like(auditLog.action, `${p}%`))));
  if (q.from) parts.push(gte(auditLog.at, q.from));
  if (q.until) parts.push(lt(auditLog.at, q.until));
  return and(...parts);
}

const actor = alias(users, "actor");
const target = alias(users, "target");

/**
 * The entries that `where` selects, newest first, `limit` of them after `offset`, with who made
 * them and (for an account) whose account it was. The page is cut first and joined after, so a
 * deep page joins 50 rows, not the whole log.
 */
function entries(db: DbOrTx, where: SQL | undefined, limit: number, offset = 0) {
  const page = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      provinceId: auditLog.provinceId,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      userId: auditLog.userId,
      // The time to the microsecond, as text: a JavaScript Date keeps milliseconds, too coarse for a cursor.
      cursorAt: sql<string>`${auditLog.at}::text`.as("cursor_at"),
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .as("page");
  return db
    .select({
      id: page.id,
      at: page.at,
      provinceId: page.provinceId,
      action: page.action,
      entity: page.entity,
      entityId: page.entityId,
      before: page.before,
      after: page.after,
      userId: page.userId,
      username: actor.username,
      displayName: actor.displayName,
      targetUsername: target.username,
      cursorAt: page.cursorAt,
    })
    .from(page)
    .leftJoin(actor, eq(actor.id, page.userId))
    .leftJoin(target, and(eq(page.entity, "user"), eq(sql`${target.id}::text`, page.entityId)))
    .orderBy(desc(page.at), desc(page.id));
}

/** One page of entries, newest first. */
export function listAuditEntries(db: DbOrTx, q: AuditQuery, page: { limit: number; offset: number }) {
  return entries(db, conditions(q), page.limit, page.offset);
}
export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

export async function countAuditEntries(db: DbOrTx, q: AuditQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(conditions(q));
  return row.n;
}

/**
 * The entries after a cursor (newest first), for a download read in batches: keyset pagination on
 * (at, id), so each batch costs the same however deep into the log it is.
 */
export function auditEntriesAfter(
  db: DbOrTx,
  q: AuditQuery,
  cursor: { at: string; id: number } | null,
  limit: number,
) {
  // A row comparison, which the (at, id) index answers directly (an OR of the two would be a filter).
  const after = cursor
    ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : undefined;
  return entries(db, and(conditions(q), after), limit);
}

/**
 * The people who appear in the entries of these provinces (the person filter's choices): one index
 * probe per account (`exists`), not a scan of the whole log for its distinct authors.
 */
export function listAuditPeople(db: DbOrTx, provinceIds: string[] | null) {
  const acted = db
    .select({ one: sql`1` })
    .from(auditLog)
    .where(and(eq(auditLog.userId, users.id), conditions({ provinceIds })));
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(exists(acted))
    .orderBy(users.username);
}
