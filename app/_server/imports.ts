import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { periodProblem, saveFigures } from "@/db/queries/figure-writes";
import {
  createImport,
  currentFigures,
  getImport,
  listMappings,
  mappingKey,
  markImportCommitted,
  monthStatuses,
  saveMapping,
} from "@/db/queries/imports";
import { listIndicators } from "@/db/queries/reference";
import { getSheetInputs } from "@/db/queries/sheet";
import type { Province } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import {
  applyMapping,
  type CatalogueIndicator,
  headerYear,
  type LayoutMapping,
  readGrid,
  suggestMapping,
} from "@/lib/import/layout";
import { buildPreview, figureKey, type ImportEntry, type ImportWrite } from "@/lib/import/preview";
import { buildTemplate, isTemplate, readTemplate } from "@/lib/import/template";
import { loadWorkbook, WorkbookProblem } from "@/lib/import/workbook";
import { formatForInput } from "@/lib/numbers";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { sheetMonthOf } from "@/lib/sheet";
import { buildSheet } from "@/lib/sheet-model";
import type { Message } from "@/lib/validation";
import type { WriteContext } from "./guard";
import { loadSheet } from "./month";
import type { CurrentUser } from "./session";

/**
 * The Excel round-trip (issue 11), shared by the API routes and the import page: the month's
 * template, the preview of an upload (nothing saved but the pending import), and its confirmation
 * through the save path (versions, checks, audit) in the caller's transaction.
 */

const measureSchema = z.enum(["value", "level", "yoy_pct", "mom_pct"]);
export const layoutMappingSchema = z.object({
  sheet: z.string().min(1).max(100),
  labelColumn: z.number().int().min(1).max(200),
  headerRow: z.number().int().min(1).max(3000),
  rows: z
    .array(
      z.object({
        label: z.string().min(1).max(300),
        indicator: z.string().min(1).max(32),
        measure: measureSchema,
        index100: z.boolean(),
      }),
    )
    .max(500),
  columns: z
    .array(
      z.object({
        header: z.string().min(1).max(200),
        kind: z.enum(["month", "ytd"]),
        month: z.number().int().min(1).max(12),
      }),
    )
    .max(200),
});

export const importOptionsSchema = z.object({
  month: z
    .string()
    .refine((m) => parsePeriod(m)?.kind === "month", "Tháng dạng 2026-10 / a month as 2026-10")
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  vintage: z.enum(["estimate", "preliminary", "official"]).optional(),
  /** Which sheet to suggest a mapping for (the first one otherwise). */
  sheet: z.string().max(100).optional(),
  mapping: z
    .string()
    .max(200_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Không phải JSON / not JSON" });
        return z.NEVER;
      }
    })
    .pipe(layoutMappingSchema)
    .optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

const problem = (m: Message) => new AppError("invalid", m.vi, m.en, { file: [m] });

export async function monthTemplate(db: DbOrTx, province: Province, month: string, user: CurrentUser) {
  const sheet = await loadSheet(db, province.id, month);
  return buildTemplate(sheet, {
    provinceId: province.id,
    provinceName: province.nameVi,
    month,
    generatedAt: new Date(),
    generatedBy: user.username,
  });
}

export function templateFileName(province: Province, month: string) {
  return `ChiTieu_${province.id}_${month}.xlsx`;
}

function catalogueOf(rows: Awaited<ReturnType<typeof listIndicators>>): CatalogueIndicator[] {
  return rows.map((r) => ({ code: r.code, nameVi: r.nameVi, kind: r.kind, parentCode: r.parentCode }));
}

const LOCK_TEXT: Record<"submitted" | "approved", Message> = {
  submitted: {
    vi: "tháng đã gửi duyệt nên không nhận số liệu; lãnh đạo Sở có thể trả lại để sửa.",
    en: "the month is submitted and takes no figures; a leader can return it for changes.",
  },
  approved: {
    vi: "tháng đã được duyệt (khóa); chỉ quản trị tỉnh có thể mở lại.",
    en: "the month is approved (locked); only the province admin can reopen it.",
  },
};

/** The month's warnings with the import's writes in place: the same checks the sheet shows. */
async function warningsWith(db: DbOrTx, provinceId: string, writes: ImportWrite[]) {
  const months = [...new Set(writes.map((w) => sheetMonthOf(w.period) as string))].sort().slice(0, 24);
  const written = new Map(writes.map((w) => [figureKey(w), w]));
  const out: { month: string; indicator: string; code: string; message: Message }[] = [];
  // A month's sheet reads its year's and the year before's figures: one read serves every month of a year.
  const inputsByYear = new Map<string, Awaited<ReturnType<typeof getSheetInputs>>>();
  for (const month of months) {
    const year = month.slice(0, 4);
    let inputs = inputsByYear.get(year);
    if (!inputs) {
      inputs = await getSheetInputs(db, provinceId, month);
      inputs.figures = [
        ...inputs.figures.filter((f) => !written.has(figureKey(f))),
        ...writes.map((w) => ({ ...w, version: w.version ?? 0 })),
      ];
      inputsByYear.set(year, inputs);
    }
    const sheet = buildSheet({ month, ...inputs });
    const touched = new Set(writes.filter((w) => sheetMonthOf(w.period) === month).map((w) => w.indicator));
    for (const warning of sheet.warnings) if (touched.has(warning.indicator)) out.push({ month, ...warning });
  }
  return out;
}

export type PreviewResponse =
  | {
      status: "needs_mapping";
      fileName: string;
      grid: ReturnType<typeof readGrid>;
      suggestion: LayoutMapping;
      year: number | null;
    }
  | {
      status: "preview";
      importId: string | null;
      kind: "template" | "layout";
      fileName: string;
      months: string[];
      counts: ReturnType<typeof buildPreview>["counts"];
      cells: ReturnType<typeof buildPreview>["cells"];
      warnings: Awaited<ReturnType<typeof warningsWith>>;
      indicators: Record<string, { nameVi: string; nameEn: string; unit: string; decimals: number }>;
      mapping: LayoutMapping | null;
      grid: ReturnType<typeof readGrid> | null;
      year: number | null;
      vintage: string | null;
    };

/**
 * Reads an uploaded file and says what confirming it would change. A template is read against its
 * `_meta`; any other workbook through the mapping given, or the one kept for its sheet, or — with
 * neither — the answer asks for a mapping with a suggestion. Nothing but the pending import (when
 * there is something to confirm) is written.
 */
export async function previewImport(
  db: DbOrTx,
  user: CurrentUser,
  province: Province,
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions,
): Promise<PreviewResponse> {
  let wb: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    wb = await loadWorkbook(file.bytes);
  } catch (e) {
    if (e instanceof WorkbookProblem) throw problem(e.problem);
    throw e;
  }
  const indicatorRows = await listIndicators(db);
  const catalogue = catalogueOf(indicatorRows);
  let entries: ImportEntry[];
  let kind: "template" | "layout";
  let mapping: LayoutMapping | null = null;
  let grid: ReturnType<typeof readGrid> | null = null;
  let year: number | null = null;
  const vintage = options.vintage ?? "official";
  try {
    if (isTemplate(wb)) {
      kind = "template";
      entries = readTemplate(wb, {
        provinceId: province.id,
        provinceName: province.nameVi,
        month: options.month,
      }).entries;
    } else {
      kind = "layout";
      const saved = await listMappings(db, province.id);
      const sheetNames = new Set(wb.worksheets.map((w) => mappingKey(w.name)));
      const kept = options.mapping ? null : (saved.find((m) => sheetNames.has(mappingKey(m.sheet))) ?? null);
      const chosen = (options.mapping as LayoutMapping | undefined) ?? kept;
      grid = readGrid(wb, chosen?.sheet ?? options.sheet);
      const fallbackYear = options.month ? Number(options.month.slice(0, 4)) : null;
      if (!chosen) {
        const suggestion = suggestMapping(grid, catalogue);
        return {
          status: "needs_mapping",
          fileName: file.name,
          grid,
          suggestion,
          year: options.year ?? headerYear(grid, suggestion.headerRow) ?? fallbackYear,
        };
      }
      mapping = chosen;
      year = options.year ?? headerYear(grid, mapping.headerRow) ?? fallbackYear;
      if (!year) {
        throw new AppError("invalid", "Hãy chọn năm của bảng số liệu.", "Choose the year of the table.", {
          year: [{ vi: "Bắt buộc", en: "Required" }],
        });
      }
      const known = new Set(catalogue.map((c) => c.code));
      const unknown = mapping.rows.filter((r) => !known.has(r.indicator));
      if (unknown.length > 0) {
        throw new AppError(
          "invalid",
          "Cách ghép có chỉ tiêu không tồn tại.",
          "The mapping names unknown indicators.",
          {
            mapping: unknown.map((r) => ({ vi: r.indicator, en: r.indicator })),
          },
        );
      }
      entries = applyMapping(wb, mapping, { year, vintage, catalogue });
      if (entries.length === 0 && kept) {
        // The kept mapping no longer fits this file (headers moved, rows renamed): ask again, starting from it.
        const suggestion = suggestMapping(grid, catalogue, kept);
        return { status: "needs_mapping", fileName: file.name, grid, suggestion, year };
      }
      if (entries.length === 0) {
        throw problem({
          vi: "Không đọc được số liệu nào theo cách ghép này: hãy chọn dòng tiêu đề tháng, cột tên chỉ tiêu, và ghép ít nhất một dòng với một cột.",
          en: "No figures were read with this mapping: choose the row of month headers and the column of names, and map at least one row and one column.",
        });
      }
    }
  } catch (e) {
    if (e instanceof WorkbookProblem) throw problem(e.problem);
    throw e;
  }

  const periods = [...new Set(entries.map((e) => e.period))];
  const months = [...new Set(periods.map((p) => sheetMonthOf(p) as string))].sort();
  const [current, statuses] = await Promise.all([
    currentFigures(db, province.id, periods),
    monthStatuses(db, province.id, months),
  ]);
  const locked = new Map<string, Message>();
  for (const [month, status] of statuses)
    if (status === "submitted" || status === "approved") locked.set(month, LOCK_TEXT[status]);
  // Periods the save would refuse (outside the unit's lifetime, not yet ended) are errors here already.
  const preview = buildPreview(entries, current, locked, (period) => periodProblem(period, province));
  const warnings = await warningsWith(db, province.id, preview.writes);
  const committable = preview.writes.length > 0 && preview.counts.error === 0;
  const importId = committable ? randomUUID() : null;
  if (importId) {
    await createImport(db, {
      id: importId,
      provinceId: province.id,
      userId: user.id,
      kind,
      fileName: file.name.slice(0, 200),
      months,
      writes: preview.writes,
      mapping,
    });
  }
  const used = new Set(preview.cells.map((c) => c.indicator));
  const indicators = Object.fromEntries(
    indicatorRows
      .filter((i) => used.has(i.code))
      .map((i) => [i.code, { nameVi: i.nameVi, nameEn: i.nameEn, unit: i.unit, decimals: i.decimals }]),
  );
  return {
    status: "preview",
    importId,
    kind,
    fileName: file.name,
    months,
    counts: preview.counts,
    cells: preview.cells,
    warnings,
    indicators,
    mapping,
    grid: kind === "layout" ? grid : null,
    year,
    vintage: kind === "layout" ? vintage : null,
  };
}

function monthText(period: string) {
  const m = sheetMonthOf(period);
  const p = m ? parsePeriod(m) : null;
  return p ? periodLabel(p, "vi") : period;
}

/**
 * Confirms a previewed import in the caller's transaction: 409 with every figure changed since the
 * file was made (nothing saved), else the writes go through saveFigures naming the import in their
 * audit rows, the import is marked committed, and a layout's mapping is kept for the province.
 */
export async function commitImport(
  ctx: Pick<WriteContext<unknown>, "tx" | "user" | "audit">,
  province: Province,
  importId: string,
) {
  const { tx, user } = ctx;
  const row = await getImport(tx, importId);
  const notFound = new AppError(
    "not_found",
    "Không tìm thấy lần nhập này (có thể đã quá một ngày): hãy tải tệp lên lại.",
    "This import was not found (it may be more than a day old): upload the file again.",
  );
  if (!row || row.provinceId !== province.id || row.userId !== user.id) throw notFound;
  if (row.createdAt.getTime() < Date.now() - 24 * 3600 * 1000 && row.status === "pending") throw notFound;
  if (row.status === "committed") {
    throw new AppError("conflict", "Tệp này đã được lưu rồi.", "This file was already saved.", undefined, {
      importId,
      committedAt: row.committedAt,
    });
  }
  const current = await currentFigures(
    tx,
    province.id,
    row.writes.map((w) => w.period),
  );
  const stale = row.writes.filter((w) => (current.get(figureKey(w))?.version ?? null) !== w.version);
  if (stale.length > 0) {
    const fields: FieldErrors = {};
    for (const w of stale) {
      const now = current.get(figureKey(w));
      fields[w.cell] = [
        {
          vi: `${w.indicator} ${monthText(w.period)}: hiện là ${now ? formatForInput(now.value) : "—"} (phiên bản ${now?.version ?? "—"})`,
          en: `${w.indicator} ${w.period}: now ${now?.value ?? "—"} (version ${now?.version ?? "—"})`,
        },
      ];
    }
    throw new AppError(
      "conflict",
      `${stale.length} số liệu đã bị người khác thay đổi sau khi tệp được tạo. Không số liệu nào được lưu; hãy tải mẫu mới (hoặc tải tệp lên lại) để xem giá trị mới.`,
      `${stale.length} figures were changed by someone else after the file was made. Nothing was saved; download a new template (or upload the file again) to see the new values.`,
      fields,
      {
        conflicts: stale.map((w) => {
          const now = current.get(figureKey(w)) ?? null;
          return {
            cell: w.cell,
            indicator: w.indicator,
            period: w.period,
            measure: w.measure,
            value: w.value,
            version: w.version,
            current: now && { value: now.value, version: now.version, vintage: now.vintage, note: now.note },
          };
        }),
      },
    );
  }
  const source = `import:${importId}`;
  const saved = await saveFigures(
    tx,
    province.id,
    user.id,
    row.writes.map(({ cell: _cell, ...w }) => w),
    { source },
  );
  if (!(await markImportCommitted(tx, importId))) {
    throw new AppError("conflict", "Tệp này đã được lưu rồi.", "This file was already saved.");
  }
  if (row.mapping) {
    const before = await saveMapping(tx, province.id, row.mapping, user.id);
    await ctx.audit({
      action: "import.mapping",
      entity: "import_mapping",
      entityId: `${province.id}/${mappingKey(row.mapping.sheet)}`,
      before,
      after: row.mapping,
    });
  }
  const changed = saved.filter((f) => f.changed).length;
  await ctx.audit({
    action: "import.commit",
    entity: "import",
    entityId: importId,
    after: { fileName: row.fileName, kind: row.kind, months: row.months, figures: changed },
  });
  return { importId, saved: changed, figures: saved };
}
