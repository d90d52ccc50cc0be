import { z } from "zod";
import { apiRead, apiWrite } from "@/app/_server/guard";
import {
  fileResponse,
  loadReport,
  reportEditSchema,
  reportFile,
  reportFileName,
  reportPathSchema,
  reportToApi,
  saveReportEdits,
} from "@/app/_server/reports";
import type { Province } from "@/db/schema";
import { AppError } from "@/lib/errors";

const input = z.object({ id: z.string().min(1).max(16), period: reportPathSchema });

/** The report as JSON, or (`2026-10.pdf`, `.docx`, `.xlsx`) as a file: an issued report's stored one. */
export const GET = apiRead(
  { input, permission: { action: "read", province: (i) => i.id } },
  async ({ db, province, input: { period } }) => {
    const unit = province as Province;
    if (period.format) {
      const file = await reportFile(db, unit, period.period, period.format);
      return fileResponse(file.content, file.contentType, reportFileName(file.view, period.format));
    }
    return reportToApi((await loadReport(db, unit, period.period)).view);
  },
);

/** Saves changed and added paragraphs with the version read: 409 when it is stale. */
export const PUT = apiWrite(
  { input, body: reportEditSchema, permission: { action: "write_report", province: (i) => i.id } },
  async (ctx) => {
    if (ctx.input.period.format) {
      throw new AppError(
        "bad_request",
        "Chỉ sửa được báo cáo, không sửa tệp.",
        "Edit the report, not a file.",
      );
    }
    return reportToApi(
      await saveReportEdits(ctx, ctx.province as Province, ctx.input.period.period, ctx.body),
    );
  },
);
