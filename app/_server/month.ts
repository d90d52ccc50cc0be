import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { notifyTransition } from "@/db/queries/notifications";
import { getSheetInputs } from "@/db/queries/sheet";
import { getMonthStatus, transitionMonth } from "@/db/queries/workflow";
import { readMailEnv } from "@/lib/env";
import { AppError, addFieldError, bilingual, type FieldErrors } from "@/lib/errors";
import { parsePeriod } from "@/lib/periods";
import { buildSheet } from "@/lib/sheet-model";
import { unacknowledged } from "@/lib/validation";
import { type Transition, transitionRule } from "@/lib/workflow";
import type { WriteContext } from "./guard";

/**
 * The month's work, shared by the pages' server actions and the API routes so both have one
 * validation and one audit trail: save figures, submit / approve / return / reopen.
 */

export const monthSchema = z
  .string()
  .refine(
    (p) => parsePeriod(p)?.kind === "month",
    bilingual("Tháng không hợp lệ (ví dụ 2024-02).", "Invalid month (e.g. 2024-02)."),
  );

export const figureWriteSchema = z.object({
  indicator: z.string().min(1).max(32),
  period: z.string().min(4).max(10),
  measure: z.enum(["value", "level", "yoy_pct", "mom_pct"]),
  value: z.number().finite().gt(-1e15).lt(1e15),
  vintage: z.enum(["estimate", "preliminary", "official"]),
  note: z.string().max(2000).nullish(),
  version: z.number().int().positive().nullish(),
});
export const figureWritesSchema = z.array(figureWriteSchema).min(1).max(500);

export async function loadSheet(db: DbOrTx, provinceId: string, month: string) {
  return buildSheet({ month, ...(await getSheetInputs(db, provinceId, month)) });
}

export const transitionBodySchema = z.object({
  reason: z.string().trim().max(2000).optional(),
  acknowledge: z
    .array(z.object({ indicator: z.string().min(1).max(32), reason: z.string().trim().min(1).max(2000) }))
    .max(200)
    .optional(),
});
export type TransitionBody = z.infer<typeof transitionBodySchema>;

/**
 * Runs a workflow transition on a province-month with its checks: submitting needs every warning
 * acknowledged with a reason, returning and reopening need a reason.
 */
export async function runTransition(
  ctx: WriteContext<unknown>,
  provinceId: string,
  month: string,
  transition: Transition,
  body: TransitionBody,
) {
  const rule = transitionRule(transition);
  if (rule.needsReason && !body.reason) {
    throw new AppError("invalid", "Vui lòng ghi lý do.", "Please give a reason.", {
      reason: [{ vi: "Bắt buộc.", en: "Required." }],
    });
  }
  let acknowledgements: { indicator: string; reason: string }[] = [];
  if (transition === "submit") {
    const sheet = await loadSheet(ctx.tx, provinceId, month);
    const hasFigures = sheet.rows.some((r) => r.cells.some((c) => c.value !== null));
    if (!hasFigures) {
      throw new AppError(
        "invalid",
        "Tháng này chưa có số liệu nào để gửi.",
        "This month has no figures to submit.",
      );
    }
    const open = unacknowledged(sheet.warnings, body.acknowledge ?? []);
    if (open.length > 0) {
      const fields: FieldErrors = {};
      for (const w of open) addFieldError(fields, `acknowledge.${w.indicator}`, w.message);
      throw new AppError(
        "invalid",
        "Có cảnh báo cần giải trình trước khi gửi duyệt.",
        "Some warnings need an explanation before submitting.",
        fields,
        { warnings: open },
      );
    }
    const warned = new Set(sheet.warnings.map((w) => w.indicator));
    acknowledgements = (body.acknowledge ?? []).filter((a) => warned.has(a.indicator));
  }
  const result = await transitionMonth(ctx.tx, {
    provinceId,
    month,
    transition,
    userId: ctx.user.id,
    reason: body.reason ?? null,
    acknowledgements,
  });
  await ctx.audit({
    action: `period.${transition}`,
    entity: "period",
    entityId: `${provinceId}/${month}`,
    provinceId,
    before: { status: result.from },
    after: { status: result.to, reason: body.reason ?? null, acknowledgements },
  });
  // Who must hear of it (the leaders, the staff, the national viewers), in the same transaction.
  await notifyTransition(
    ctx.tx,
    {
      provinceId,
      month,
      transition,
      transitionId: result.transition.id,
      by: ctx.user.displayName,
      reason: body.reason ?? null,
      at: result.transition.at,
    },
    readMailEnv().appUrl,
  );
  return getMonthStatus(ctx.tx, provinceId, month);
}
