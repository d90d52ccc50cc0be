import { z } from "zod";
import { cachedProvinceAttainment } from "@/app/_server/attainment-cache";
import { apiRead } from "@/app/_server/guard";
import { periodSchema } from "@/app/_server/period-schema";

export const GET = apiRead(
  {
    input: z.object({ id: z.string().min(1).max(16), period: periodSchema }),
    permission: { action: "read", province: (i) => i.id },
  },
  async ({ db, province, input }) => {
    // The guard has loaded the province it authorized.
    const rows = await cachedProvinceAttainment(db, province as NonNullable<typeof province>, input.period);
    return rows.map(({ provinceId: _, ...row }) => row);
  },
);
