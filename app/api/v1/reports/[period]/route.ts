import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { nationalWorkbook } from "@/app/_server/report-national";
import { fileResponse, nationalSummary, reportPathSchema } from "@/app/_server/reports";
import { AppError } from "@/lib/errors";

/**
 * The national summary of a period (national viewers): every unit's headline figures and where its
 * report stands; `.xlsx` adds every unit's appendix, one sheet each.
 */
export const GET = apiRead(
  { input: z.object({ period: reportPathSchema }), permission: { action: "read_national" } },
  async ({ db, input: { period } }) => {
    if (period.format === "xlsx") {
      const file = await nationalWorkbook(db, period.period);
      return fileResponse(
        file,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `BC-SCT_toan-quoc_${period.period}.xlsx`,
      );
    }
    if (period.format) {
      throw new AppError(
        "not_found",
        "Bản tổng hợp chỉ có dạng JSON và Excel.",
        "The summary comes as JSON or Excel only.",
      );
    }
    const summary = await nationalSummary(db, period.period);
    return {
      period: summary.period,
      provinces: summary.provinces.map(({ view: _view, ...p }) => p),
    };
  },
);
