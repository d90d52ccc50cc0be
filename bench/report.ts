/**
 * The month's report at national scale (every province × every monthly indicator, 2025–2026), on
 * PGlite and on PostgreSQL: one province's October report as PDF (p50 / p95, goal p95 < 3 s) and
 * the national workbook, the appendix of all 34 provinces in one .xlsx (goal < 20 s). Each is set
 * against a floor measured in the same run — Chromium printing a one-line page, exceljs writing a
 * one-cell workbook — so a slow machine shows as a slow floor, not as a slow report.
 * Run: npm run bench:report
 */

import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { renderReportFile } from "../app/_server/report-files";
import { closePdfBrowser, htmlToPdf } from "../app/_server/report-files/pdf";
import { nationalWorkbook } from "../app/_server/report-national";
import { loadReport, reportFile, unitsOf } from "../app/_server/reports";
import { provinces } from "../db/schema";
import { reportPeriods } from "../lib/report-periods";
import { benchDatabases, summary } from "./lib";
import { loadNationalData } from "./national-data";

const PDF_RUNS = Number(process.env.PDF_RUNS ?? 20);
const XLSX_RUNS = Number(process.env.XLSX_RUNS ?? 3);
const PERIOD = "2026-10";

async function time(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const p95 = (s: number[]) => Number(summary(s).p95);
const median = (s: number[]) => Number(summary(s).p50);

for (const target of await benchDatabases()) {
  const handle = await target.open();
  const count = await loadNationalData(handle.db, [2025, 2026], 2026);
  console.log(`${target.name}: ${count} figures`);
  const all = await handle.db.select().from(provinces).where(sql`true`);
  const laoCai = all.find((p) => p.id === "15-2025");
  if (!laoCai) throw new Error("no 15-2025");

  // Floors: Chromium printing one line; exceljs writing one cell.
  await htmlToPdf("<p>warm up</p>");
  const floorPdf = await time(PDF_RUNS, () =>
    htmlToPdf('<!doctype html><p style="font-family:serif">ChiTieu</p>'),
  );
  const floorXlsx = await time(5, async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").getCell("A1").value = 1;
    return wb.xlsx.writeBuffer();
  });

  // One province's report as PDF, end to end: figures read, engine rows, text, table, HTML, Chromium.
  await reportFile(handle.db, laoCai, PERIOD, "pdf");
  const pdf = await time(PDF_RUNS, () => reportFile(handle.db, laoCai, PERIOD, "pdf"));
  console.log(
    `${target.name} · PDF of 15-2025 ${PERIOD}: p50 ${ms(median(pdf))}, p95 ${ms(p95(pdf))} (goal < 3000 ms: ${p95(pdf) < 3000 ? "met" : "NOT met"}); ` +
      `floor (one-line page) p95 ${ms(p95(floorPdf))}; ratio ${(p95(pdf) / p95(floorPdf)).toFixed(1)}×`,
  );
  // Four people downloading at once: pages are bounded, so they queue rather than pile up.
  const started = performance.now();
  await Promise.all([1, 2, 3, 4].map(() => reportFile(handle.db, laoCai, PERIOD, "pdf")));
  console.log(`${target.name} · 4 PDFs at once: ${ms(performance.now() - started)}`);

  // The national workbook: a summary sheet and the 34 provinces' appendices.
  const national = await time(XLSX_RUNS, () => nationalWorkbook(handle.db, PERIOD));
  const worst = Math.max(...national);
  console.log(
    `${target.name} · national .xlsx (34 provinces) ${PERIOD}: median ${ms(median(national))}, worst ${ms(worst)} (goal < 20000 ms: ${worst < 20000 ? "met" : "NOT met"}); ` +
      `floor (one-cell workbook) median ${ms(median(floorXlsx))}; ratio ${(median(national) / median(floorXlsx)).toFixed(0)}×`,
  );
  // The same, one file per province, as 34 people would download them.
  const units = unitsOf(all, reportPeriods(PERIOD) as NonNullable<ReturnType<typeof reportPeriods>>);
  const each = await time(1, async () => {
    for (const unit of units) {
      const { view } = await loadReport(handle.db, unit, PERIOD);
      await renderReportFile(view, "xlsx");
    }
  });
  console.log(`${target.name} · ${units.length} province .xlsx one by one: ${ms(each[0])}`);
  await closePdfBrowser();
  await handle.close();
}
process.exit(0);
