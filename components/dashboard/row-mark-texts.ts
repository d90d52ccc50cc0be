import type { getTranslations } from "next-intl/server";
import type { ApiAttainmentRow } from "@/app/_server/attainment";
import { definedOnly } from "@/lib/defined-only";
import type { Locale } from "@/lib/format";
import { parsePeriod } from "@/lib/periods";
import { monthsLabel } from "./row-marks";
import type { RowMarkTexts } from "./row-marks-client";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A row's marks written out for a client table (`t` from the root namespace). */
export function rowMarkTexts(row: ApiAttainmentRow, t: Translate, locale: Locale): RowMarkTexts {
  const judged = row.judgedOn ? parsePeriod(row.judgedOn) : null;
  return definedOnly({
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
  });
}

/**
 * A table's marks, each distinct one written once; rows name theirs by index. Most rows of a table
 * share them ("đánh giá theo lũy kế 9 tháng", the same months not approved), and the page's payload
 * carried the same words once per row (issue 12: the national page's rows were 38 KB).
 */
export function markTable() {
  const texts: RowMarkTexts[] = [];
  const seen = new Map<string, number>();
  return {
    texts,
    add(marks: RowMarkTexts): number {
      const key = JSON.stringify(marks);
      let i = seen.get(key);
      if (i === undefined) {
        i = texts.push(marks) - 1;
        seen.set(key, i);
      }
      return i;
    },
  };
}
