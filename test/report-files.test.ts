import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportFile } from "@/app/_server/report-files";
import { reportHtml } from "@/app/_server/report-files/html";
import { closePdfBrowser, htmlToPdf } from "@/app/_server/report-files/pdf";
import { loadReport } from "@/app/_server/reports";
import type { DbHandle } from "@/db";
import { getProvince } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { seed } from "@/db/seed";
import type { ReportView } from "@/lib/report-view";
import { openTestDb } from "./db";

/**
 * The files a report downloads as, read back the way a person's software would: the workbook with
 * exceljs, the Word document through its XML, the PDF through poppler's text extraction and font list.
 */

const TODAY = "2026-12-01";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-report-"));

let handle: DbHandle;
let halfYear: ReportView; // former Lào Cai, first half of 2023
let october: ReportView; // the new Lào Cai, October 2026: the widest table

beforeAll(async () => {
  handle = await openTestDb("pglite");
  await seed(handle.db, { demoAccounts: false });
  const load = async (id: string, period: string) =>
    (await loadReport(handle.db, (await getProvince(handle.db, id)) as Province, period, TODAY)).view;
  halfYear = await load("10", "2023-YTD06");
  october = await load("15-2025", "2026-10");
}, 120_000);
afterAll(async () => {
  await closePdfBrowser();
  await handle?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The Chromium processes this test process started (children of ours, named chromium). */
function ourChromiums(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const m = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
      if (m && Number(m[2]) === process.pid && /chrom/i.test(m[1])) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe("Excel: the appendix", () => {
  it("has merged headers, borders, numbers as numbers with US-style formats, A4 landscape, repeated header rows and frozen panes", async () => {
    const { content } = await renderReportFile(halfYear, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Phụ lục");
    if (!ws) throw new Error("no sheet Phụ lục");
    expect(ws.getCell("A1").value).toBe("Phụ lục");
    expect(ws.getCell("A2").value).toBe("MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG 6 THÁNG ĐẦU NĂM 2023");
    // Two header rows: STT spans both; "So sánh (%)" spans the comparison columns.
    expect(ws.getCell("A5").value).toBe("STT");
    expect(ws.getCell("A6").isMerged).toBe(true);
    const columns = halfYear.appendix.columns;
    const firstComparison = 4 + columns.findIndex((c) => c.comparison);
    const compare = ws.getRow(5).getCell(firstComparison);
    expect(compare.value).toBe("So sánh (%)");
    expect(ws.getRow(5).getCell(3 + columns.length).isMerged).toBe(true);
    expect(ws.getRow(6).getCell(firstComparison).value).toBe(columns.find((c) => c.comparison)?.label);
    expect(ws.getRow(7).getCell(1).value).toBe("A");

    // Export-import: its first-half amount a number with a US-style format, its index on the plan too.
    const xnkRow = ws.getColumn(2).values.indexOf("Tổng giá trị hàng hóa xuất nhập khẩu");
    expect(xnkRow).toBeGreaterThan(7);
    const col = (id: string) => 4 + columns.findIndex((c) => c.id === id);
    const toDate = ws.getRow(xnkRow).getCell(col("toDate"));
    expect(toDate.value).toBe(945.04);
    expect(toDate.numFmt).toBe('#,##0.00;-#,##0.00;"-"');
    const onPlan = ws.getRow(xnkRow).getCell(col("toDateOnPlan"));
    expect(typeof onPlan.value).toBe("number");
    expect((onPlan.value as number).toFixed(2)).toBe("18.90");
    expect(onPlan.numFmt).toBe('0.00;-0.00;"-"');
    expect(toDate.border?.left?.style).toBe("thin");
    // IIP has no amount: "-" in the value columns.
    const iipRow = ws.getColumn(1).values.findIndex((v, i) => v === "1" && i > 7);
    expect(ws.getRow(iipRow).getCell(col("current")).value).toBe("-");

    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("5:7");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 7 });
    // No Vietnamese-style codes in the file: Excel localises the US ones.
    const formats = new Set<string>();
    ws.eachRow((row) => row.eachCell((c) => c.numFmt && formats.add(c.numFmt)));
    for (const f of formats) expect(f).not.toMatch(/#\.##0,/);
  });
});

describe("Word: real styles and tables", () => {
  it("keeps the text in Vietnamese, uses named styles, and lays the appendix out as a landscape table", async () => {
    const { content } = await renderReportFile(october, "docx");
    const zip = await JSZip.loadAsync(Buffer.from(content));
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    const text = documentXml.replace(/<[^>]+>/g, "");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Tình hình hoạt động ngành Công Thương tháng 10 năm 2026");
    expect(text).toContain("Chỉ số sản xuất công nghiệp (IIP) tháng 10/2026 ước tăng");
    expect(text).toContain("Nơi nhận:");
    // Named styles, not formatting run by run: headings Word's navigation pane lists.
    expect(stylesXml).toContain('w:styleId="Heading1"');
    expect(stylesXml).toContain('w:styleId="Heading2"');
    expect(stylesXml).toContain("Times New Roman");
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Normal"/>');
    // The header block, the signature and the appendix are tables; the appendix's header rows repeat.
    expect((documentXml.match(/<w:tbl>/g) ?? []).length).toBe(3);
    expect(documentXml).toContain("<w:tblHeader/>");
    expect(documentXml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(documentXml).toMatch(/<w:gridSpan w:val="\d+"\/>/);
    // A portrait body with a different first page (no number on page 1), a landscape appendix.
    expect(documentXml).toContain("<w:titlePg/>");
    expect(documentXml).toMatch(/w:orient="landscape"/);
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const headerXml = await Promise.all(headers.map((h) => zip.file(h)?.async("string")));
    expect(headerXml.some((h) => h?.includes("PAGE"))).toBe(true);
  });
});

describe("PDF: printed by Chromium from the page's own document", () => {
  it("keeps Vietnamese text, embeds only Tinos, puts the body on A4 portrait and the appendix on landscape pages, numbered from page 2", async () => {
    const { content } = await renderReportFile(halfYear, "pdf");
    const file = path.join(tmp, "report.pdf");
    fs.writeFileSync(file, content);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("BÁO CÁO");
    expect(text.replace(/\s+/g, " ")).toContain(
      "ước đạt 945,04 triệu USD, bằng 91,06% so với cùng kỳ năm trước",
    );
    expect(text).toContain("Phụ lục");

    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^\w{6}\+Tinos-/);
      // name, type, (sub)type words, encoding, then emb sub uni: embedded, subset, with a ToUnicode map.
      expect(line).toMatch(/\syes\s+yes\s+yes\s/);
    }

    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", file], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
      page: Number(m[1]),
      landscape: Number(m[2]) > Number(m[3]),
    }));
    expect(sizes).toHaveLength(pages);
    expect(sizes[0].landscape).toBe(false);
    expect(sizes.at(-1)?.landscape).toBe(true);
    // Portrait pages first, then the appendix: landscape from its first page to the end.
    const firstLandscape = sizes.findIndex((s) => s.landscape);
    expect(sizes.slice(firstLandscape).every((s) => s.landscape)).toBe(true);
    const pageText = (n: number) =>
      execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"], {
        encoding: "utf8",
      });
    expect(pageText(firstLandscape + 1)).toContain("MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG");
    // Page numbers: none on page 1, the number at the top from page 2.
    expect(pageText(1).trim().startsWith("UBND")).toBe(true);
    for (let n = 2; n <= pages; n++) expect(pageText(n).trim().split(/\s+/)[0]).toBe(String(n));
  }, 60_000);

  it("reuses one browser for concurrent PDFs and leaves no Chromium behind when closed", async () => {
    const html = reportHtml(halfYear);
    const started = Date.now();
    const files = await Promise.all([1, 2, 3, 4].map(() => htmlToPdf(html)));
    expect(files.every((f) => f.byteLength > 10_000)).toBe(true);
    // One browser process tree: a single top-level Chromium child of ours, however many PDFs.
    expect(ourChromiums()).toHaveLength(1);
    await closePdfBrowser();
    expect(ourChromiums()).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
