import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { cellJson, monthsOfYear, vnToday } from "@/app/_server/submissions";
import { getSubmissionBoard } from "@/db/queries/submissions";

/** A province's months of a year up to the current month: status, due date and lateness. */
export const GET = apiRead(
  {
    input: z.object({ id: z.string().min(1).max(16), year: z.coerce.number().int().min(2000).max(2100) }),
    permission: { action: "read", province: (i) => i.id },
  },
  async ({ db, province, input }) => {
    const p = province as NonNullable<typeof province>;
    const today = vnToday();
    const months = monthsOfYear(input.year, today);
    const [row] = await getSubmissionBoard(db, [p], months, today);
    return months.map((month) => ({ month, ...cellJson(row.cells[month]) }));
  },
);
