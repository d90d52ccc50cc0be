import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/app/_server/session";
import { returnedMonthsFor } from "@/app/_server/workflow-notices";
import { toLocale } from "@/i18n/locales";
import { parsePeriod, periodLabel } from "@/lib/periods";

/** On the staff's home: each month a leader returned, with the reason and the way to fix it. */
export async function ReturnedMonthsNotice({ user }: { user: CurrentUser }) {
  const months = await returnedMonthsFor(user);
  if (months.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("workflow"), getLocale().then(toLocale)]);
  const label = (month: string) => {
    const p = parsePeriod(month);
    const text = p ? periodLabel(p, locale) : month;
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return (
    <ul className="space-y-2" data-testid="returned-months">
      {months.map((m) => (
        <li
          key={m.provinceId + m.period}
          className="flex flex-wrap items-center justify-between gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <span>
            <strong>{t("returnedNotice", { month: label(m.period), reason: m.reason ?? "—" })}</strong>
            {m.by && <span className="text-amber-900"> — {t("by", { name: m.by })}</span>}
          </span>
          <Link
            href={`/entry?province=${m.provinceId}&month=${m.period}`}
            className="rounded border border-amber-600 px-2 py-1 text-amber-900 hover:bg-amber-100"
          >
            {t("fixAndResubmit")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
