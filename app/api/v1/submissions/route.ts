import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { monthSchema } from "@/app/_server/month";
import { nationalBoard, rowJson } from "@/app/_server/submissions";

/** One row per current province for a month, missing ones included (national viewers, system admins). */
export const GET = apiRead(
  { input: z.object({ month: monthSchema }), permission: { action: "read_national" } },
  async ({ db, input }) => {
    const { rows } = await nationalBoard(db, [input.month]);
    return rows.map((r) => rowJson(r, input.month));
  },
);
