import "server-only";
import ExcelJS from "exceljs";
import type { TableColumn } from "@/lib/report-table";
import type { ReportView } from "@/lib/report-view";

/**
 * The appendix as an Excel sheet (exceljs 4.4, report-layout.md §4): the SCT table with merged
 * two-row headers and a column-number row, thin borders, numbers stored as numbers with US-style
 * format codes (Excel shows them with the reader's separators), A4 landscape fitted to the width,
 * header rows repeated on every printed page, panes frozen under the header and right of the names.
 */

const FONT = "Times New Roman";
const HEADER_TOP = 5;
const HEADER_BOTTOM = 7;
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** `#,##0.0;-#,##0.0;"-"`: the third section prints a zero as "-", as the tables do. */
export function numberFormat(decimals: number): string {
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  return `#,##0${fraction};-#,##0${fraction};"-"`;
}
export const INDEX_FORMAT = '0.00;-0.00;"-"';

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 28) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function titleRow(
  ws: ExcelJS.Worksheet,
  row: number,
  text: string,
  last: string,
  font: Partial<ExcelJS.Font>,
) {
  ws.mergeCells(`A${row}:${last}${row}`);
  const cell = ws.getCell(`A${row}`);
  cell.value = text;
  cell.font = { name: FONT, size: 13, ...font };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

function headerCell(ws: ExcelJS.Worksheet, address: string, value: string, italic = false) {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.font = { name: FONT, size: 11, bold: !italic, italic };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.border = BORDER;
}

/** One report's appendix on a worksheet. */
function addAppendix(wb: ExcelJS.Workbook, view: ReportView, name: string) {
  const { appendix } = view;
  const columns: TableColumn[] = appendix.columns;
  const lastCol = 3 + columns.length;
  const last = columnLetter(lastCol);
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.59, right: 0.39, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 },
    },
    headerFooter: { differentFirst: true, oddHeader: "&C&P", firstHeader: "" },
    views: [{ state: "frozen", xSplit: 3, ySplit: HEADER_BOTTOM, topLeftCell: `D${HEADER_BOTTOM + 1}` }],
  });
  ws.columns = [
    { width: 6 },
    { width: 46 },
    { width: 11 },
    ...columns.map((c) => ({ width: c.comparison ? 12 : 14 })),
  ];

  titleRow(ws, 1, appendix.heading, last, { bold: true, size: 14 });
  titleRow(ws, 2, appendix.title, last, { bold: true });
  titleRow(ws, 3, appendix.attached, last, { italic: true });
  ws.getRow(2).height = 20;

  // Two header rows: a comparison sits under "So sánh (%)", everything else spans both rows.
  const top = HEADER_TOP;
  const fixed: [string, string][] = [
    ["A", "STT"],
    ["B", "Chỉ tiêu"],
    ["C", "ĐVT"],
  ];
  for (const [col, text] of fixed) {
    headerCell(ws, `${col}${top}`, text);
    headerCell(ws, `${col}${top + 1}`, text);
    ws.mergeCells(`${col}${top}:${col}${top + 1}`);
  }
  const firstComparison = columns.findIndex((c) => c.comparison);
  columns.forEach((c, i) => {
    const col = columnLetter(4 + i);
    if (c.comparison) {
      headerCell(ws, `${col}${top}`, "So sánh (%)");
      headerCell(ws, `${col}${top + 1}`, c.label);
    } else {
      headerCell(ws, `${col}${top}`, c.label);
      headerCell(ws, `${col}${top + 1}`, c.label);
      ws.mergeCells(`${col}${top}:${col}${top + 1}`);
    }
  });
  if (firstComparison >= 0) {
    ws.mergeCells(`${columnLetter(4 + firstComparison)}${top}:${last}${top}`);
  }
  ["A", "B", "C", ...columns.map((c) => c.number)].forEach((text, i) => {
    headerCell(ws, `${columnLetter(1 + i)}${HEADER_BOTTOM}`, text, true);
  });
  ws.getRow(top).height = 30;
  ws.getRow(top + 1).height = 60;

  let r = HEADER_BOTTOM + 1;
  for (const row of appendix.rows) {
    const excelRow = ws.getRow(r);
    const bold = row.depth === 0;
    const italic = row.depth === 2;
    const font = { name: FONT, size: 11, bold, italic };
    const stt = excelRow.getCell(1);
    stt.value = row.stt;
    stt.alignment = { horizontal: "center", vertical: "middle" };
    const name = excelRow.getCell(2);
    name.value = row.depth === 2 ? `- ${row.name}` : row.name;
    name.alignment = { vertical: "middle", wrapText: true, indent: row.depth === 2 ? 1 : 0 };
    const unit = excelRow.getCell(3);
    unit.value = row.unit;
    unit.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    columns.forEach((c, i) => {
      const cell = excelRow.getCell(4 + i);
      const value = row.cells[c.id];
      if (row.depth === 0) cell.value = null;
      else if (typeof value === "number") {
        cell.value = value;
        cell.numFmt = c.comparison ? INDEX_FORMAT : numberFormat(row.decimals);
      } else cell.value = value ?? "-";
      cell.alignment = { horizontal: "right", vertical: "middle" };
    });
    for (let c = 1; c <= lastCol; c++) {
      const cell = excelRow.getCell(c);
      cell.font = font;
      cell.border = BORDER;
    }
    r++;
  }
  ws.pageSetup.printTitlesRow = `${HEADER_TOP}:${HEADER_BOTTOM}`;
  ws.pageSetup.printArea = `A1:${last}${Math.max(r - 1, HEADER_BOTTOM)}`;
  return ws;
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ChiTieu";
  wb.created = new Date();
  return wb;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The appendix of one report (a sheet "Phụ lục"), or of several (a sheet per unit). */
export async function reportXlsx(views: ReportView[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  for (const view of views) {
    addAppendix(wb, view, sheetName(views.length === 1 ? "Phụ lục" : view.settings.place, taken));
  }
  return toBytes(wb);
}

export type SummaryLine = {
  name: string;
  report: string;
  indicators: {
    name: string;
    unit: string;
    decimals: number;
    actual: number | null;
    pctOfSamePeriod: number | null;
    pctOfPlan: number | null;
  }[];
};

/**
 * The national workbook: a summary sheet (one line per unit: each headline indicator's amount, its
 * index on the same period and its share of plan, and where the report stands), then every unit's appendix.
 */
export async function nationalXlsx(
  title: string,
  lines: SummaryLine[],
  views: ReportView[],
): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  const ws = wb.addWorksheet(sheetName("Tổng hợp", taken), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", xSplit: 2, ySplit: 3 }],
  });
  const indicators = lines[0]?.indicators ?? [];
  const lastCol = 3 + indicators.length * 3;
  const last = columnLetter(lastCol);
  titleRow(ws, 1, title, last, { bold: true, size: 14 });
  ws.columns = [
    { width: 6 },
    { width: 26 },
    ...indicators.flatMap(() => [{ width: 14 }, { width: 11 }, { width: 11 }]),
    { width: 22 },
  ];
  headerCell(ws, "A2", "STT");
  headerCell(ws, "A3", "STT");
  ws.mergeCells("A2:A3");
  headerCell(ws, "B2", "Tỉnh, thành phố");
  headerCell(ws, "B3", "Tỉnh, thành phố");
  ws.mergeCells("B2:B3");
  indicators.forEach((ind, i) => {
    const c = 3 + i * 3;
    headerCell(ws, `${columnLetter(c)}2`, `${ind.name} (${ind.unit})`);
    headerCell(ws, `${columnLetter(c + 1)}2`, "");
    headerCell(ws, `${columnLetter(c + 2)}2`, "");
    ws.mergeCells(`${columnLetter(c)}2:${columnLetter(c + 2)}2`);
    headerCell(ws, `${columnLetter(c)}3`, "Lũy kế");
    headerCell(ws, `${columnLetter(c + 1)}3`, "So cùng kỳ (%)");
    headerCell(ws, `${columnLetter(c + 2)}3`, "So KH năm (%)");
  });
  headerCell(ws, `${last}2`, "Báo cáo");
  headerCell(ws, `${last}3`, "Báo cáo");
  ws.mergeCells(`${last}2:${last}3`);
  ws.getRow(2).height = 45;
  lines.forEach((line, n) => {
    const row = ws.getRow(4 + n);
    row.getCell(1).value = n + 1;
    row.getCell(2).value = line.name;
    line.indicators.forEach((ind, i) => {
      const c = 3 + i * 3;
      const put = (col: number, v: number | null, fmt: string) => {
        const cell = row.getCell(col);
        cell.value = v ?? "-";
        if (v !== null) cell.numFmt = fmt;
        cell.alignment = { horizontal: "right" };
      };
      put(c, ind.actual, numberFormat(ind.decimals));
      put(c + 1, ind.pctOfSamePeriod, INDEX_FORMAT);
      put(c + 2, ind.pctOfPlan, INDEX_FORMAT);
    });
    row.getCell(lastCol).value = line.report;
    for (let c = 1; c <= lastCol; c++) {
      row.getCell(c).font = { name: FONT, size: 11 };
      row.getCell(c).border = BORDER;
    }
  });
  ws.pageSetup.printTitlesRow = "2:3";
  for (const view of views) addAppendix(wb, view, sheetName(view.settings.place, taken));
  return toBytes(wb);
}
