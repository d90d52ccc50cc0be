import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { type AttainmentData, getAttainmentData } from "@/db/queries/attainment";
import { listIndicators } from "@/db/queries/reference";
import {
  getReport,
  getReportFile,
  issueReport,
  listReportSettings,
  listReportsOfPeriod,
  listYearTargets,
  lockReport,
  numberTaken,
  saveReportParagraphs,
} from "@/db/queries/reports";
import type { Indicator, Province } from "@/db/schema";
import type { AttainmentTarget } from "@/lib/attainment";
import { AppError, bilingual, errors } from "@/lib/errors";
import { applyEdits, type EditRequest, type StoredParagraph } from "@/lib/report-edits";
import { estimateOnSamePeriod, planOnYear } from "@/lib/report-estimates";
import { documentNumber, type ReportPeriods, reportPeriods } from "@/lib/report-periods";
import { resolveSettings, settingsDate } from "@/lib/report-settings";
import { type TableRowSet, tableColumns } from "@/lib/report-table";
import { type EngineRow, type ReportIndicator, writeReport } from "@/lib/report-text";
import { assembleReport, type ReportIssue, type ReportView } from "@/lib/report-view";
import { attainmentFromData, provinceFigures } from "./attainment";
import type { WriteContext } from "./guard";
import { renderReportFile } from "./report-files";

/**
 * The month's report of a province: written from the attainment engine's rows (app/_server/
 * attainment.ts → lib/attainment.ts) with the paragraphs staff changed, saved with versions, and
 * issued — number, date, a frozen copy and its files. Shared by the pages and the API.
 */

/** Today in Vietnam, yyyy-mm-dd. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}

export const FORMATS = ["pdf", "docx", "xlsx"] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** `2023-YTD06`, `2023-YTD06.pdf`: the period a report path names and the file asked for. */
export function parseReportPath(raw: string): { period: string; format: ReportFormat | null } | null {
  const m = /^(.+?)(?:\.(pdf|docx|xlsx))?$/.exec(raw);
  if (!m || !reportPeriods(m[1])) return null;
  return { period: m[1], format: (m[2] as ReportFormat | undefined) ?? null };
}

export const reportPathSchema = z.string().transform((raw, ctx) => {
  const parsed = parseReportPath(raw);
  if (!parsed) {
    ctx.addIssue({
      code: "custom",
      message:
        "Kỳ báo cáo không hợp lệ (ví dụ 2024-02, 2024-Q1, 2024-YTD06, 2024; có thể thêm .pdf, .docx, .xlsx) / invalid report period",
    });
    return z.NEVER;
  }
  return parsed;
});

function toReportIndicator(i: Indicator): ReportIndicator {
  return {
    code: i.code,
    parentCode: i.parentCode,
    nameVi: i.nameVi,
    unit: i.unit,
    kind: i.kind,
    decimals: i.decimals,
    frequency: i.frequency,
    sortOrder: i.sortOrder,
  };
}

/** The figures and targets of one province (and its predecessors): what its rows are computed from. */
function sliceData(data: AttainmentData, province: Province): AttainmentData {
  const ids = new Set([
    province.id,
    ...data.provinces.filter((p) => p.successorId === province.id).map((p) => p.id),
  ]);
  return {
    provinces: data.provinces,
    figures: data.figures.filter((f) => ids.has(f.provinceId)),
    targets: data.targets.filter((t) => ids.has(t.provinceId)),
    monthStatuses: data.monthStatuses.filter((s) => ids.has(s.provinceId)),
  };
}

function toTarget(t: {
  basis: "level" | "growth";
  value: string;
  valueMax: string | null;
  bound: string;
  quarter: number | null;
  document: string | null;
}): AttainmentTarget {
  return {
    basis: t.basis,
    value: Number(t.value),
    valueMax: t.valueMax === null ? null : Number(t.valueMax),
    bound: t.bound,
    quarter: t.quarter,
    document: t.document,
  };
}

type NextTargets = Map<string, AttainmentTarget>;

/**
 * The engine's rows behind every indicator's paragraph and table row: the period, the year to date,
 * the period before and last year (each one call of the engine for all indicators), and for the
 * October and year-end tables the year's estimate and next year's plan, asked of the engine too.
 */
export function reportRows(
  data: AttainmentData,
  province: Province,
  indicators: Indicator[],
  periods: ReportPeriods,
  nextTargets: NextTargets,
): Map<string, TableRowSet> {
  const columns = new Set(tableColumns(periods).map((c) => c.id));
  const rowsOf = (key: string | null) =>
    new Map<string, EngineRow>(
      key ? attainmentFromData(data, province, indicators, key).map((r) => [r.indicator, r]) : [],
    );
  const toDateKey =
    periods.kind === "year"
      ? periods.current
      : `${periods.year}-YTD${String(periods.lastMonth).padStart(2, "0")}`;
  const current = rowsOf(periods.current);
  const toDate = toDateKey === periods.current ? current : rowsOf(toDateKey);
  const previous = rowsOf(columns.has("previous") ? periods.previous : null);
  const lastYear = rowsOf(columns.has("lastYear") ? String(periods.year - 1) : null);

  const out = new Map<string, TableRowSet>();
  for (const indicator of indicators) {
    const code = indicator.code;
    const set: TableRowSet = {
      current: current.get(code) ?? null,
      toDate: toDate.get(code) ?? null,
      previous: previous.get(code) ?? null,
      lastYear: lastYear.get(code) ?? null,
      estimateOnSame: null,
      nextPlan: nextTargets.get(code) ?? null,
      nextPlanOnEstimate: null,
    };
    if (!set.current && !set.toDate && !set.previous && !set.lastYear) continue;
    const engineIndicator = {
      code,
      kind: indicator.kind,
      direction: indicator.direction,
      decimals: indicator.decimals,
      unit: indicator.unit,
    };
    const projection = set.toDate?.projection ?? null;
    if (columns.has("estimateOnSame")) {
      set.estimateOnSame = estimateOnSamePeriod(
        engineIndicator,
        periods.year,
        provinceFigures(data, province, indicator),
        projection,
      );
    }
    if (columns.has("nextPlanOnEstimate")) {
      // October compares next year's plan with the estimate; December and the year with the year.
      const yearFigure = columns.has("yearEstimate") ? projection : (set.toDate?.actual ?? null);
      set.nextPlanOnEstimate = planOnYear(engineIndicator, periods.year, set.nextPlan, yearFigure);
    }
    out.set(code, set);
  }
  return out;
}

type Sources = {
  data: AttainmentData;
  indicators: Indicator[];
  settingsRows: Awaited<ReturnType<typeof listReportSettings>>;
  nextTargets: NextTargets;
};

async function readSources(db: DbOrTx, province: Province, periods: ReportPeriods): Promise<Sources> {
  const needsNext = tableColumns(periods).some((c) => c.id === "nextPlan");
  const [indicators, data, settingsRows, next] = await Promise.all([
    listIndicators(db),
    getAttainmentData(db, { provinceIds: [province.id], year: periods.year }),
    listReportSettings(db, [province.id]),
    needsNext ? listYearTargets(db, province.id, periods.year + 1) : Promise.resolve([]),
  ]);
  return {
    data,
    indicators,
    settingsRows,
    nextTargets: new Map(next.map((t) => [t.indicatorCode, toTarget(t)])),
  };
}

/** The report as it would print now, from sources already read. */
function composeView(
  sources: Sources,
  province: Province,
  periods: ReportPeriods,
  record: { version: number; paragraphs: StoredParagraph[] } | null,
  today: string,
  issued: ReportIssue | null = null,
): ReportView {
  const rows = reportRows(
    sliceData(sources.data, province),
    province,
    sources.indicators,
    periods,
    sources.nextTargets,
  );
  const date = settingsDate(
    { nameVi: province.nameVi, validFrom: province.validFrom, validTo: province.validTo },
    today,
    issued?.date ?? null,
  );
  const settings = resolveSettings(
    province,
    sources.settingsRows.filter((s) => s.provinceId === province.id),
    date,
  );
  const { id: _id, ...printed } = settings;
  return assembleReport({
    province,
    periods,
    indicators: sources.indicators.map(toReportIndicator),
    rows,
    stored: record?.paragraphs ?? [],
    settings: printed,
    version: record?.version ?? 0,
    issued,
  });
}

export type LoadedReport = {
  view: ReportView;
  periods: ReportPeriods;
  record: Awaited<ReturnType<typeof getReport>>;
};

/** A province's report of a period: the frozen copy once issued, else written now from the figures. */
export async function loadReport(
  db: DbOrTx,
  province: Province,
  period: string,
  today = todayInVietnam(),
): Promise<LoadedReport> {
  const periods = reportPeriods(period);
  if (!periods) throw errors.notFound("kỳ báo cáo", "Report period");
  const record = await getReport(db, province.id, period);
  if (record?.snapshot) return { view: record.snapshot, periods, record };
  const sources = await readSources(db, province, periods);
  return { view: composeView(sources, province, periods, record, today), periods, record };
}

function conflict(current: number): AppError {
  return new AppError(
    "conflict",
    `Báo cáo đã được người khác lưu (phiên bản ${current}). Tải lại để xem bản mới nhất rồi sửa tiếp.`,
    `Someone else saved this report (version ${current}). Reload to see the latest, then edit again.`,
    undefined,
    { version: current },
  );
}

function alreadyIssued(): AppError {
  return new AppError(
    "conflict",
    "Báo cáo đã ban hành: không sửa được nữa.",
    "The report has been issued and can no longer be changed.",
  );
}

/** The report locked for a change: still a draft, and at the version the caller read (409 otherwise). */
async function lockDraft(tx: DbOrTx, province: Province, period: string, read: number) {
  const periods = reportPeriods(period);
  if (!periods) throw errors.notFound("kỳ báo cáo", "Report period");
  const record = await lockReport(tx, province.id, period);
  if (record?.issuedAt) throw alreadyIssued();
  const version = record?.version ?? 0;
  if (read !== version) throw conflict(version);
  return { periods, record, version };
}

export const reportEditSchema = z.object({
  version: z.number().int().min(0),
  paragraphs: z
    .array(
      z.object({
        key: z.string().min(1).max(64).optional(),
        section: z.string().min(1).max(32).optional(),
        text: z.string().max(20_000),
      }),
    )
    .max(200)
    .optional(),
  reset: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).max(200)]).optional(),
});
export type ReportEditBody = z.infer<typeof reportEditSchema>;

/**
 * Saves changed paragraphs (PUT, the editor): a stale version is refused (409) with the current
 * one; the change and what it replaced go to the audit log in the same transaction.
 */
export async function saveReportEdits(
  ctx: Pick<WriteContext<unknown>, "tx" | "user" | "audit">,
  province: Province,
  period: string,
  body: ReportEditBody,
  today = todayInVietnam(),
): Promise<ReportView> {
  const { tx } = ctx;
  const { periods, record, version } = await lockDraft(tx, province, period, body.version);
  const sources = await readSources(tx, province, periods);
  const generated = writeReport(
    periods,
    sources.indicators.map(toReportIndicator),
    new Map(
      [
        ...reportRows(
          sliceData(sources.data, province),
          province,
          sources.indicators,
          periods,
          sources.nextTargets,
        ),
      ].map(([k, r]) => [k, { current: r.current, toDate: r.toDate }]),
    ),
  );
  const request: EditRequest = { paragraphs: body.paragraphs, reset: body.reset };
  const result = applyEdits(generated, record?.paragraphs ?? [], request);
  if (result.changes.length === 0) {
    return composeView(sources, province, periods, record, today);
  }
  const saved = await saveReportParagraphs(tx, {
    provinceId: province.id,
    period,
    version,
    paragraphs: result.stored,
    userId: ctx.user.id,
  });
  if (saved === null) throw conflict(version + 1);
  await ctx.audit({
    provinceId: province.id,
    action: "report.save",
    entity: "report",
    entityId: `${province.id}/${period}`,
    before: { version, paragraphs: result.changes.map((c) => ({ key: c.key, text: c.before })) },
    after: { version: saved, paragraphs: result.changes.map((c) => ({ key: c.key, text: c.after })) },
  });
  return composeView(sources, province, periods, { version: saved, paragraphs: result.stored }, today);
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ (yyyy-mm-dd) / invalid date (yyyy-mm-dd)")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "Ngày không tồn tại / no such date",
    },
  );

export const reportIssueSchema = z.object({
  version: z.number().int().min(0),
  number: z.number().int().min(1, bilingual("Số văn bản từ 1", "The number starts at 1")).max(99_999),
  date: isoDateSchema,
  place: z.string().trim().min(1).max(100).optional(),
});
export type ReportIssueBody = z.infer<typeof reportIssueSchema>;

function invalidField(field: string, vi: string, en: string): AppError {
  return new AppError("invalid", vi, en, { [field]: [{ vi, en }] });
}

/**
 * Issues the report: number and date, the settings valid on that date, a frozen copy of the text
 * and table, and its PDF, Word and Excel files stored as they are now, so a later revision of the
 * figures changes nothing of what was sent.
 */
export async function issueReportNow(
  ctx: Pick<WriteContext<unknown>, "tx" | "user" | "audit">,
  province: Province,
  period: string,
  body: ReportIssueBody,
  today = todayInVietnam(),
): Promise<ReportView> {
  const { tx } = ctx;
  const { periods, record, version } = await lockDraft(tx, province, period, body.version);

  const firstDay = `${periods.year}-${String(periods.lastMonth).padStart(2, "0")}-01`;
  if (body.date < firstDay) {
    throw invalidField(
      "date",
      `Ngày ban hành phải từ ${firstDay.split("-").reverse().join("/")} (tháng cuối của kỳ báo cáo) trở đi.`,
      `The issue date must be on or after ${firstDay.split("-").reverse().join("/")}, the report's last month.`,
    );
  }
  if (body.date > today) {
    throw invalidField(
      "date",
      "Ngày ban hành không được sau hôm nay.",
      "The issue date cannot be after today.",
    );
  }
  const sources = await readSources(tx, province, periods);
  const settings = resolveSettings(
    province,
    sources.settingsRows.filter((s) => s.provinceId === province.id),
    body.date,
  );
  const year = Number(body.date.slice(0, 4));
  const taken = await numberTaken(tx, {
    provinceId: province.id,
    year,
    symbol: settings.symbol,
    number: body.number,
  });
  if (taken) {
    const number = documentNumber(body.number, settings.symbol).slice(4);
    throw new AppError(
      "conflict",
      `Số ${number} năm ${year} đã dùng cho báo cáo kỳ ${taken}.`,
      `Number ${number} of ${year} is already used by the report for ${taken}.`,
      { number: [{ vi: `Số ${number} đã dùng`, en: `Number ${number} is taken` }] },
    );
  }
  const issued: ReportIssue = {
    number: body.number,
    date: body.date,
    place: body.place ?? settings.place,
    symbol: settings.symbol,
    issuedAt: new Date().toISOString(),
    issuedBy: ctx.user.displayName,
  };
  const view = {
    ...composeView(sources, province, periods, record, today, issued),
    version: version + 1,
  };
  const files = [];
  for (const format of FORMATS) files.push({ format, ...(await renderReportFile(view, format)) });
  const saved = await issueReport(tx, {
    provinceId: province.id,
    period,
    version,
    number: body.number,
    symbol: settings.symbol,
    date: body.date,
    place: issued.place,
    userId: ctx.user.id,
    snapshot: view,
    files: files.map((f) => ({ format: f.format, contentType: f.contentType, content: f.content })),
  });
  if (saved === null) throw conflict(version + 1);
  await ctx.audit({
    provinceId: province.id,
    action: "report.issue",
    entity: "report",
    entityId: `${province.id}/${period}`,
    before: { version, issued: null },
    after: {
      version: saved,
      number: body.number,
      symbol: settings.symbol,
      date: body.date,
      place: issued.place,
    },
  });
  return view;
}

/** A report file: the stored one of an issued report, else rendered now. */
export async function reportFile(db: DbOrTx, province: Province, period: string, format: ReportFormat) {
  const record = await getReport(db, province.id, period);
  if (record?.snapshot) {
    const stored = await getReportFile(db, record.id, format);
    if (stored) return { content: stored.content, contentType: stored.contentType, view: record.snapshot };
  }
  const { view } = await loadReport(db, province, period);
  return { ...(await renderReportFile(view, format)), view };
}

/** "BC-SCT_15-2025_2026-10.pdf": a file name that survives every mail client. */
export function reportFileName(view: ReportView, format: ReportFormat): string {
  const number = view.issued ? `${String(view.issued.number).padStart(2, "0")}-` : "";
  const symbol = (view.issued?.symbol ?? view.settings.symbol).replace(/[^A-Za-z0-9-]/g, "");
  return `${number}${symbol}_${view.provinceId}_${view.period}.${format}`;
}

// ── The national summary ─────────────────────────────────────────────────────

/** Units alive during the period's last month: the 34 after the merger, the 63 before it. */
export function unitsOf(provinces: Province[], periods: ReportPeriods): Province[] {
  const month = `${periods.year}-${String(periods.lastMonth).padStart(2, "0")}`;
  return provinces.filter(
    (p) =>
      (!p.validFrom || p.validFrom.slice(0, 7) <= month) && (!p.validTo || p.validTo.slice(0, 7) >= month),
  );
}

const SUMMARY_INDICATORS = ["CN.IIP", "CN.GTSX", "NL.DIEN_SX", "TM.BLDV", "TM.XNK"];

/**
 * `GET /reports/{period}`: every unit's headline figures for the period (year to date) and where
 * its report stands; with `views`, each unit's full report too (the national workbook).
 */
export async function nationalSummary(db: DbOrTx, period: string, opts: { views?: boolean } = {}) {
  const periods = reportPeriods(period);
  if (!periods) throw errors.notFound("kỳ báo cáo", "Report period");
  const [indicators, data] = await Promise.all([
    listIndicators(db),
    getAttainmentData(db, { year: periods.year }),
  ]);
  const units = unitsOf(data.provinces, periods);
  const ids = units.map((u) => u.id);
  const [records, settingsRows] = await Promise.all([
    listReportsOfPeriod(db, ids, period),
    opts.views ? listReportSettings(db, ids) : Promise.resolve([]),
  ]);
  const recordOf = new Map(records.map((r) => [r.provinceId, r]));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const headline = SUMMARY_INDICATORS.map((c) => byCode.get(c)).filter((i): i is Indicator => Boolean(i));
  const today = todayInVietnam();
  const provinces = units.map((province) => {
    const record = recordOf.get(province.id);
    const slice = sliceData(data, province);
    const rows = reportRows(slice, province, headline, periods, new Map());
    const view = !opts.views
      ? null
      : !record?.snapshot
        ? composeView(
            { data: slice, indicators, settingsRows, nextTargets: new Map() },
            province,
            periods,
            record ? { version: record.version, paragraphs: record.paragraphs } : null,
            today,
          )
        : record.snapshot;
    return {
      id: province.id,
      name: province.nameVi,
      nameEn: province.nameEn,
      report: record
        ? {
            version: record.version,
            issued: record.issuedNumber !== null,
            number: record.issuedNumber,
            symbol: record.issuedSymbol,
            date: record.issuedOn,
          }
        : null,
      indicators: headline.map((i) => {
        const set = rows.get(i.code);
        const row = (periods.kind === "year" ? set?.current : set?.toDate) ?? null;
        return {
          indicator: i.code,
          name: i.nameVi,
          nameEn: i.nameEn,
          unit: i.kind === "index" ? "%" : i.unit,
          decimals: i.kind === "index" ? 2 : i.decimals,
          actual: i.kind === "index" ? null : (row?.actual ?? null),
          pctOfSamePeriod: row?.pctOfSamePeriod ?? null,
          pctOfPlan: row?.pctOfPlan ?? null,
          gapPp: row?.gapPp ?? null,
          status: row?.status ?? null,
          vintage: row?.vintage ?? null,
        };
      }),
      view,
    };
  });
  return { period, periods, provinces };
}
export type NationalSummary = Awaited<ReturnType<typeof nationalSummary>>;

// ── The API's shape ──────────────────────────────────────────────────────────

/**
 * `GET /provinces/{id}/reports/{period}`: the report as JSON. Paragraphs are plain texts; their
 * keys (for `PUT`) and whether each was edited run alongside. Table cells are numbers (amounts,
 * and comparisons as index %), words for a plan that is not an amount, or null ("-").
 */
export function reportToApi(view: ReportView) {
  return {
    period: view.period,
    province: { id: view.provinceId, name: view.provinceName },
    settings: view.settings,
    header: view.header,
    title: view.title,
    summary: view.summary,
    addressees: view.addressees,
    sections: view.sections.map((s) => ({
      key: s.key,
      level: s.level,
      heading: s.heading,
      paragraphs: s.paragraphs.map((p) => p.text),
      paragraphKeys: s.paragraphs.map((p) => p.key),
      edited: s.paragraphs.map((p) => p.edited),
      stale: s.paragraphs.map((p) => p.stale),
    })),
    signature: view.signature,
    recipients: view.recipients,
    appendix: {
      heading: view.appendix.heading,
      title: view.appendix.title,
      attached: view.appendix.attached,
    },
    columns: view.appendix.columns,
    table: view.appendix.rows.map((r) => ({
      indicator: r.indicator,
      stt: r.stt,
      name: r.name,
      unit: r.unit,
      depth: r.depth,
      ...Object.fromEntries(view.appendix.columns.map((c) => [c.id, r.cells[c.id] ?? null])),
    })),
    notes: view.notes,
    version: view.version,
    issued: view.issued,
  };
}

/** A file download: its name in ASCII and in full (RFC 6266), never cached by a shared proxy. */
export function fileResponse(content: Uint8Array, contentType: string, filename: string): Response {
  return new Response(content as unknown as BodyInit, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(content.byteLength),
      "Content-Disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
