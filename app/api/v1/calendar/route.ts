import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { listDueRules } from "@/db/queries/calendar";
import { getProvince } from "@/db/queries/reference";
import { OBLIGATION_KINDS, resolveRule } from "@/lib/calendar";
import { errors } from "@/lib/errors";

/**
 * The reporting calendar in force for a province (or nationally, without `province`): each
 * obligation's due rule and where it comes from. Any signed-in caller: due dates are not secret.
 */
export const GET = apiRead(
  { input: z.object({ province: z.string().min(1).max(16).optional() }), permission: { self: true } },
  async ({ db, input }) => {
    const province = input.province ?? null;
    if (province && !(await getProvince(db, province))) throw errors.notFound("tỉnh", "Province");
    const rules = await listDueRules(db);
    return OBLIGATION_KINDS.map((kind) => {
      const own = province ? rules.find((r) => r.kind === kind && r.provinceId === province) : undefined;
      const national = rules.find((r) => r.kind === kind && r.provinceId === null);
      const rule = resolveRule(kind, province, rules);
      return {
        kind,
        dueDay: rule.dueDay,
        monthsAfter: rule.monthsAfter,
        cutoffDay: rule.cutoffDay,
        source: own ? "province" : national ? "national" : "default",
      };
    });
  },
);
