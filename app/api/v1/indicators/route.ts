import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { listIndicators } from "@/db/queries/reference";

export const GET = apiRead({ input: z.object({}), permission: { self: true } }, async ({ db }) => {
  const rows = await listIndicators(db);
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    unit: r.unit,
    kind: r.kind,
    direction: r.direction,
    decimals: r.decimals,
    targetBasis: r.targetBasis,
    frequency: r.frequency,
  }));
});
