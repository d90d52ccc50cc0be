import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { indicatorDetail, monthsCsv } from "@/app/_server/indicator-detail";
import { errors } from "@/lib/errors";

/** The months of one indicator for a year, as CSV: the detail page's table, for Excel. */
export const GET = apiRead(
  {
    input: z.object({
      id: z.string().min(1).max(16),
      code: z.string().min(1).max(32),
      year: z.coerce.number().int().min(2000).max(2100),
    }),
    permission: { action: "read", province: (i) => i.id },
  },
  async ({ db, province, input }) => {
    const detail = province && (await indicatorDetail(db, province, input.code, String(input.year)));
    if (!detail) throw errors.notFound("chỉ tiêu", "Indicator");
    return new Response(monthsCsv(detail), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${input.id}-${input.code}-${input.year}.csv"`,
      },
    });
  },
);
