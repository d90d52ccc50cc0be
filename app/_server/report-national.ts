import "server-only";
import type { DbOrTx } from "@/db";
import { formatDate } from "@/lib/format";
import { documentNumber, reportPeriodCaps } from "@/lib/report-periods";
import type { ReportView } from "@/lib/report-view";
import { nationalXlsx } from "./report-files/xlsx";
import { type NationalSummary, nationalSummary } from "./reports";

/** Where a unit's report stands, as the summary sheet says it. */
export function reportStanding(report: NationalSummary["provinces"][number]["report"]): string {
  if (!report) return "Chưa lập";
  if (report.issued && report.number !== null && report.symbol && report.date) {
    return `${documentNumber(report.number, report.symbol)} ngày ${formatDate(report.date)}`;
  }
  return `Bản nháp (phiên bản ${report.version})`;
}

/** The national workbook of a period: the summary sheet, then every unit's appendix. */
export async function nationalWorkbook(db: DbOrTx, period: string): Promise<Uint8Array> {
  const summary = await nationalSummary(db, period, { views: true });
  const title = `TỔNG HỢP MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG CÁC TỈNH, THÀNH PHỐ ${reportPeriodCaps(summary.periods)}`;
  return nationalXlsx(
    title,
    summary.provinces.map((p) => ({
      name: p.name,
      report: reportStanding(p.report),
      indicators: p.indicators.map((i) => ({
        name: i.name,
        unit: i.unit,
        decimals: i.decimals,
        actual: i.actual,
        pctOfSamePeriod: i.pctOfSamePeriod,
        pctOfPlan: i.pctOfPlan,
      })),
    })),
    summary.provinces.map((p) => p.view).filter((v): v is ReportView => v !== null),
  );
}
