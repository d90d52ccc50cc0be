import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { monthSchema } from "@/app/_server/month";
import { getMonthStatus } from "@/db/queries/workflow";

export const GET = apiRead(
  {
    input: z.object({ id: z.string().min(1).max(16), period: monthSchema }),
    permission: { action: "read", province: (i) => i.id },
  },
  async ({ db, input }) => {
    const status = await getMonthStatus(db, input.id, input.period);
    return {
      ...status,
      history: status.history.map(({ byUsername, by, ...h }) => ({ ...h, by: byUsername, byName: by })),
    };
  },
);
