/**
 * Another layout: the statistics office's tables, indicator names down a column and months across.
 * The person maps rows to indicators and columns to months once (a suggestion is made from the
 * names and headers); the mapping is kept for the province and applied to the next file.
 * Pure apart from reading exceljs's in-memory worksheet.
 */
import type ExcelJS from "exceljs";
import { INDICATOR_NAMES, labelKey, matchingCopy, SECTOR_VARIANTS } from "../extract/names";
import type { Kind, Measure } from "../sheet";
import type { Vintage } from "../sheet-model";
import { hardError } from "../validation";
import { cleanLabel, headerKey, readHeader } from "./labels";
import type { ImportEntry } from "./preview";

export { cleanLabel, headerKey, readHeader };

import { cellContent, cellText, mergesFrom, readNumber, WorkbookProblem } from "./workbook";

export type RowMapping = {
  /** The row's label as a key (lib/extract/names.ts `labelKey`): rows are found by name, not position. */
  label: string;
  indicator: string;
  measure: Measure;
  /** The cells hold an index where 100 means no change (107,44 → +7,44%). */
  index100: boolean;
};
export type ColumnMapping = { header: string; kind: "month" | "ytd"; month: number };

export type LayoutMapping = {
  sheet: string;
  /** 1-based column of the indicator names, and row of the month headers. */
  labelColumn: number;
  headerRow: number;
  rows: RowMapping[];
  columns: ColumnMapping[];
};

export type CatalogueIndicator = { code: string; nameVi: string; kind: Kind; parentCode: string | null };

/** A sheet as text, for the person mapping it: the first rows and columns. */
export type Grid = { sheet: string; sheets: string[]; rows: string[][] };

const GRID_ROWS = 120;
const GRID_COLUMNS = 30;

export function readGrid(wb: ExcelJS.Workbook, sheetName?: string): Grid {
  const ws = (sheetName && wb.getWorksheet(sheetName)) || wb.worksheets[0];
  const rows: string[][] = [];
  const lastRow = Math.min(ws.rowCount, GRID_ROWS);
  const lastColumn = Math.min(ws.columnCount, GRID_COLUMNS);
  for (let r = 1; r <= lastRow; r++) {
    const row: string[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const cell = ws.getCell(r, c);
      row.push(cell.isMerged && cell.master.address !== cell.address ? "" : cellText(cell).slice(0, 120));
    }
    rows.push(row);
  }
  return { sheet: ws.name, sheets: wb.worksheets.map((w) => w.name), rows };
}

// ── Row labels ───────────────────────────────────────────────────────────────

type Names = { byName: Map<string, string>; sectors: Map<string, "B" | "C" | "D" | "E"> };

function nameIndex(catalogue: CatalogueIndicator[]): Names {
  const byName = new Map<string, string>();
  for (const ind of INDICATOR_NAMES) for (const n of ind.names) byName.set(labelKey(n), ind.code);
  for (const ind of catalogue) byName.set(cleanLabel(ind.nameVi), ind.code);
  const sectors = new Map(SECTOR_VARIANTS.map((s) => [labelKey(s.name), s.sector]));
  return { byName, sectors };
}

/** The indicator a row label names, exactly or as the longest known name it contains. */
function matchLabel(label: string, names: Names, family: string | null): string | null {
  const clean = cleanLabel(label);
  if (!clean) return null;
  const exact = names.byName.get(clean);
  if (exact) return exact;
  const sector = names.sectors.get(clean);
  if (sector) return family ? `${family}.${sector}` : null;
  let best: { code: string; length: number } | null = null;
  for (const [name, code] of names.byName) {
    if (name.length >= 8 && clean.includes(name) && (!best || name.length > best.length))
      best = { code, length: name.length };
  }
  return best && best.length >= clean.length * 0.6 ? best.code : null;
}

function defaultMeasure(ind: CatalogueIndicator | undefined, label: string): Measure {
  if (!ind) return "value";
  if (ind.kind === "index")
    return /so với tháng trước|so tháng trước/u.test(matchingCopy(label)) ? "mom_pct" : "yoy_pct";
  if (ind.kind === "rate") return ind.code === "CN.VA" ? "yoy_pct" : "value";
  return "value";
}

// ── Suggesting and applying a mapping ────────────────────────────────────────

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A mapping for the grid: a saved one's rows and columns where their labels and headers are found,
 * otherwise the row with the most month headers, the column with the most known indicator names,
 * and each row and column read from its text.
 */
export function suggestMapping(
  grid: Grid,
  catalogue: CatalogueIndicator[],
  saved?: LayoutMapping | null,
): LayoutMapping {
  const names = nameIndex(catalogue);
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const rows = grid.rows;
  const width = Math.max(0, ...rows.map((r) => r.length));

  let headerRow = saved?.headerRow ?? 0;
  if (!headerRow || !rows[headerRow - 1]?.some((t) => readHeader(t))) {
    let best = 0;
    rows.forEach((r, i) => {
      const n = r.filter((t) => readHeader(t)).length;
      if (n > best) {
        best = n;
        headerRow = i + 1;
      }
    });
    headerRow ||= 1;
  }
  let labelColumn = saved?.labelColumn ?? 0;
  if (!labelColumn) {
    let best = -1;
    for (let c = 0; c < Math.min(width, 8); c++) {
      let family: string | null = null;
      const n = rows.slice(headerRow).filter((r) => {
        const code = matchLabel(r[c] ?? "", names, family);
        if (code === "CN.IIP" || code === "CN.GTSX") family = code;
        return code !== null;
      }).length;
      if (n > best) {
        best = n;
        labelColumn = c + 1;
      }
    }
    labelColumn ||= 1;
  }

  const savedRows = new Map((saved?.rows ?? []).map((r) => [r.label, r]));
  const mappedRows: RowMapping[] = [];
  let family: string | null = null;
  for (const r of rows.slice(headerRow)) {
    const text = r[labelColumn - 1] ?? "";
    const label = cleanLabel(text);
    if (!label) continue;
    const kept = savedRows.get(label);
    const code: string | null = kept?.indicator ?? matchLabel(text, names, family);
    if (code === "CN.IIP" || code === "CN.GTSX") family = code;
    if (!code) continue;
    if (mappedRows.some((m) => m.label === label)) continue;
    const ind = byCode.get(code);
    const measure = kept?.measure ?? defaultMeasure(ind, text);
    const values = r
      .filter((_, i) => i !== labelColumn - 1)
      .map((t) => Number(t))
      .filter(Number.isFinite);
    const typical = values.length ? values.sort((a, b) => a - b)[Math.floor(values.length / 2)] : 0;
    const index100 =
      kept?.index100 ?? ((measure === "yoy_pct" || measure === "mom_pct") && typical >= 50 && typical <= 250);
    mappedRows.push({ label, indicator: code, measure, index100 });
  }

  const savedColumns = new Map((saved?.columns ?? []).map((c) => [c.header, c]));
  const columns: ColumnMapping[] = [];
  for (const text of rows[headerRow - 1] ?? []) {
    const header = headerKey(text);
    if (!header || columns.some((c) => c.header === header)) continue;
    const kept = savedColumns.get(header);
    const read = readHeader(text);
    if (kept) columns.push(kept);
    else if (read) columns.push({ header, kind: read.kind, month: read.month });
  }
  return { sheet: grid.sheet, labelColumn, headerRow, rows: mappedRows, columns };
}

/** The year the headers name, when they all name the same one ("T1/2026" … "T12/2026"). */
export function headerYear(grid: Grid, headerRow: number): number | null {
  const years = new Set(
    (grid.rows[headerRow - 1] ?? []).map((t) => readHeader(t)?.year).filter((y): y is number => Boolean(y)),
  );
  return years.size === 1 ? [...years][0] : null;
}

/**
 * The figures a mapped sheet holds, one entry per mapped row × mapped column with something in it.
 * A header's own year wins over `year`; cells are read as lib/import/workbook.ts reads them.
 */
export function applyMapping(
  wb: ExcelJS.Workbook,
  mapping: LayoutMapping,
  options: { year: number; vintage: Vintage; catalogue: CatalogueIndicator[] },
): ImportEntry[] {
  const ws = wb.getWorksheet(mapping.sheet);
  if (!ws) {
    throw new WorkbookProblem({
      vi: `Không thấy trang «${mapping.sheet}» trong tệp.`,
      en: `The sheet «${mapping.sheet}» is missing from the file.`,
    });
  }
  const merged = mergesFrom(ws, mapping.headerRow + 1);
  if (merged.length > 0) {
    throw new WorkbookProblem({
      vi: `Vùng số liệu của trang «${ws.name}» có ô bị gộp (${merged.slice(0, 5).join(", ")}): hãy bỏ gộp ô rồi tải lên lại.`,
      en: `The figures of sheet «${ws.name}» include merged cells (${merged.slice(0, 5).join(", ")}): unmerge them and upload again.`,
    });
  }
  const kinds = new Map(options.catalogue.map((c) => [c.code, c.kind]));
  const rowsByLabel = new Map(mapping.rows.map((r) => [r.label, r]));
  const columnsByHeader = new Map(mapping.columns.map((c) => [c.header, c]));
  const columns: { index: number; mapped: ColumnMapping; year: number }[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const text = cellText(ws.getCell(mapping.headerRow, c));
    const mapped = columnsByHeader.get(headerKey(text));
    if (mapped) columns.push({ index: c, mapped, year: readHeader(text)?.year ?? options.year });
  }
  const entries: ImportEntry[] = [];
  for (let r = mapping.headerRow + 1; r <= ws.rowCount; r++) {
    const row = rowsByLabel.get(cleanLabel(cellText(ws.getCell(r, mapping.labelColumn))));
    if (!row) continue;
    const kind = kinds.get(row.indicator) ?? "flow";
    const percent =
      row.measure === "yoy_pct" || row.measure === "mom_pct" || (kind === "rate" && row.measure === "value");
    for (const col of columns) {
      const address = `${columnLetter(col.index)}${r}`;
      const cell = `${ws.name}!${address}`;
      const read = readNumber(cellContent(ws.getCell(r, col.index)), {
        address: cell,
        column: cellText(ws.getCell(mapping.headerRow, col.index)) || columnLetter(col.index),
        percent: percent && !row.index100,
      });
      if (read.ok && read.value === null) continue;
      const mm = String(col.mapped.month).padStart(2, "0");
      const period = col.mapped.kind === "ytd" ? `${col.year}-YTD${mm}` : `${col.year}-${mm}`;
      let value = read.ok ? read.value : null;
      if (value !== null && row.index100) value = Math.round((value - 100) * 1e9) / 1e9;
      let error = read.ok ? null : read.message;
      if (!error && value !== null) {
        const hard = hardError(kind, row.measure, value);
        if (hard) error = { vi: `Ô ${cell}: ${hard.vi}`, en: `Cell ${cell}: ${hard.en}` };
      }
      entries.push({
        cell,
        indicator: row.indicator,
        period,
        measure: row.measure,
        value,
        vintage: options.vintage,
        note: null,
        error,
      });
    }
  }
  return entries;
}
