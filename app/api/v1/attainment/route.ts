import { z } from "zod";
import { cachedNationalAttainment } from "@/app/_server/attainment-cache";
import { apiRead } from "@/app/_server/guard";
import { periodSchema } from "@/app/_server/period-schema";
import { getIndicator } from "@/db/queries/reference";
import { errors } from "@/lib/errors";

export const GET = apiRead(
  {
    input: z.object({ period: periodSchema, indicator: z.string().min(1).max(32) }),
    permission: { action: "read_national" },
  },
  async ({ db, input }) => {
    const indicator = await getIndicator(db, input.indicator);
    if (!indicator) throw errors.notFound("chỉ tiêu", "Indicator");
    const rows = await cachedNationalAttainment(db, indicator, input.period);
    return rows.map(({ provinceId, ...row }) => ({ province: provinceId, ...row }));
  },
);
