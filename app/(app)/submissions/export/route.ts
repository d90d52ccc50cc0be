import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { apiRead } from "@/app/_server/guard";
import { boardProvinces, vnToday } from "@/app/_server/submissions";
import { getSubmissionBoard } from "@/db/queries/submissions";
import { toLocale } from "@/i18n/locales";
import { formatDay, lastMonths, lastReportableMonth } from "@/lib/calendar";
import { CSV_BOM, CSV_DIALECTS, csvLine } from "@/lib/csv";
import { errors } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

/**
 * The board as CSV for Excel (lib/csv.ts): one line per province and month, the board's 12 months,
 * in the reader's language; the same scope as the page (boardProvinces).
 */
export const GET = apiRead(
  { input: z.object({ month: z.string().optional() }), permission: { self: true } },
  async ({ db, user }) => {
    const provinces = await boardProvinces(db, user);
    if (!provinces) throw errors.forbidden();
    const today = vnToday();
    const months = lastMonths(lastReportableMonth(today), 12);
    const [t, locale, board] = await Promise.all([
      getTranslations(),
      getLocale().then(toLocale),
      getSubmissionBoard(db, provinces, months, today),
    ]);
    const dialect = CSV_DIALECTS[locale];
    let body =
      CSV_BOM +
      csvLine(
        [
          t("submissions.province"),
          t("submissions.month"),
          t("submissions.statusFilter").replace(/ \(.*\)$/, ""),
          t("submissions.due"),
          t("submissions.submittedAt"),
          t("submissions.approvedAt"),
          t("submissions.lateDays"),
        ],
        dialect,
      );
    for (const row of board) {
      for (const month of months) {
        const c = row.cells[month];
        body += csvLine(
          [
            locale === "en" ? row.province.nameEn : row.province.nameVi,
            `${month.slice(5)}/${month.slice(0, 4)}`,
            t(`submissions.status.${c.status}`),
            formatDay(c.due),
            c.submittedAt ? formatDateTime(c.submittedAt) : "",
            c.approvedAt ? formatDateTime(c.approvedAt) : "",
            c.lateDays,
          ],
          dialect,
        );
      }
    }
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="chitieu-submissions-${months[0]}.csv"`,
      },
    });
  },
);
