import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { listProvinces } from "@/db/queries/reference";

export const GET = apiRead({ input: z.object({}), permission: { self: true } }, async ({ db }) => {
  const rows = await listProvinces(db);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    kind: r.kind,
    validFrom: r.validFrom,
    validTo: r.validTo,
    successorId: r.successorId,
  }));
});
