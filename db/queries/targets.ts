import "server-only";
import { and, asc, desc, eq, inArray, notExists, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError, type FieldErrors, nulByteError, nulBytePath } from "@/lib/errors";
import { toStoredAmount } from "@/lib/numbers";
import {
  type Bound,
  normaliseDocument,
  sameTarget,
  type TargetContent,
  type TargetWrite,
  targetProblems,
  yearsOfUnit,
} from "@/lib/targets";
import type { DbOrTx } from "../index";
import {
  auditLog,
  figures,
  indicators,
  type NewAuditEntry,
  provinces,
  type Target,
  targetRevisions,
  targets,
  users,
} from "../schema";

/** A province's targets, newest year first, in catalogue order, the year's target before its scenarios. */
export function listTargets(db: DbOrTx, provinceId: string, year?: number) {
  return db
    .select({
      id: targets.id,
      indicator: targets.indicatorCode,
      year: targets.year,
      quarter: targets.quarter,
      basis: targets.basis,
      value: targets.value,
      valueMax: targets.valueMax,
      bound: targets.bound,
      document: targets.document,
      version: targets.version,
      updatedBy: users.username,
      updatedAt: targets.updatedAt,
    })
    .from(targets)
    .innerJoin(indicators, eq(indicators.code, targets.indicatorCode))
    .leftJoin(users, eq(users.id, targets.updatedBy))
    .where(
      year
        ? and(eq(targets.provinceId, provinceId), eq(targets.year, year))
        : eq(targets.provinceId, provinceId),
    )
    .orderBy(desc(targets.year), asc(indicators.sortOrder), sql`${targets.quarter} asc nulls first`);
}
export type TargetListRow = Awaited<ReturnType<typeof listTargets>>[number];

/** Every version of the given targets, oldest first, with who wrote it. */
export function listTargetRevisions(db: DbOrTx, targetIds: number[]) {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      targetId: targetRevisions.targetId,
      version: targetRevisions.version,
      basis: targetRevisions.basis,
      value: targetRevisions.value,
      valueMax: targetRevisions.valueMax,
      bound: targetRevisions.bound,
      document: targetRevisions.document,
      updatedBy: users.username,
      updatedAt: targetRevisions.updatedAt,
    })
    .from(targetRevisions)
    .leftJoin(users, eq(users.id, targetRevisions.updatedBy))
    .where(inArray(targetRevisions.targetId, targetIds))
    .orderBy(asc(targetRevisions.targetId), asc(targetRevisions.version));
}

/** The years a province has targets for, and those it has figures for, newest first (two small queries). */
export async function listDataYears(db: DbOrTx, provinceId: string) {
  const [withTargets, withFigures] = await Promise.all([
    db.selectDistinct({ year: targets.year }).from(targets).where(eq(targets.provinceId, provinceId)),
    db.selectDistinct({ year: figures.year }).from(figures).where(eq(figures.provinceId, provinceId)),
  ]);
  const newestFirst = (rows: { year: number }[]) => rows.map((r) => r.year).sort((a, b) => b - a);
  return { targets: newestFirst(withTargets), figures: newestFirst(withFigures) };
}

/** The outer target's indicator has no target (year's or scenario) in `year`. */
function noTargetIn(db: DbOrTx, year: number) {
  const current = alias(targets, "current");
  return notExists(
    db
      .select({ one: sql`1` })
      .from(current)
      .where(
        and(
          eq(current.provinceId, targets.provinceId),
          eq(current.indicatorCode, targets.indicatorCode),
          eq(current.year, year),
        ),
      ),
  );
}

/**
 * How many indicators have targets in `year − 1` and none in `year`: what copying last year's
 * targets would bring over.
 */
export async function countCopyableTargets(db: DbOrTx, provinceId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${targets.indicatorCode})::int` })
    .from(targets)
    .where(and(eq(targets.provinceId, provinceId), eq(targets.year, year - 1), noTargetIn(db, year)));
  return row?.n ?? 0;
}

// ── Writing ──────────────────────────────────────────────────────────────────

export type SavedTargetRow = {
  indicator: string;
  year: number;
  quarter: number | null;
  basis: TargetContent["basis"];
  value: number;
  valueMax: number | null;
  bound: Bound;
  document: string | null;
  version: number;
  changed: boolean;
};

const keyOf = (t: { indicator: string; year: number; quarter?: number | null }) =>
  `${t.indicator}|${t.year}|${t.quarter ?? 0}`;
const rowKey = (t: Target) => keyOf({ indicator: t.indicatorCode, year: t.year, quarter: t.quarter });

const numberOrNull = (v: string | null) => (v === null ? null : Number(v));

/** The content of a stored target, as numbers. */
function contentOf(t: Target): TargetContent {
  return {
    basis: t.basis,
    value: Number(t.value),
    valueMax: numberOrNull(t.valueMax),
    bound: t.bound,
    document: t.document,
  };
}

function contentOfWrite(w: TargetWrite): TargetContent {
  return {
    basis: w.basis,
    value: w.value,
    valueMax: w.valueMax ?? null,
    bound: w.bound ?? "exact",
    document: normaliseDocument(w.document),
  };
}

const entityId = (provinceId: string, t: { indicator: string; year: number; quarter?: number | null }) =>
  `${provinceId}/${t.indicator}/${t.year}${t.quarter ? `-Q${t.quarter}` : ""}`;

/** Checks every target against the catalogue, the unit's years and the rules; all problems at once, by field. */
async function validate(db: DbOrTx, provinceId: string, writes: TargetWrite[]) {
  // Before any query: PostgreSQL refuses a NUL byte in text, which would be a 500.
  const nul = nulBytePath({ targets: writes });
  if (nul) throw nulByteError(nul, "invalid");
  const codes = [...new Set(writes.map((w) => w.indicator))];
  const [known, [province]] = await Promise.all([
    codes.length
      ? db
          .select({ code: indicators.code, kind: indicators.kind })
          .from(indicators)
          .where(inArray(indicators.code, codes))
      : Promise.resolve([]),
    db
      .select({ validFrom: provinces.validFrom, validTo: provinces.validTo })
      .from(provinces)
      .where(eq(provinces.id, provinceId)),
  ]);
  const kinds = new Map(known.map((k) => [k.code, { kind: k.kind }]));
  const years = yearsOfUnit(province?.validFrom ?? null, province?.validTo ?? null);
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  writes.forEach((w, i) => {
    for (const [field, message] of Object.entries(targetProblems(w, kinds.get(w.indicator), years))) {
      fields[`targets.${i}.${field}`] = [message];
    }

    if (seen.has(keyOf(w))) {
      fields[`targets.${i}`] = [
        { vi: "Chỉ tiêu bị lặp trong cùng yêu cầu.", en: "The same target twice in the request." },
      ];
    }
    seen.add(keyOf(w));
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(
      "invalid",
      "Có chỉ tiêu không hợp lệ; không chỉ tiêu nào được lưu.",
      "Some targets are invalid; nothing was saved.",
      fields,
    );
  }
}

function conflict(index: number, current: Target | null) {
  return new AppError(
    "conflict",
    "Chỉ tiêu này đã bị người khác thay đổi. Không chỉ tiêu nào được lưu; hãy xem giá trị hiện tại và quyết định.",
    "Someone else changed this target. Nothing was saved; look at the current value and decide.",
    { [`targets.${index}.version`]: [{ vi: "Phiên bản đã cũ.", en: "Stale version." }] },
    { index, current: current && { ...contentOf(current), version: current.version } },
  );
}

async function currentTarget(db: DbOrTx, provinceId: string, w: TargetWrite): Promise<Target | null> {
  const [row] = await db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.provinceId, provinceId),
        eq(targets.indicatorCode, w.indicator),
        eq(targets.year, w.year),
        w.quarter ? eq(targets.quarter, w.quarter) : sql`${targets.quarter} is null`,
      ),
    );
  return row ?? null;
}

/** `case id when … then … end`, cast: one UPDATE gives each row its own value. */
function byId(ids: number[], values: unknown[], cast: string): SQL {
  const branches = ids.map((id, k) => sql`when ${id} then ${values[k]}`);
  return sql`(case ${targets.id} ${sql.join(branches, sql` `)} end)::${sql.raw(cast)}`;
}

type Revision = typeof targetRevisions.$inferInsert;
const revisionOf = (t: Target): Revision => ({
  targetId: t.id,
  version: t.version,
  basis: t.basis,
  value: t.value,
  valueMax: t.valueMax,
  bound: t.bound,
  document: t.document,
  updatedBy: t.updatedBy,
  updatedAt: t.updatedAt,
});

/**
 * Saves a province's targets, all or nothing (call inside a transaction). Every write names the
 * version it read: a stale one is a 409 with the current target. Each change adds a revision (history
 * is never overwritten) and an audit row; an unchanged target writes nothing. A constant number
 * of statements, whatever the number of targets: one read, one insert, one update, then the
 * revisions and audit rows in bulk.
 */
export async function saveTargets(
  db: DbOrTx,
  provinceId: string,
  userId: number,
  input: TargetWrite[],
): Promise<SavedTargetRow[]> {
  // Compared and answered as stored: rounded to the column's decimals.
  const writes = input.map((w) => ({
    ...w,
    value: toStoredAmount(w.value),
    valueMax: w.valueMax === null || w.valueMax === undefined ? w.valueMax : toStoredAmount(w.valueMax),
  }));
  await validate(db, provinceId, writes);
  if (writes.length === 0) return [];

  const existing = await db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.provinceId, provinceId),
        inArray(targets.indicatorCode, [...new Set(writes.map((w) => w.indicator))]),
        inArray(targets.year, [...new Set(writes.map((w) => w.year))]),
      ),
    );
  const byKey = new Map(existing.map((t) => [rowKey(t), t]));

  const now = new Date();
  const inserts: { index: number; write: TargetWrite; content: TargetContent }[] = [];
  const updates: { index: number; write: TargetWrite; content: TargetContent; before: Target }[] = [];
  const results: SavedTargetRow[] = [];
  for (const [index, w] of writes.entries()) {
    const before = byKey.get(keyOf(w));
    const content = contentOfWrite(w);
    if (before && (w.version ?? null) !== before.version) throw conflict(index, before);
    if (!before && w.version) throw conflict(index, null);
    const result = { indicator: w.indicator, year: w.year, quarter: w.quarter ?? null, ...content };
    if (before && sameTarget(contentOf(before), content)) {
      results.push({ ...result, version: before.version, changed: false });
      continue;
    }
    if (before) updates.push({ index, write: w, content, before });
    else inserts.push({ index, write: w, content });
    results.push({ ...result, version: before ? before.version + 1 : 1, changed: true });
  }

  const written: Target[] = [];
  if (inserts.length > 0) {
    const rows = await db
      .insert(targets)
      .values(
        inserts.map(({ write, content }) => ({
          provinceId,
          indicatorCode: write.indicator,
          year: write.year,
          quarter: write.quarter ?? null,
          basis: content.basis,
          value: String(content.value),
          valueMax: content.valueMax === null ? null : String(content.valueMax),
          bound: content.bound,
          document: content.document,
          updatedBy: userId,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    // Someone else created one of them between our read and our write.
    if (rows.length < inserts.length) {
      const created = new Set(rows.map(rowKey));
      const lost = inserts.find((i) => !created.has(keyOf(i.write))) ?? inserts[0];
      throw conflict(lost.index, await currentTarget(db, provinceId, lost.write));
    }
    written.push(...rows);
  }
  if (updates.length > 0) {
    const ids = updates.map((u) => u.before.id);
    const pick = <T>(f: (u: (typeof updates)[number]) => T) => updates.map(f);
    const rows = await db
      .update(targets)
      .set({
        basis: byId(
          ids,
          pick((u) => u.content.basis),
          "target_basis",
        ),
        value: byId(
          ids,
          pick((u) => String(u.content.value)),
          "numeric",
        ),
        valueMax: byId(
          ids,
          pick((u) => (u.content.valueMax === null ? null : String(u.content.valueMax))),
          "numeric",
        ),
        bound: byId(
          ids,
          pick((u) => u.content.bound),
          "target_bound",
        ),
        document: byId(
          ids,
          pick((u) => u.content.document),
          "text",
        ),
        version: sql`${targets.version} + 1`,
        updatedBy: userId,
        updatedAt: now,
      })
      .where(
        and(
          eq(targets.provinceId, provinceId),
          inArray(targets.id, ids),
          // Only from the version read: a row changed since then is left alone, and reported.
          eq(
            targets.version,
            byId(
              ids,
              pick((u) => u.before.version),
              "integer",
            ),
          ),
        ),
      )
      .returning();
    if (rows.length < updates.length) {
      const updated = new Set(rows.map((r) => r.id));
      const lost = updates.find((u) => !updated.has(u.before.id)) ?? updates[0];
      throw conflict(lost.index, await currentTarget(db, provinceId, lost.write));
    }
    written.push(...rows);
  }
  if (written.length === 0) return results;

  await db.insert(targetRevisions).values(written.map(revisionOf));
  const beforeOf = new Map(updates.map((u) => [u.before.id, u.before]));
  await db.insert(auditLog).values(
    written.map((t): NewAuditEntry => {
      const before = beforeOf.get(t.id);
      const key = { indicator: t.indicatorCode, year: t.year, quarter: t.quarter };
      return {
        userId,
        provinceId,
        action: "target.save",
        entity: "target",
        entityId: entityId(provinceId, key),
        before: before ? { ...contentOf(before), version: before.version } : null,
        after: { ...contentOf(t), version: t.version },
        at: now,
      };
    }),
  );
  return results;
}

/**
 * Copies last year's targets (year's targets and scenarios) as a start for `year`, for the
 * indicators that have no target in `year` yet; each copy is version 1 with its revision and an
 * audit row (`target.copy`). Returns what was copied. Call inside a transaction.
 */
export async function copyTargetsFromLastYear(
  db: DbOrTx,
  provinceId: string,
  year: number,
  userId: number,
): Promise<SavedTargetRow[]> {
  const [province] = await db
    .select({ validFrom: provinces.validFrom, validTo: provinces.validTo })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  const years = yearsOfUnit(province?.validFrom ?? null, province?.validTo ?? null);
  if ((years.first !== null && year < years.first) || (years.last !== null && year > years.last)) {
    throw new AppError(
      "invalid",
      `Đơn vị này không tồn tại trong năm ${year}.`,
      `This unit did not exist in ${year}.`,
      {
        year: [
          {
            vi: `Năm ${year} nằm ngoài thời gian tồn tại của đơn vị.`,
            en: `${year} is outside the unit's years.`,
          },
        ],
      },
    );
  }
  const source = await db
    .select()
    .from(targets)
    .where(and(eq(targets.provinceId, provinceId), eq(targets.year, year - 1), noTargetIn(db, year)));
  if (source.length === 0) return [];
  const now = new Date();
  const copied = await db
    .insert(targets)
    .values(
      source.map((t) => ({
        provinceId,
        indicatorCode: t.indicatorCode,
        year,
        quarter: t.quarter,
        basis: t.basis,
        value: t.value,
        valueMax: t.valueMax,
        bound: t.bound,
        document: t.document,
        updatedBy: userId,
        updatedAt: now,
      })),
    )
    // A target written meanwhile for the same key is kept, not overwritten.
    .onConflictDoNothing()
    .returning();
  if (copied.length === 0) return [];
  await db.insert(targetRevisions).values(copied.map(revisionOf));
  await db.insert(auditLog).values(
    copied.map(
      (t): NewAuditEntry => ({
        userId,
        provinceId,
        action: "target.copy",
        entity: "target",
        entityId: entityId(provinceId, { indicator: t.indicatorCode, year: t.year, quarter: t.quarter }),
        before: null,
        after: { ...contentOf(t), version: t.version, copiedFrom: year - 1 },
        at: now,
      }),
    ),
  );
  return copied.map((t) => ({
    indicator: t.indicatorCode,
    year: t.year,
    quarter: t.quarter,
    ...contentOf(t),
    version: t.version,
    changed: true,
  }));
}
