import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compoundFile, docx, storedZip } from "../../test/zip";
import type { Kind } from "../sheet";
import { buildSheet, type FigureIn, type IndicatorIn } from "../sheet-model";
import {
  applyMapping,
  type CatalogueIndicator,
  headerKey,
  readGrid,
  readHeader,
  suggestMapping,
} from "./layout";
import { buildPreview, type CurrentFigure, figureKey } from "./preview";
import { buildTemplate, DATA_SHEET, isTemplate, readTemplate } from "./template";
import { checkWorkbookBytes, loadWorkbook, MAX_UPLOAD_BYTES, WorkbookProblem } from "./workbook";

const csv = parse(fs.readFileSync(path.join(import.meta.dirname, "../../db/data/indicators.csv"), "utf8"), {
  columns: true,
}) as Record<string, string>[];
const INDICATORS: IndicatorIn[] = csv.map((r) => ({
  code: r.code,
  parentCode: r.parent_code || null,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  unit: r.unit,
  kind: r.kind as Kind,
  decimals: Number(r.decimals),
  frequency: r.frequency,
}));
const CATALOGUE: CatalogueIndicator[] = INDICATORS.map((i) => ({
  code: i.code,
  nameVi: i.nameVi,
  kind: i.kind,
  parentCode: i.parentCode,
}));

const MONTH = "2026-10";
const PROVINCE = { provinceId: "19-2025", provinceName: "Tỉnh Thái Nguyên" };
const FIGURES: FigureIn[] = [
  {
    indicator: "TM.XNK",
    period: MONTH,
    measure: "value",
    value: 120.5,
    vintage: "estimate",
    note: null,
    version: 3,
  },
  {
    indicator: "CN.IIP",
    period: MONTH,
    measure: "yoy_pct",
    value: 7.05,
    vintage: "estimate",
    note: null,
    version: 1,
  },
  {
    indicator: "NL.DIEN_SX",
    period: MONTH,
    measure: "value",
    value: 500,
    vintage: "official",
    note: "EVN",
    version: 2,
  },
];

async function template(figures = FIGURES) {
  const sheet = buildSheet({ month: MONTH, indicators: INDICATORS, figures, revisions: [], targets: [] });
  const bytes = await buildTemplate(sheet, {
    ...PROVINCE,
    month: MONTH,
    generatedAt: new Date("2026-10-20T03:00:00Z"),
    generatedBy: "thainguyen.canbo",
  });
  return { sheet, bytes };
}

/** Opens template bytes in exceljs, lets `fill` change the data sheet, and saves again. */
async function filled(
  bytes: Uint8Array,
  fill: (ws: ExcelJS.Worksheet, rowOf: (code: string) => number) => void,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
  const rowOf = (code: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === code) return r;
    throw new Error(`no row for ${code}`);
  };
  fill(ws, rowOf);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function current(figures = FIGURES): Map<string, CurrentFigure> {
  return new Map(
    figures.map((f) => [
      figureKey(f),
      { value: f.value, version: f.version, vintage: f.vintage, note: f.note },
    ]),
  );
}

const problem = async (promise: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (e) {
    if (e instanceof WorkbookProblem) return e.problem;
    throw e;
  }
  throw new Error("expected a WorkbookProblem");
};

describe("the month's template", () => {
  it("holds every indicator of the month with its code, unit, inputs, current values, and the hidden _meta sheet", async () => {
    const { sheet, bytes } = await template();
    const wb = await loadWorkbook(bytes);
    expect(isTemplate(wb)).toBe(true);
    const ws = wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell("D4").value).toContain("Tháng này");
    expect(wb.getWorksheet("_meta")?.state).toBe("veryHidden");
    expect(wb.getWorksheet("Hướng dẫn")).toBeDefined();
    const codes: string[] = [];
    for (let r = 5; r <= ws.rowCount; r++)
      if (ws.getCell(`A${r}`).value) codes.push(String(ws.getCell(`A${r}`).value));
    expect(codes).toEqual(sheet.rows.map((r) => r.code));
    const row = ws.getRow(
      5 + [...Array(ws.rowCount).keys()].findIndex((i) => ws.getCell(`A${5 + i}`).value === "TM.XNK"),
    );
    expect(row.getCell("A").value).toBe("TM.XNK");
    expect(row.getCell("C").value).toBe("triệu USD");
    expect(row.getCell("D").value).toBe(120.5);
    expect(row.getCell("D").protection?.locked).toBe(false);
    expect(row.getCell("D").dataValidation?.type).toBe("decimal");
    expect(row.getCell("B").protection?.locked).not.toBe(false);
    expect(row.getCell("H").value).toBe("Ước tính");
    // Read back unfilled: the file holds what is saved, so nothing would change.
    const read = readTemplate(wb, PROVINCE);
    expect(read.month).toBe(MONTH);
    const preview = buildPreview(read.entries, current());
    expect(preview.writes).toEqual([]);
    expect(preview.counts).toMatchObject({ new: 0, changed: 0, error: 0, conflict: 0, unchanged: 3 });
  });

  it("reads numbers typed as numbers, as Vietnamese text, and percentages Excel stored as fractions", async () => {
    const { bytes } = await template();
    const file = await filled(bytes, (ws, rowOf) => {
      ws.getCell(`D${rowOf("TM.XNK")}`).value = 130.25;
      ws.getCell(`D${rowOf("TM.XNK.XK")}`).value = "1.234,5";
      ws.getCell(`D${rowOf("CN.IIP.B")}`).value = "-2,01%";
      const c = ws.getCell(`D${rowOf("CN.IIP.C")}`);
      c.value = 0.1185;
      // As Excel stores "11,85%" typed into a cell (a style of its own: exceljs shares loaded styles).
      c.style = { ...c.style, numFmt: "0.00%" };
      ws.getCell(`H${rowOf("TM.XNK")}`).value = "Chính thức";
    });
    const read = readTemplate(await loadWorkbook(file), { ...PROVINCE, month: MONTH });
    const preview = buildPreview(read.entries, current());
    const by = (indicator: string) =>
      preview.cells.find((c) => c.indicator === indicator && c.period === MONTH);
    expect(by("TM.XNK")).toMatchObject({
      status: "changed",
      before: 120.5,
      after: 130.25,
      vintage: "official",
    });
    expect(by("TM.XNK.XK")).toMatchObject({ status: "new", before: null, after: 1234.5 });
    expect(by("CN.IIP.B")).toMatchObject({ status: "new", after: -2.01 });
    expect(by("CN.IIP.C")).toMatchObject({ status: "new", after: 11.85 });
    expect(by("CN.IIP")).toMatchObject({ status: "unchanged" });
    expect(preview.writes.map((w) => [w.indicator, w.measure, w.value, w.vintage, w.version])).toEqual([
      ["CN.IIP.B", "yoy_pct", -2.01, "estimate", null],
      ["CN.IIP.C", "yoy_pct", 11.85, "estimate", null],
      ["TM.XNK", "value", 130.25, "official", 3],
      ["TM.XNK.XK", "value", 1234.5, "estimate", null],
    ]);
  });

  it("names the cell in every error: ambiguous numbers, formulas, impossible values, unknown vintages", async () => {
    const { bytes } = await template();
    let iipC = 0;
    let xk = 0;
    const file = await filled(bytes, (ws, rowOf) => {
      iipC = rowOf("CN.IIP.C");
      xk = rowOf("TM.XNK.XK");
      ws.getCell(`D${iipC}`).value = "1.234";
      ws.getCell(`E${iipC}`).value = "abc";
      ws.getCell(`D${xk}`).value = { formula: "B1*2", result: 5 } as ExcelJS.CellFormulaValue;
      ws.getCell(`D${rowOf("TM.XNK.NK")}`).value = -5;
      ws.getCell(`D${rowOf("NL.DIEN_TP")}`).value = 10;
      ws.getCell(`H${rowOf("NL.DIEN_TP")}`).value = "Tạm tính";
    });
    const read = readTemplate(await loadWorkbook(file), PROVINCE);
    const errors = buildPreview(read.entries, current())
      .cells.filter((c) => c.status === "error")
      .map((c) => c.message?.vi);
    expect(errors).toContain(
      `Ô D${iipC}: «1.234» trong cột %: 1,234% hay 1234%? Hãy nhập rõ, ví dụ 1,234 hoặc 1234.`,
    );
    expect(
      errors.some((m) =>
        m?.startsWith(`Ô E${iipC} (cột «Lũy kế từ đầu năm»): «abc» không phải là số hợp lệ`),
      ),
    ).toBe(true);
    expect(errors).toContain(
      `Ô D${xk} có công thức (=B1*2): hãy dán giá trị (Dán đặc biệt › Giá trị), không dán công thức.`,
    );
    expect(errors.some((m) => m?.includes("Giá trị không được âm."))).toBe(true);
    expect(errors.some((m) => m?.includes("«Tạm tính» không phải loại số"))).toBe(true);
  });

  it("marks a figure someone changed after the download as a conflict, and keeps the downloaded version in the write", async () => {
    const { bytes } = await template();
    const file = await filled(bytes, (ws, rowOf) => {
      ws.getCell(`D${rowOf("TM.XNK")}`).value = 140;
    });
    const read = readTemplate(await loadWorkbook(file), PROVINCE);
    const now = current([{ ...FIGURES[0], value: 125, version: 4 }, ...FIGURES.slice(1)]);
    const preview = buildPreview(read.entries, now);
    expect(preview.cells.find((c) => c.indicator === "TM.XNK" && c.period === MONTH)).toMatchObject({
      status: "conflict",
      before: 125,
      after: 140,
    });
    expect(preview.writes).toEqual([
      expect.objectContaining({ indicator: "TM.XNK", value: 140, version: 3 }),
    ]);
  });

  it("keeps a saved figure whose cell was emptied, and refuses months that are locked", async () => {
    const { bytes } = await template();
    const file = await filled(bytes, (ws, rowOf) => {
      ws.getCell(`D${rowOf("NL.DIEN_SX")}`).value = null;
      ws.getCell(`D${rowOf("TM.XNK.NK")}`).value = 12;
    });
    const read = readTemplate(await loadWorkbook(file), PROVINCE);
    const lock = { vi: "Tháng này đã được duyệt.", en: "This month is approved." };
    const preview = buildPreview(read.entries, current(), new Map([[MONTH, lock]]));
    expect(preview.cells.find((c) => c.indicator === "NL.DIEN_SX")).toMatchObject({
      status: "unchanged",
      after: 500,
    });
    expect(preview.cells.find((c) => c.indicator === "TM.XNK.NK")?.message?.vi).toBe(
      "Ô D" +
        preview.cells.find((c) => c.indicator === "TM.XNK.NK")?.cell.slice(1) +
        " (tháng 10/2026): Tháng này đã được duyệt.",
    );
    expect(preview.writes).toEqual([]);
  });

  it("refuses another province's or another month's template, moved rows and merged cells", async () => {
    const { bytes } = await template();
    const wb = await loadWorkbook(bytes);
    expect(
      (await problem(() => readTemplate(wb, { provinceId: "08-2025", provinceName: "Tỉnh Tuyên Quang" }))).vi,
    ).toBe("Đây là mẫu của Tỉnh Thái Nguyên, không phải của Tỉnh Tuyên Quang. Hãy tải mẫu của đúng đơn vị.");
    expect((await problem(() => readTemplate(wb, { ...PROVINCE, month: "2026-09" }))).vi).toContain(
      "Đây là mẫu tháng 10/2026, không phải tháng 9/2026",
    );
    const moved = await filled(bytes, (ws) => {
      const a = ws.getCell("A6").value;
      ws.getCell("A6").value = ws.getCell("A7").value;
      ws.getCell("A7").value = a;
    });
    expect((await problem(async () => readTemplate(await loadWorkbook(moved), PROVINCE))).vi).toContain(
      "đã bị xê dịch",
    );
    const merged = await filled(bytes, (ws, rowOf) => {
      ws.mergeCells(`D${rowOf("TM.XNK")}:E${rowOf("TM.XNK")}`);
    });
    expect((await problem(async () => readTemplate(await loadWorkbook(merged), PROVINCE))).vi).toContain(
      "có ô bị gộp",
    );
  });
});

describe("files that are not a workbook to import", () => {
  it.each([
    ["an empty file", new Uint8Array(), "Tệp rỗng."],
    [
      "a text file",
      new TextEncoder().encode("chỉ tiêu;giá trị\nTM.XNK;120\n"),
      "Tệp không phải là sổ làm việc Excel (.xlsx).",
    ],
    ["an old .xls", compoundFile(false), "Đây là tệp Excel cũ (.xls)"],
    ["a password-protected workbook", compoundFile(true), "Tệp được đặt mật khẩu"],
    ["a Word file", docx(["Báo cáo"]), "Đây là tệp Word (.docx)"],
    ["a damaged zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "Tệp Excel bị hỏng"],
    ["a file over the size limit", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x50), "Tệp quá lớn"],
    [
      "a zip that unpacks to far more than it weighs",
      storedZip(
        { "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<row/>".repeat(2_000_000) },
        true,
      ),
      "Tệp có quá nhiều dòng",
    ],
  ])("refuses %s with a clear message", async (_what, bytes, message) => {
    const p = await problem(async () => checkWorkbookBytes(bytes));
    expect(p.vi).toContain(message);
    expect(p.en.length).toBeGreaterThan(10);
  });

  it("refuses a workbook of a hundred thousand rows (about 10 MB of sheet)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dữ liệu");
    for (let r = 1; r <= 100_000; r++) ws.addRow([`Chỉ tiêu ${r}`, r, r * 1.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await problem(loadWorkbook(bytes));
    // Zipped it weighs about 2 MB: refused for its size or, under the limit, for its rows.
    expect(p.vi).toMatch(/^Tệp quá lớn \(\d+,\d\d MB\); tối đa 2 MB|^Tệp có quá nhiều dòng/);
  }, 60_000);

  it("refuses a zip that exceljs cannot read as a workbook", async () => {
    const bytes = storedZip({ "xl/workbook.xml": "not xml at all <<<" });
    expect((await problem(loadWorkbook(bytes))).vi).toMatch(/bị hỏng|không có trang tính/);
  });
});

describe("another layout: names down a column, months across", () => {
  async function statisticsTable(order: "as-is" | "shuffled" = "as-is") {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu 01");
    ws.getCell("A1").value = "CHỈ SỐ VÀ GIÁ TRỊ SẢN XUẤT CÔNG NGHIỆP NĂM 2027";
    ws.mergeCells("A1:N1");
    ws.getRow(3).values = ["STT", "Chỉ tiêu", ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`)];
    const rows: (string | number)[][] = [
      [
        "1",
        "Chỉ số sản xuất công nghiệp (IIP) (%)",
        107.44,
        106.1,
        108.2,
        105.5,
        104.9,
        110.2,
        103.3,
        102.2,
        105,
        106,
        107,
        108,
      ],
      ["", "- Công nghiệp khai khoáng", 97.99, 98.5, 101.2, 99, 100, 100.5, 101, 102, 103, 99.5, 98, 97],
      [
        "2",
        "Kim ngạch xuất khẩu (triệu USD)",
        120.5,
        "130,25",
        140,
        150,
        160,
        170,
        180,
        190,
        200,
        210,
        220,
        230,
      ],
      ["3", "Sản lượng thủy sản (tấn)", 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61],
    ];
    const ordered = order === "as-is" ? rows : [rows[2], rows[3], rows[0], rows[1]];
    ordered.forEach((r, i) => {
      ws.getRow(4 + i).values = r;
    });
    return loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  it("reads month headers in their usual spellings", () => {
    expect(readHeader("Tháng 1")).toEqual({ kind: "month", month: 1, year: null });
    expect(readHeader("T12/2026")).toEqual({ kind: "month", month: 12, year: 2026 });
    expect(readHeader("tháng 03 năm 2026")).toEqual({ kind: "month", month: 3, year: 2026 });
    expect(readHeader("Lũy kế 6 tháng")).toEqual({ kind: "ytd", month: 6, year: null });
    expect(readHeader("Tháng Mười")).toEqual({ kind: "month", month: 10, year: null });
    expect(readHeader("Quý I")).toBeNull();
    expect(headerKey("Tháng 1/2026")).toBe(headerKey("Tháng 1/2027"));
  });

  it("suggests rows, columns and an index base, and reads the figures a mapping names", async () => {
    const wb = await statisticsTable();
    const grid = readGrid(wb);
    const mapping = suggestMapping(grid, CATALOGUE);
    expect(mapping).toMatchObject({ sheet: "Biểu 01", labelColumn: 2, headerRow: 3 });
    expect(mapping.rows.map((r) => [r.indicator, r.measure, r.index100])).toEqual([
      ["CN.IIP", "yoy_pct", true],
      ["CN.IIP.B", "yoy_pct", true],
      ["TM.XNK.XK", "value", false],
    ]);
    expect(mapping.columns).toHaveLength(12);
    const entries = applyMapping(wb, mapping, { year: 2027, vintage: "official", catalogue: CATALOGUE });
    expect(entries).toHaveLength(36);
    const at = (indicator: string, period: string) =>
      entries.find((e) => e.indicator === indicator && e.period === period);
    expect(at("CN.IIP", "2027-01")).toMatchObject({
      value: 7.44,
      measure: "yoy_pct",
      cell: "Biểu 01!C4",
      error: null,
    });
    expect(at("CN.IIP.B", "2027-01")?.value).toBe(-2.01);
    expect(at("TM.XNK.XK", "2027-02")?.value).toBe(130.25);
    expect(at("TM.XNK.XK", "2027-12")).toMatchObject({ value: 230, vintage: "official" });
  });

  it("applies a kept mapping to next year's file with its rows in another order", async () => {
    const first = await statisticsTable();
    const kept = suggestMapping(readGrid(first), CATALOGUE);
    kept.rows = kept.rows.filter((r) => r.indicator !== "CN.IIP.B");
    const next = await statisticsTable("shuffled");
    const again = suggestMapping(readGrid(next), CATALOGUE, kept);
    expect(again.rows.map((r) => r.indicator).sort()).toEqual(["CN.IIP", "CN.IIP.B", "TM.XNK.XK"]);
    const entries = applyMapping(next, kept, { year: 2027, vintage: "estimate", catalogue: CATALOGUE });
    expect(new Set(entries.map((e) => e.indicator))).toEqual(new Set(["CN.IIP", "TM.XNK.XK"]));
    expect(entries.find((e) => e.indicator === "TM.XNK.XK" && e.period === "2027-01")?.cell).toBe(
      "Biểu 01!C4",
    );
  });
});
