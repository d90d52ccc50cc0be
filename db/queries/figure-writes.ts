import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError, addFieldError, type FieldErrors, nulByteError, nulBytePath } from "@/lib/errors";
import { toStoredAmount } from "@/lib/numbers";
import { parsePeriod, periodMonths } from "@/lib/periods";
import { type Kind, sheetMonthOf } from "@/lib/sheet";
import { hardError } from "@/lib/validation";
import type { DbOrTx } from "../index";
import {
  auditLog,
  figureRevisions,
  figures,
  indicators,
  type Measure,
  provinces,
  type Vintage,
} from "../schema";
import { assertMonthsEditable } from "./workflow";

export type FigureWrite = {
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  note?: string | null;
  /** The version the writer last read; absent or null for a figure the writer believes is new. */
  version?: number | null;
};

export type SavedFigure = {
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  note: string | null;
  version: number;
  changed: boolean;
};

/** Which measures make sense for each kind of indicator (domain.md §2). */
const MEASURES_BY_KIND: Record<Kind, readonly Measure[]> = {
  flow: ["value", "yoy_pct", "mom_pct"],
  count: ["value", "yoy_pct", "mom_pct"],
  stock: ["value", "yoy_pct", "mom_pct"],
  index: ["level", "yoy_pct", "mom_pct"],
  rate: ["value", "yoy_pct"],
};

const UPDATE_BATCH = 200;

const keyOf = (w: { indicator: string; period: string; measure: string }) =>
  `${w.indicator}|${w.period}|${w.measure}`;

/** This month in Vietnam, `2026-12`: figures of later months do not exist yet. */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now).slice(0, 7);
}

/**
 * Why a period cannot hold figures of this unit, or null: it ends after the current month, or it
 * lies wholly outside the unit's lifetime (a former unit after 30/06/2025, a new one before 07/2025).
 */
export function periodProblem(
  periodKey: string,
  unit: { validFrom: string | null; validTo: string | null },
  now = new Date(),
): { vi: string; en: string } | null {
  const period = parsePeriod(periodKey);
  if (!period) return null;
  const months = periodMonths(period);
  const [first, last] = [months[0], months[months.length - 1]];
  if (last > currentMonth(now)) {
    return { vi: `Kỳ «${periodKey}» chưa kết thúc.`, en: `The period «${periodKey}» has not ended yet.` };
  }
  const from = unit.validFrom?.slice(0, 7) ?? null;
  const to = unit.validTo?.slice(0, 7) ?? null;
  if ((to && first > to) || (from && last < from)) {
    return {
      vi: `Đơn vị không tồn tại trong kỳ «${periodKey}»${from ? ` (từ ${from})` : ""}${to ? ` (đến ${to})` : ""}.`,
      en: `The unit did not exist in «${periodKey}»${from ? ` (from ${from})` : ""}${to ? ` (until ${to})` : ""}.`,
    };
  }
  return null;
}

/** Checks every write against the catalogue, the unit's lifetime and the hard rules; all problems at once, by field. */
async function validate(db: DbOrTx, provinceId: string, writes: FigureWrite[]) {
  // Before any query: PostgreSQL refuses a NUL byte in text, which would be a 500.
  const nul = nulBytePath({ figures: writes });
  if (nul) throw nulByteError(nul, "invalid");
  const codes = [...new Set(writes.map((w) => w.indicator))];
  const [known, [unit]] = await Promise.all([
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
  const kinds = new Map(known.map((k) => [k.code, k.kind]));
  const fields: FieldErrors = {};
  const add = (path: string, vi: string, en: string) => addFieldError(fields, path, { vi, en });
  const seen = new Set<string>();
  writes.forEach((w, i) => {
    const kind = kinds.get(w.indicator);
    if (!kind)
      add(
        `figures.${i}.indicator`,
        `Không có chỉ tiêu «${w.indicator}».`,
        `Unknown indicator «${w.indicator}».`,
      );
    if (!parsePeriod(w.period))
      add(`figures.${i}.period`, `Kỳ «${w.period}» không hợp lệ.`, `Invalid period «${w.period}».`);
    const outside = unit ? periodProblem(w.period, unit) : null;
    if (outside) add(`figures.${i}.period`, outside.vi, outside.en);
    if (seen.has(keyOf(w)))
      add(`figures.${i}`, "Số liệu bị lặp trong cùng yêu cầu.", "The same figure twice in the request.");
    seen.add(keyOf(w));
    if (!kind) return;
    if (!MEASURES_BY_KIND[kind].includes(w.measure)) {
      add(
        `figures.${i}.measure`,
        `Chỉ tiêu loại ${kind} không nhận «${w.measure}».`,
        `«${w.measure}» is not a measure of a ${kind} indicator.`,
      );
      return;
    }
    const error = hardError(kind, w.measure, w.value);
    if (error) add(`figures.${i}.value`, error.vi, error.en);
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(
      "invalid",
      "Có số liệu không hợp lệ; không số liệu nào được lưu.",
      "Some figures are invalid; nothing was saved.",
      fields,
    );
  }
}

function conflict(
  index: number,
  current: { value: string; version: number; vintage: Vintage; note: string | null } | null,
) {
  return new AppError(
    "conflict",
    "Số liệu này đã bị người khác thay đổi. Không số liệu nào được lưu; hãy xem giá trị mới và quyết định.",
    "Someone else changed this figure. Nothing was saved; look at the new value and decide.",
    { [`figures.${index}.version`]: [{ vi: "Phiên bản đã cũ.", en: "Stale version." }] },
    { index, current: current && { ...current, value: Number(current.value) } },
  );
}

/** Where the figures came from, kept in each audit row (`import:<id>` for an Excel import, `text` for a pasted report). */
export type SaveOptions = { source?: string };

/**
 * Saves figures for a province as drafts, all or nothing (call inside a transaction): every write
 * names the version it read, a stale one is a 409, a figure of a submitted or approved month a 423.
 * Each change adds a revision (history is never overwritten) and an audit row; an unchanged value
 * writes nothing.
 */
export async function saveFigures(
  db: DbOrTx,
  provinceId: string,
  userId: number,
  input: FigureWrite[],
  options: SaveOptions = {},
): Promise<SavedFigure[]> {
  // Compared with the stored value, and answered, as the column will keep it (6 decimals).
  const writes = input.map((w) => ({ ...w, value: toStoredAmount(w.value) }));
  await validate(db, provinceId, writes);
  const months = [...new Set(writes.map((w) => sheetMonthOf(w.period) as string))];
  await assertMonthsEditable(db, provinceId, months);

  // One read of the periods involved, filtered here: a set of (indicator, period, measure) triples
  // as an OR of hundreds of terms is slow to plan.
  const existing = writes.length
    ? await db
        .select()
        .from(figures)
        .where(
          and(
            eq(figures.provinceId, provinceId),
            inArray(figures.period, [...new Set(writes.map((w) => w.period))]),
          ),
        )
    : [];
  const byKey = new Map(
    existing.map((f) => [keyOf({ indicator: f.indicatorCode, period: f.period, measure: f.measure }), f]),
  );

  const saved: SavedFigure[] = [];
  type Change = {
    index: number;
    w: FigureWrite;
    note: string | null;
    before: (typeof existing)[number] | undefined;
    /** Where its result goes in `saved`, which keeps the order of the writes. */
    slot: number;
  };
  const changes: Change[] = [];
  for (const [index, w] of writes.entries()) {
    const note = w.note?.trim() ? w.note.trim() : null;
    const before = byKey.get(keyOf(w));
    if (before && (w.version ?? null) !== before.version) throw conflict(index, before);
    if (!before && w.version) throw conflict(index, null);
    if (before && Number(before.value) === w.value && before.vintage === w.vintage && before.note === note) {
      saved.push({ ...w, note, version: before.version, changed: false });
      continue;
    }
    changes.push({ index, w, note, before, slot: saved.length });
    saved.push({ ...w, note, version: 0, changed: true });
  }
  if (changes.length === 0) return saved;

  // The changes are written as sets — one insert, one update, one insert of revisions and one of
  // audit rows — so a year's import costs a handful of statements, not three per figure.
  const now = new Date();
  const inserts = changes.filter((c) => !c.before);
  const updates = changes.filter((c) => c.before);
  const inserted = inserts.length
    ? await db
        .insert(figures)
        .values(
          inserts.map(({ w, note }) => ({
            provinceId,
            indicatorCode: w.indicator,
            period: w.period,
            year: Number(w.period.slice(0, 4)),
            measure: w.measure,
            value: String(w.value),
            vintage: w.vintage,
            note,
            enteredBy: userId,
            enteredAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning()
    : [];
  const updated: (typeof inserted)[number][] = [];
  // In batches: PGlite (not PostgreSQL) silently updates nothing past about 270 rows in one such statement.
  for (let from = 0; from < updates.length; from += UPDATE_BATCH) {
    const batch = updates.slice(from, from + UPDATE_BATCH);
    const cases = (pick: (c: Change) => string | null, cast: string) =>
      sql.join(
        [
          sql`case ${figures.id}`,
          ...batch.map((c) => sql`when ${c.before?.id} then ${pick(c)}::${sql.raw(cast)}`),
          sql`end`,
        ],
        sql` `,
      );
    updated.push(
      ...(await db
        .update(figures)
        .set({
          value: sql`${cases((c) => String(c.w.value), "numeric")}`,
          vintage: sql`${cases((c) => c.w.vintage, "vintage")}`,
          note: sql`${cases((c) => c.note, "text")}`,
          version: sql`${figures.version} + 1`,
          enteredBy: userId,
          enteredAt: now,
        })
        .where(
          and(
            eq(figures.provinceId, provinceId),
            sql`(${figures.id}, ${figures.version}) in (${sql.join(
              batch.map((c) => sql`(${c.before?.id}::bigint, ${c.before?.version}::int)`),
              sql`, `,
            )})`,
          ),
        )
        .returning()),
    );
  }
  // Someone else got there between our read and our write.
  const rowOf = new Map<string, (typeof inserted)[number]>(
    [...inserted, ...updated].map((r) => [
      keyOf({ indicator: r.indicatorCode, period: r.period, measure: r.measure }),
      r,
    ]),
  );
  const missing = changes.find((c) => !rowOf.has(keyOf(c.w)));
  if (missing) throw conflict(missing.index, null);

  const rows = changes.map((c) => rowOf.get(keyOf(c.w)) as (typeof inserted)[number]);
  await db.insert(figureRevisions).values(
    rows.map((row) => ({
      figureId: row.id,
      version: row.version,
      value: row.value,
      vintage: row.vintage,
      note: row.note,
      enteredBy: userId,
      enteredAt: now,
    })),
  );
  await db.insert(auditLog).values(
    changes.map(({ w, note, before }, i) => ({
      userId,
      provinceId,
      action: "figure.save",
      entity: "figure",
      entityId: `${provinceId}/${w.indicator}/${w.period}/${w.measure}`,
      before: before
        ? { value: Number(before.value), vintage: before.vintage, note: before.note, version: before.version }
        : null,
      after: {
        value: w.value,
        vintage: w.vintage,
        note,
        version: rows[i].version,
        ...(options.source ? { source: options.source } : {}),
      },
    })),
  );
  for (const [i, c] of changes.entries()) saved[c.slot].version = rows[i].version;
  return saved;
}
