import { z } from "zod";
import { apiWrite } from "@/app/_server/guard";
import { issueReportNow, reportIssueSchema, reportPathSchema, reportToApi } from "@/app/_server/reports";
import type { Province } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Issues the report: `{version, number, date, place?}`; its text and files are frozen from then on. */
export const POST = apiWrite(
  {
    input: z.object({ id: z.string().min(1).max(16), period: reportPathSchema }),
    body: reportIssueSchema,
    permission: { action: "issue_report", province: (i) => i.id },
  },
  async (ctx) => {
    if (ctx.input.period.format) {
      throw new AppError("bad_request", "Kỳ báo cáo không hợp lệ.", "Not a report period.");
    }
    return reportToApi(
      await issueReportNow(ctx, ctx.province as Province, ctx.input.period.period, ctx.body),
    );
  },
);
