import type { getTranslations } from "next-intl/server";
import type { ApiAttainmentRow } from "@/app/_server/attainment";
import type { Locale } from "@/lib/format";
import { parsePeriod } from "@/lib/periods";
import { monthsLabel } from "./row-marks";
import type { RowMarkTexts } from "./row-marks-client";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A row's marks written out for a client table (`t` from the root namespace). */
export function rowMarkTexts(row: ApiAttainmentRow, t: Translate, locale: Locale): RowMarkTexts {
  const judged = row.judgedOn ? parsePeriod(row.judgedOn) : null;
  return {
    statusReason:
      !row.status && row.statusReason
        ? { code: row.statusReason, text: t(`status.${row.statusReason}`) }
        : undefined,
    judgedOn:
      judged && judged.kind === "ytd" && row.judgedOn !== row.period
        ? t("dashboard.judgedOn", { months: judged.month })
        : undefined,
    samePeriodReason: row.samePeriodReason
      ? { code: row.samePeriodReason, text: t(`dashboard.samePeriodReason.${row.samePeriodReason}`) }
      : undefined,
    provisional:
      row.monthsNotApproved.length > 0
        ? {
            months: row.monthsNotApproved.join(","),
            title: t("dashboard.notApprovedTitle", { months: monthsLabel(row.monthsNotApproved, locale) }),
          }
        : undefined,
  };
}
