"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { saveDueRule } from "@/db/queries/calendar";
import { getProvince } from "@/db/queries/reference";
import { OBLIGATION_KINDS } from "@/lib/calendar";
import { AppError, bilingual } from "@/lib/errors";

const day = (vi: string, en: string) =>
  z.coerce.number().int(bilingual(vi, en)).min(1, bilingual(vi, en)).max(31, bilingual(vi, en));

/**
 * Sets a reporting obligation's due rule, nationally (no province) or as one province's override;
 * `remove` takes a province's override away. System admins only; audited with before and after.
 */
export const saveDueRuleAction = serverAction(
  {
    schema: z.object({
      kind: z.enum(OBLIGATION_KINDS),
      province: z.string().trim().max(16).optional().default(""),
      dueDay: day("Ngày hạn từ 1 đến 31.", "The due day is 1 to 31."),
      monthsAfter: z.coerce
        .number()
        .int()
        .min(0, bilingual("Từ 0 đến 12 tháng.", "0 to 12 months."))
        .max(12, bilingual("Từ 0 đến 12 tháng.", "0 to 12 months.")),
      cutoffDay: z.preprocess(
        (v) => (v === "" || v === undefined ? null : v),
        day("Ngày chốt từ 1 đến 31.", "The cut-off day is 1 to 31.").nullable(),
      ),
      remove: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    }),
    permission: { action: "manage_catalogue" },
    revalidate: ["/admin/calendar", "/submissions", "/entry"],
  },
  async ({ tx, user, input, audit }) => {
    const provinceId = input.province === "" ? null : input.province;
    if (provinceId && !(await getProvince(tx, provinceId))) {
      throw new AppError("invalid", "Không có tỉnh này.", "No such province.", {
        province: [{ vi: "Không có tỉnh này.", en: "No such province." }],
      });
    }
    if (input.remove && !provinceId) {
      throw new AppError(
        "invalid",
        "Chỉ bỏ được quy định riêng của một tỉnh.",
        "Only a province's own rule can be removed.",
      );
    }
    const change = await saveDueRule(tx, {
      kind: input.kind,
      provinceId,
      rule: input.remove
        ? null
        : { dueDay: input.dueDay, monthsAfter: input.monthsAfter, cutoffDay: input.cutoffDay },
      userId: user.id,
    });
    await audit({
      action: "calendar.save",
      entity: "reporting_obligation",
      entityId: `${provinceId ?? "national"}/${input.kind}`,
      provinceId,
      before: change.before,
      after: change.after,
    });
    return change;
  },
);
