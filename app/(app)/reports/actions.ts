"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { periodSchema } from "@/app/_server/period-schema";
import {
  deleteSettings,
  saveSettings,
  settingsDeleteSchema,
  settingsWriteSchema,
} from "@/app/_server/report-settings";
import { issueReportNow, reportEditSchema, reportIssueSchema, saveReportEdits } from "@/app/_server/reports";
import type { Province } from "@/db/schema";

const target = z.object({ provinceId: z.string().min(1).max(16), period: periodSchema });

/** The editor's save: the same function, checks and audit as `PUT /provinces/{id}/reports/{period}`. */
export const saveReportAction = serverAction(
  {
    schema: target.extend(reportEditSchema.shape),
    permission: { action: "write_report", province: (i) => i.provinceId },
  },
  ({ input, province, ...ctx }) => saveReportEdits(ctx, province as Province, input.period, input),
);

/** Issuing from the page: the same as `POST …/issue`. */
export const issueReportAction = serverAction(
  {
    schema: target.extend(reportIssueSchema.shape),
    permission: { action: "issue_report", province: (i) => i.provinceId },
    revalidate: ["/reports"],
  },
  ({ input, province, ...ctx }) => issueReportNow(ctx, province as Province, input.period, input),
);

export const saveSettingsAction = serverAction(
  {
    schema: settingsWriteSchema,
    permission: { action: "edit_report_settings", province: (i) => i.provinceId },
    revalidate: ["/reports", "/reports/settings"],
  },
  ({ input, ...ctx }) => saveSettings(ctx, input),
);

export const deleteSettingsAction = serverAction(
  {
    schema: settingsDeleteSchema,
    permission: { action: "edit_report_settings", province: (i) => i.provinceId },
    revalidate: ["/reports", "/reports/settings"],
  },
  ({ input, ...ctx }) => deleteSettings(ctx, input),
);
