import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { indicatorDetail, monthsCsv } from "@/app/_server/indicator-detail";
import { toLocale } from "@/i18n/locales";
import { errors } from "@/lib/errors";
import { periodLabel } from "@/lib/periods";

/**
 * The months of one indicator for a year, as CSV: the detail page's table, for Excel. In the
 * reader's language (the interface's, or `lang=vi|en`), with their Excel's separator and decimal mark.
 */
export const GET = apiRead(
  {
    input: z.object({
      id: z.string().min(1).max(16),
      code: z.string().min(1).max(32),
      year: z.coerce.number().int().min(2000).max(2100),
      lang: z.enum(["vi", "en"]).optional(),
    }),
    permission: { action: "read", province: (i) => i.id },
  },
  async ({ db, province, input }) => {
    const detail = province && (await indicatorDetail(db, province, input.code, String(input.year)));
    if (!detail) throw errors.notFound("chỉ tiêu", "Indicator");
    const locale = input.lang ?? toLocale(await getLocale());
    const t = await getTranslations({ locale });
    const csv = monthsCsv(
      detail,
      {
        header: [
          t("indicatorDetail.month"),
          t("indicatorDetail.value"),
          t("indicatorDetail.cumulativeCol"),
          t("indicatorDetail.yoy"),
          t("indicatorDetail.mom"),
          t("indicatorDetail.level"),
          t("indicatorDetail.vintage"),
          t("indicatorDetail.sameMonthLastYear"),
          t("indicatorDetail.note"),
        ],
        vintage: (v) => t(`vintage.${v}` as "vintage.estimate"),
        month: (month) => periodLabel({ kind: "month", year: input.year, month }, locale),
      },
      locale,
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${input.id}-${input.code}-${input.year}.csv"`,
      },
    });
  },
);
