/**
 * The month's sheet as an Excel template (report-layout.md §4), and reading it back filled in.
 *
 * Sheet «Số liệu»: one row per indicator — its code (hidden column A), name, unit, the inputs it
 * takes that month (white, unlocked, with numeric validation), vintage and note, then the context
 * (last month, same month last year, year to date, the year's target) read-only in grey. Sheet
 * «Hướng dẫn»: how to fill it. Sheet «_meta» (very hidden): template id and version, province,
 * month, and one line per input cell with the figure it holds and the version and value it had when
 * downloaded — what an upload is compared against. Pure apart from exceljs's in-memory workbook.
 */
import ExcelJS from "exceljs";
import { formatDateTime } from "../format";
import { parsePeriod, periodLabel } from "../periods";
import { type FieldKey, type Kind, type Measure, sheetMonthOf } from "../sheet";
import type { Sheet, SheetCell, SheetRow, Vintage } from "../sheet-model";
import { targetAmount } from "../targets";
import { hardError, type Message } from "../validation";
import { cellContent, mergesFrom, readNumber, WorkbookProblem } from "./workbook";

export const TEMPLATE_ID = "chitieu.month-sheet";
export const TEMPLATE_VERSION = 1;
export const DATA_SHEET = "Số liệu";
export const META_SHEET = "_meta";
const HELP_SHEET = "Hướng dẫn";

const HEADER_ROW = 4;
const FIRST_ROW = 5;
const FIELD_COLUMN: Record<FieldKey, string> = { month: "D", cumulative: "E", mom: "F", level: "G" };
const VINTAGE_COLUMN = "H";
const NOTE_COLUMN = "I";
const CONTEXT_COLUMNS = { lastMonth: "J", sameMonthLastYear: "K", yearToDate: "L", target: "M" } as const;

export const FIELD_HEADER: Record<FieldKey, string> = {
  month: "Tháng này",
  cumulative: "Lũy kế từ đầu năm",
  mom: "So tháng trước (%)",
  level: "Chỉ số gốc cố định",
};
export const VINTAGE_LABEL: Record<Vintage, string> = {
  estimate: "Ước tính",
  preliminary: "Sơ bộ",
  official: "Chính thức",
};
const GROUP_LABEL: Record<SheetRow["group"], string> = {
  industry: "I. CÔNG NGHIỆP",
  energy: "II. NĂNG LƯỢNG",
  trade: "III. THƯƠNG MẠI",
  investment: "IV. ĐẦU TƯ VÀ CỤM CÔNG NGHIỆP",
};

const FONT = "Times New Roman";
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEFF2" } };
const HEAD: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB8C0CC" } },
  left: { style: "thin", color: { argb: "FFB8C0CC" } },
  bottom: { style: "thin", color: { argb: "FFB8C0CC" } },
  right: { style: "thin", color: { argb: "FFB8C0CC" } },
};

/** US-style codes in the file: Excel shows them with the reader's own separators (report-layout.md §8). */
function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** What Excel lets a person type in an input cell, by the figure's kind and measure (lib/validation.ts). */
function validation(kind: Kind, measure: Measure, percent: boolean): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Giá trị không hợp lệ",
    showInputMessage: false,
  } as const;
  if (measure === "level")
    return {
      ...common,
      type: "decimal",
      operator: "greaterThan",
      formulae: [0],
      error: "Chỉ số gốc cố định phải lớn hơn 0.",
    };
  if ((measure === "yoy_pct" || measure === "mom_pct") && kind !== "rate")
    return {
      ...common,
      type: "decimal",
      operator: "greaterThan",
      formulae: [-100],
      error: "Nhập tốc độ tăng (%) lớn hơn -100, ví dụ 4,14 hoặc -2,01 (không cần dấu %).",
    };
  if (kind === "rate" && measure === "value" && percent)
    return {
      ...common,
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
      error: "Tỷ lệ phải từ 0 đến 100 (%).",
    };
  if (kind === "count")
    return {
      ...common,
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      error: "Nhập một số nguyên không âm.",
    };
  if (kind === "rate")
    return { ...common, type: "decimal", operator: "between", formulae: [-1e9, 1e9], error: "Nhập một số." };
  return {
    ...common,
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    error: "Nhập một số không âm.",
  };
}

export type TemplateMeta = {
  provinceId: string;
  provinceName: string;
  month: string;
  generatedAt: Date;
  generatedBy: string;
};

type MetaLine = {
  cell: string;
  indicator: string;
  field: FieldKey;
  period: string;
  measure: Measure;
  kind: Kind;
  percent: boolean;
  version: number | null;
  value: number | null;
  vintage: Vintage;
  note: string | null;
};
const META_COLUMNS = [
  "cell",
  "indicator",
  "field",
  "period",
  "measure",
  "kind",
  "percent",
  "version",
  "value",
  "vintage",
  "note",
] as const;
const META_TABLE_ROW = 10;

/** The template of a month's sheet as .xlsx bytes. */
export async function buildTemplate(sheet: Sheet, meta: TemplateMeta): Promise<Uint8Array> {
  const period = parsePeriod(sheet.month);
  if (period?.kind !== "month") throw new RangeError(`not a month: ${sheet.month}`);
  const monthLabel = periodLabel(period, "vi");
  const wb = new ExcelJS.Workbook();
  wb.creator = "ChiTieu";
  wb.created = meta.generatedAt;

  const ws = wb.addWorksheet(DATA_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { defaultRowHeight: 18 },
  });
  ws.columns = [
    { key: "code", width: 14, hidden: true },
    { key: "name", width: 52 },
    { key: "unit", width: 11 },
    { key: "D", width: 15 },
    { key: "E", width: 15 },
    { key: "F", width: 14 },
    { key: "G", width: 14 },
    { key: "H", width: 13 },
    { key: "I", width: 28 },
    { key: "J", width: 13 },
    { key: "K", width: 13 },
    { key: "L", width: 13 },
    { key: "M", width: 16 },
  ];
  ws.mergeCells("A1:M1");
  ws.getCell("A1").value = `SỐ LIỆU ${monthLabel.toUpperCase()} — ${meta.provinceName.toUpperCase()}`;
  ws.getCell("A1").font = { name: FONT, size: 14, bold: true };
  ws.mergeCells("A2:M2");
  ws.getCell("A2").value =
    `Nhập số vào các ô trắng; ô xám chỉ để xem. Tải lên ở trang Nhập số liệu › Nhập từ Excel. ` +
    `Tải về lúc ${formatDateTime(meta.generatedAt)} (${meta.generatedBy}). Xem trang «${HELP_SHEET}».`;
  ws.getCell("A2").font = { name: FONT, size: 11, italic: true };

  const headers: [string, string][] = [
    ["A", "Mã"],
    ["B", "Chỉ tiêu"],
    ["C", "Đơn vị tính"],
    ["D", `${FIELD_HEADER.month}\n(chỉ số: % so cùng kỳ)`],
    ["E", `${FIELD_HEADER.cumulative}\n(chỉ số: % so cùng kỳ)`],
    ["F", FIELD_HEADER.mom],
    ["G", FIELD_HEADER.level],
    ["H", "Loại số"],
    ["I", "Ghi chú"],
    ["J", "Tháng trước"],
    ["K", "Cùng kỳ năm trước"],
    ["L", "Lũy kế"],
    ["M", "Kế hoạch năm"],
  ];
  const headerRow = ws.getRow(HEADER_ROW);
  headerRow.height = 36;
  for (const [col, text] of headers) {
    const cell = ws.getCell(`${col}${HEADER_ROW}`);
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = HEAD;
    cell.border = THIN;
  }

  const lines: MetaLine[] = [];
  let r = FIRST_ROW;
  let group: SheetRow["group"] | null = null;
  for (const row of sheet.rows) {
    if (row.group !== group) {
      group = row.group;
      const g = ws.getRow(r);
      g.getCell("B").value = GROUP_LABEL[row.group];
      g.getCell("B").font = { name: FONT, size: 11, bold: true };
      for (let c = 1; c <= 13; c++) {
        g.getCell(c).fill = GREY;
        g.getCell(c).border = THIN;
      }
      r++;
    }
    const line = ws.getRow(r);
    line.getCell("A").value = row.code;
    line.getCell("B").value = row.parentCode ? `- ${row.nameVi}` : row.nameVi;
    line.getCell("B").alignment = { wrapText: true, indent: row.parentCode ? 1 : 0, vertical: "middle" };
    line.getCell("C").value = row.unit;
    line.getCell("C").alignment = { horizontal: "center", vertical: "middle" };
    for (const col of ["A", "B", "C"]) {
      line.getCell(col).font = { name: FONT, size: 11, bold: !row.parentCode };
      line.getCell(col).fill = GREY;
    }
    const cellsByKey = new Map(row.cells.map((c) => [c.key, c]));
    for (const key of ["month", "cumulative", "mom", "level"] as const) {
      const target = line.getCell(FIELD_COLUMN[key]);
      const field: SheetCell | undefined = cellsByKey.get(key);
      target.font = { name: FONT, size: 11 };
      if (!field) {
        target.fill = GREY;
        continue;
      }
      const decimals = field.percent ? 2 : row.decimals;
      target.value = field.value;
      target.numFmt = numberFormat(decimals);
      target.protection = { locked: false };
      target.dataValidation = validation(row.kind, field.measure, field.percent);
      lines.push({
        cell: `${FIELD_COLUMN[key]}${r}`,
        indicator: row.code,
        field: key,
        period: field.period,
        measure: field.measure,
        kind: row.kind,
        percent: field.percent,
        version: field.version,
        value: field.value,
        vintage: row.vintage,
        note: row.note,
      });
    }
    const vintage = line.getCell(VINTAGE_COLUMN);
    vintage.value = VINTAGE_LABEL[row.vintage];
    vintage.protection = { locked: false };
    vintage.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${Object.values(VINTAGE_LABEL).join(",")}"`],
      showErrorMessage: true,
      errorTitle: "Loại số",
      error: "Chọn Ước tính, Sơ bộ hoặc Chính thức.",
    };
    vintage.font = { name: FONT, size: 11 };
    const note = line.getCell(NOTE_COLUMN);
    note.value = row.note;
    note.protection = { locked: false };
    note.alignment = { wrapText: true, vertical: "middle" };
    note.font = { name: FONT, size: 11 };

    const ctx = row.context;
    const ctxDecimals = ctx.percent ? 2 : row.decimals;
    for (const [key, col] of [
      ["lastMonth", CONTEXT_COLUMNS.lastMonth],
      ["sameMonthLastYear", CONTEXT_COLUMNS.sameMonthLastYear],
      ["yearToDate", CONTEXT_COLUMNS.yearToDate],
    ] as const) {
      const cell = line.getCell(col);
      cell.value = ctx[key];
      cell.numFmt = numberFormat(ctxDecimals);
      cell.fill = GREY;
      cell.font = { name: FONT, size: 11, color: { argb: "FF475569" } };
    }
    const target = line.getCell(CONTEXT_COLUMNS.target);
    target.value = ctx.target
      ? `${ctx.target.bound === "at_least" ? "≥ " : ctx.target.bound === "at_most" ? "≤ " : ""}${targetAmount(ctx.target, row.decimals, "vi")}`
      : null;
    target.fill = GREY;
    target.font = { name: FONT, size: 11, color: { argb: "FF475569" } };
    target.alignment = { horizontal: "right" };
    for (let c = 1; c <= 13; c++) line.getCell(c).border = THIN;
    r++;
  }
  ws.autoFilter = undefined;
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: false,
    formatColumns: false,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    sort: false,
  });

  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 110;
  const helpLines = [
    `MẪU NHẬP SỐ LIỆU ${monthLabel.toUpperCase()} — ${meta.provinceName.toUpperCase()}`,
    "",
    "1. Nhập số vào các ô trắng của trang «Số liệu». Các ô xám (tên chỉ tiêu, tháng trước, cùng kỳ, lũy kế, kế hoạch) chỉ để xem.",
    "2. Số nhập theo cách Việt Nam: 18.156,7 hoặc 18156,7; tốc độ tăng nhập theo phần trăm, ví dụ 4,14 (tăng 4,14%) hoặc -2,01 (giảm 2,01%).",
    "3. Với chỉ số sản xuất công nghiệp (IIP), cột «Tháng này» là % tăng so với cùng kỳ, cột «Lũy kế» là % tăng lũy kế so với cùng kỳ.",
    "4. Với chỉ tiêu giá trị (tỷ đồng, triệu USD…), chỉ cần nhập số tháng này hoặc số lũy kế; số còn lại được tính.",
    "5. Cột «Loại số»: Ước tính, Sơ bộ hoặc Chính thức. Cột «Ghi chú»: giải trình nếu cần.",
    "6. Để trống một ô nghĩa là giữ nguyên số liệu đang có (tệp không xóa số liệu).",
    "7. Không dán công thức, không gộp ô, không chèn hoặc xóa dòng. Lưu dạng .xlsx.",
    "8. Tải lên ở trang Nhập số liệu › «Nhập từ Excel»: ChiTieu cho xem trước từng ô (mới, thay đổi, giữ nguyên, lỗi) và chỉ lưu khi bạn xác nhận.",
    "9. Nếu ai đó đã sửa số liệu sau khi bạn tải mẫu, ChiTieu sẽ báo để bạn tải mẫu mới, không ghi đè.",
    "",
    "Template of the month's figures: type numbers in the white cells, upload on Data entry › Import from Excel; nothing is saved until you confirm.",
  ];
  helpLines.forEach((text, i) => {
    const cell = help.getCell(`A${i + 1}`);
    cell.value = text;
    cell.font = { name: FONT, size: i === 0 ? 13 : 11, bold: i === 0, italic: i === helpLines.length - 1 };
    cell.alignment = { wrapText: true };
  });
  await help.protect("", { selectLockedCells: true, selectUnlockedCells: true });

  const m = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  const pairs: [string, string | number][] = [
    ["template", TEMPLATE_ID],
    ["version", TEMPLATE_VERSION],
    ["province", meta.provinceId],
    ["provinceName", meta.provinceName],
    ["month", sheet.month],
    ["generatedAt", meta.generatedAt.toISOString()],
    ["sheet", DATA_SHEET],
  ];
  pairs.forEach(([k, v], i) => {
    m.getCell(`A${i + 1}`).value = k;
    m.getCell(`B${i + 1}`).value = v;
  });
  META_COLUMNS.forEach((k, i) => {
    m.getCell(META_TABLE_ROW, i + 1).value = k;
  });
  lines.forEach((line, i) => {
    META_COLUMNS.forEach((k, j) => {
      const v = line[k];
      m.getCell(META_TABLE_ROW + 1 + i, j + 1).value = typeof v === "boolean" ? (v ? 1 : 0) : v;
    });
  });
  await m.protect("", {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ── Reading a filled template ────────────────────────────────────────────────

export type TemplateEntry = {
  cell: string;
  indicator: string;
  field: FieldKey;
  period: string;
  measure: Measure;
  kind: Kind;
  percent: boolean;
  /** The figure as it was when the template was downloaded. */
  base: { version: number | null; value: number | null; vintage: Vintage; note: string | null };
  /** What the file holds now (value null: the cell is empty). */
  value: number | null;
  vintage: Vintage;
  note: string | null;
  error: Message | null;
};

export type TemplateRead = {
  provinceId: string;
  provinceName: string;
  month: string;
  entries: TemplateEntry[];
};

const bad = (vi: string, en: string): never => {
  throw new WorkbookProblem({ vi, en });
};

const VINTAGE_BY_LABEL = new Map<string, Vintage>([
  ...Object.entries(VINTAGE_LABEL).map(([v, label]) => [label.toLowerCase(), v as Vintage] as const),
  ["ước", "estimate"],
  ["estimate", "estimate"],
  ["preliminary", "preliminary"],
  ["official", "official"],
]);

function metaValue(sheet: ExcelJS.Worksheet, key: string): string | null {
  for (let i = 1; i < META_TABLE_ROW; i++) {
    if (sheet.getCell(`A${i}`).value === key) {
      const v = sheet.getCell(`B${i}`).value;
      return v === null || v === undefined ? null : String(v);
    }
  }
  return null;
}

/** Whether the workbook is one of ChiTieu's templates (it has the hidden `_meta` sheet). */
export function isTemplate(wb: ExcelJS.Workbook): boolean {
  const m = wb.getWorksheet(META_SHEET);
  return Boolean(m && metaValue(m, "template") === TEMPLATE_ID);
}

/**
 * Reads a filled template: checks it belongs to this province and month and that its layout was
 * kept, then reads every input cell, vintage and note, each with its error if it has one.
 * `expected.month` is the month the person is importing into, when they named one.
 */
export function readTemplate(
  wb: ExcelJS.Workbook,
  expected: { provinceId: string; provinceName: string; month?: string },
): TemplateRead {
  const m = wb.getWorksheet(META_SHEET);
  if (!m || metaValue(m, "template") !== TEMPLATE_ID)
    bad("Tệp không phải mẫu của ChiTieu.", "The file is not a ChiTieu template.");
  const meta = m as ExcelJS.Worksheet;
  const version = Number(metaValue(meta, "version"));
  if (version !== TEMPLATE_VERSION) {
    bad(
      "Mẫu này được tạo bằng phiên bản cũ của ChiTieu. Hãy tải mẫu mới ở trang Nhập số liệu.",
      "This template was made by an older version of ChiTieu. Download a new one on the Data entry page.",
    );
  }
  const provinceId = metaValue(meta, "province") ?? "";
  const provinceName = metaValue(meta, "provinceName") ?? provinceId;
  const month = metaValue(meta, "month") ?? "";
  if (provinceId !== expected.provinceId) {
    bad(
      `Đây là mẫu của ${provinceName}, không phải của ${expected.provinceName}. Hãy tải mẫu của đúng đơn vị.`,
      `This template is ${provinceName}'s, not ${expected.provinceName}'s. Download the template of the right unit.`,
    );
  }
  const period = parsePeriod(month);
  if (period?.kind !== "month")
    bad("Mẫu không ghi rõ tháng.", "The template does not say which month it is for.");
  if (expected.month && expected.month !== month) {
    const asked = parsePeriod(expected.month);
    bad(
      `Đây là mẫu ${periodLabel(period as never, "vi")}, không phải ${asked ? periodLabel(asked, "vi") : expected.month}. Hãy tải mẫu của đúng tháng, hoặc mở tháng ${month} rồi tải lên.`,
      `This is the template of ${periodLabel(period as never, "en")}, not ${asked ? periodLabel(asked, "en") : expected.month}. Download the right month's template, or open ${month} and upload it there.`,
    );
  }
  const sheetName = metaValue(meta, "sheet") ?? DATA_SHEET;
  const ws = wb.getWorksheet(sheetName);
  if (!ws)
    bad(`Không thấy trang «${sheetName}» trong tệp.`, `The sheet «${sheetName}» is missing from the file.`);
  const data = ws as ExcelJS.Worksheet;
  const merged = mergesFrom(data, HEADER_ROW);
  if (merged.length > 0) {
    bad(
      `Trang «${sheetName}» có ô bị gộp (${merged.slice(0, 5).join(", ")}): hãy bỏ gộp ô hoặc tải mẫu mới.`,
      `Sheet «${sheetName}» has merged cells (${merged.slice(0, 5).join(", ")}): unmerge them or download a new template.`,
    );
  }

  const header = META_COLUMNS.map((_, j) => String(meta.getCell(META_TABLE_ROW, j + 1).value ?? ""));
  if (header.join("|") !== META_COLUMNS.join("|"))
    bad("Mẫu bị hỏng (trang _meta).", "The template is damaged (_meta sheet).");
  const entries: TemplateEntry[] = [];
  const rowVintage = new Map<
    number,
    { vintage: Vintage | null; error: Message | null; note: string | null }
  >();
  for (let i = META_TABLE_ROW + 1; i <= meta.rowCount; i++) {
    const raw = (j: number) => meta.getCell(i, j + 1).value;
    const cell = String(raw(0) ?? "");
    if (!cell) continue;
    const line = {
      indicator: String(raw(1)),
      field: String(raw(2)) as FieldKey,
      period: String(raw(3)),
      measure: String(raw(4)) as Measure,
      kind: String(raw(5)) as Kind,
      percent: raw(6) === 1,
      version: raw(7) === null || raw(7) === undefined ? null : Number(raw(7)),
      value: raw(8) === null || raw(8) === undefined ? null : Number(raw(8)),
      vintage: (String(raw(9)) as Vintage) ?? "estimate",
      note: raw(10) === null || raw(10) === undefined ? null : String(raw(10)),
    };
    const row = Number(/\d+$/.exec(cell)?.[0]);
    if (
      String(data.getCell(`A${row}`).value ?? "") !== line.indicator ||
      sheetMonthOf(line.period) !== month
    ) {
      bad(
        `Các dòng của trang «${sheetName}» đã bị xê dịch (dòng ${row} không còn là chỉ tiêu ${line.indicator}). Hãy tải mẫu mới và nhập lại.`,
        `The rows of sheet «${sheetName}» were moved (row ${row} is no longer indicator ${line.indicator}). Download a new template and fill it again.`,
      );
    }
    if (!rowVintage.has(row)) {
      const vc = cellContent(data.getCell(`${VINTAGE_COLUMN}${row}`));
      const text = vc.kind === "text" ? vc.text.toLowerCase() : "";
      const vintage = vc.kind === "empty" ? null : (VINTAGE_BY_LABEL.get(text) ?? null);
      const error =
        vc.kind !== "empty" && !vintage
          ? {
              vi: `Ô ${VINTAGE_COLUMN}${row}: «${vc.kind === "text" ? vc.text : "?"}» không phải loại số (Ước tính, Sơ bộ, Chính thức).`,
              en: `Cell ${VINTAGE_COLUMN}${row}: «${vc.kind === "text" ? vc.text : "?"}» is not a vintage (Estimate, Preliminary, Official).`,
            }
          : null;
      const nc = cellContent(data.getCell(`${NOTE_COLUMN}${row}`));
      const note =
        nc.kind === "text" ? nc.text.slice(0, 2000) : nc.kind === "number" ? String(nc.value) : null;
      rowVintage.set(row, { vintage, error, note });
    }
    const rv = rowVintage.get(row) as { vintage: Vintage | null; error: Message | null; note: string | null };
    const read = readNumber(cellContent(data.getCell(cell)), {
      address: cell,
      column: FIELD_HEADER[line.field],
      percent: line.percent,
    });
    let error: Message | null = read.ok ? null : read.message;
    const value = read.ok ? read.value : null;
    if (!error && value !== null) {
      const hard = hardError(line.kind, line.measure, value);
      if (hard) error = { vi: `Ô ${cell}: ${hard.vi}`, en: `Cell ${cell}: ${hard.en}` };
    }
    if (!error && value !== null && rv.error) error = rv.error;
    entries.push({
      cell,
      indicator: line.indicator,
      field: line.field,
      period: line.period,
      measure: line.measure,
      kind: line.kind,
      percent: line.percent,
      base: { version: line.version, value: line.value, vintage: line.vintage, note: line.note },
      value,
      vintage: rv.vintage ?? line.vintage,
      note: rv.note,
      error,
    });
  }
  return { provinceId, provinceName, month, entries };
}
