import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { StoredParagraph } from "@/lib/report-edits";
import type { ReportSettingsContent, ReportSettingsRow } from "@/lib/report-settings";
import type { ReportView } from "@/lib/report-view";
import type { DbOrTx } from "../index";
import { reportFiles, reportSettings, reports, targets, users } from "../schema";

/** A province's report of a period with who issued it, or null when nobody has saved or issued it. */
export async function getReport(db: DbOrTx, provinceId: string, period: string) {
  const [row] = await db
    .select({ report: reports, issuedByName: users.displayName })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.issuedBy))
    .where(and(eq(reports.provinceId, provinceId), eq(reports.period, period)));
  return row ? { ...row.report, issuedByName: row.issuedByName } : null;
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** The same, locked for the transaction that changes it. */
export async function lockReport(db: DbOrTx, provinceId: string, period: string) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.provinceId, provinceId), eq(reports.period, period)))
    .for("update");
  return row ?? null;
}

/** Reports of these provinces for one period (the national summary). */
export function listReportsOfPeriod(db: DbOrTx, provinceIds: string[], period: string) {
  if (provinceIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      provinceId: reports.provinceId,
      version: reports.version,
      issuedNumber: reports.issuedNumber,
      issuedSymbol: reports.issuedSymbol,
      issuedOn: reports.issuedOn,
      snapshot: reports.snapshot,
      paragraphs: reports.paragraphs,
    })
    .from(reports)
    .where(and(inArray(reports.provinceId, provinceIds), eq(reports.period, period)));
}

/**
 * Writes the changed paragraphs if the report is still at `version` (0: none saved yet). Returns
 * the new version, or null when someone else saved first (or it is being created twice).
 */
export async function saveReportParagraphs(
  db: DbOrTx,
  input: {
    provinceId: string;
    period: string;
    version: number;
    paragraphs: StoredParagraph[];
    userId: number;
  },
): Promise<number | null> {
  if (input.version === 0) {
    const inserted = await db
      .insert(reports)
      .values({
        provinceId: input.provinceId,
        period: input.period,
        version: 1,
        paragraphs: input.paragraphs,
        createdBy: input.userId,
        updatedBy: input.userId,
      })
      .onConflictDoNothing({ target: [reports.provinceId, reports.period] })
      .returning({ version: reports.version });
    return inserted[0]?.version ?? null;
  }
  const updated = await db
    .update(reports)
    .set({
      paragraphs: input.paragraphs,
      version: sql`${reports.version} + 1`,
      updatedBy: input.userId,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(reports.provinceId, input.provinceId),
        eq(reports.period, input.period),
        eq(reports.version, input.version),
        sql`${reports.issuedAt} is null`,
      ),
    )
    .returning({ version: reports.version });
  return updated[0]?.version ?? null;
}

/** Whether a number is taken this year (another report of the province with the same number and symbol). */
export async function numberTaken(
  db: DbOrTx,
  input: { provinceId: string; year: number; symbol: string; number: number },
) {
  const [row] = await db
    .select({ period: reports.period })
    .from(reports)
    .where(
      and(
        eq(reports.provinceId, input.provinceId),
        eq(reports.issuedYear, input.year),
        eq(reports.issuedSymbol, input.symbol),
        eq(reports.issuedNumber, input.number),
      ),
    );
  return row?.period ?? null;
}

/** Issues a report: its number, date, frozen text and files, in the caller's transaction. */
export async function issueReport(
  db: DbOrTx,
  input: {
    provinceId: string;
    period: string;
    version: number;
    number: number;
    symbol: string;
    date: string;
    place: string;
    userId: number;
    snapshot: ReportView;
    files: { format: string; contentType: string; content: Uint8Array }[];
  },
): Promise<number | null> {
  const values = {
    issuedNumber: input.number,
    issuedSymbol: input.symbol,
    issuedOn: input.date,
    issuedYear: Number(input.date.slice(0, 4)),
    issuedPlace: input.place,
    issuedBy: input.userId,
    issuedAt: new Date(),
    snapshot: input.snapshot,
    updatedBy: input.userId,
    updatedAt: new Date(),
  };
  let id: number | undefined;
  let version: number | undefined;
  if (input.version === 0) {
    const [row] = await db
      .insert(reports)
      .values({
        provinceId: input.provinceId,
        period: input.period,
        version: 1,
        createdBy: input.userId,
        ...values,
        snapshot: { ...input.snapshot, version: 1 },
      })
      .onConflictDoNothing({ target: [reports.provinceId, reports.period] })
      .returning({ id: reports.id, version: reports.version });
    id = row?.id;
    version = row?.version;
  } else {
    const [row] = await db
      .update(reports)
      .set({
        ...values,
        version: sql`${reports.version} + 1`,
        snapshot: { ...input.snapshot, version: input.version + 1 },
      })
      .where(
        and(
          eq(reports.provinceId, input.provinceId),
          eq(reports.period, input.period),
          eq(reports.version, input.version),
          sql`${reports.issuedAt} is null`,
        ),
      )
      .returning({ id: reports.id, version: reports.version });
    id = row?.id;
    version = row?.version;
  }
  if (id === undefined || version === undefined) return null;
  if (input.files.length > 0) {
    await db.insert(reportFiles).values(input.files.map((f) => ({ reportId: id as number, ...f })));
  }
  return version;
}

/** A stored file of an issued report. */
export async function getReportFile(db: DbOrTx, reportId: number, format: string) {
  const [row] = await db
    .select({ content: reportFiles.content, contentType: reportFiles.contentType })
    .from(reportFiles)
    .where(and(eq(reportFiles.reportId, reportId), eq(reportFiles.format, format)));
  return row ?? null;
}

// ── Settings ─────────────────────────────────────────────────────────────────

function toSettingsRow(r: typeof reportSettings.$inferSelect): ReportSettingsRow {
  return {
    id: r.id,
    provinceId: r.provinceId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
    supervisingBody: r.supervisingBody,
    issuingBody: r.issuingBody,
    place: r.place,
    symbol: r.symbol,
    signerAuthority: r.signerAuthority,
    signerTitle: r.signerTitle,
    signerName: r.signerName,
    addressees: r.addressees,
    recipients: r.recipients,
    draftingUnit: r.draftingUnit,
  };
}

/** The settings of these provinces, oldest validity first. */
export async function listReportSettings(db: DbOrTx, provinceIds: string[]): Promise<ReportSettingsRow[]> {
  if (provinceIds.length === 0) return [];
  const rows = await db
    .select()
    .from(reportSettings)
    .where(inArray(reportSettings.provinceId, provinceIds))
    .orderBy(asc(reportSettings.provinceId), asc(reportSettings.validFrom));
  return rows.map(toSettingsRow);
}

/** One settings row, locked for the transaction that changes it. */
export async function lockReportSettings(db: DbOrTx, id: number) {
  const [row] = await db.select().from(reportSettings).where(eq(reportSettings.id, id)).for("update");
  return row ? toSettingsRow(row) : null;
}

export type SettingsWrite = ReportSettingsContent & { validFrom: string; validTo: string | null };

export async function insertReportSettings(db: DbOrTx, provinceId: string, userId: number, s: SettingsWrite) {
  const [row] = await db
    .insert(reportSettings)
    .values({ provinceId, ...s, updatedBy: userId })
    .onConflictDoNothing({ target: [reportSettings.provinceId, reportSettings.validFrom] })
    .returning();
  return row ? toSettingsRow(row) : null;
}

export async function updateReportSettings(
  db: DbOrTx,
  id: number,
  version: number,
  userId: number,
  s: SettingsWrite,
) {
  const [row] = await db
    .update(reportSettings)
    .set({ ...s, version: sql`${reportSettings.version} + 1`, updatedBy: userId, updatedAt: new Date() })
    .where(and(eq(reportSettings.id, id), eq(reportSettings.version, version)))
    .returning();
  return row ? toSettingsRow(row) : null;
}

export async function deleteReportSettings(db: DbOrTx, id: number, version: number) {
  const [row] = await db
    .delete(reportSettings)
    .where(and(eq(reportSettings.id, id), eq(reportSettings.version, version)))
    .returning();
  return row ? toSettingsRow(row) : null;
}

/** A province's year targets (not the quarterly scenarios) of one year: next year's plan. */
export function listYearTargets(db: DbOrTx, provinceId: string, year: number) {
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.provinceId, provinceId), eq(targets.year, year), sql`${targets.quarter} is null`));
}
