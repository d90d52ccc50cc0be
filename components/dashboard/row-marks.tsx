import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SamePeriodReason } from "@/lib/attainment";
import type { Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";

/** "tháng 10/2026, tháng 8/2026": the months a row's figures are not approved for. */
export function monthsLabel(months: readonly string[], locale: Locale): string {
  return months
    .map((m) => {
      const p = parsePeriod(m);
      return p ? periodLabel(p, locale) : m;
    })
    .join(", ");
}

/** "chưa duyệt" beside a row built on months not approved yet (draft, submitted or returned). */
export async function ProvisionalMark({ months, locale }: { months: readonly string[]; locale: Locale }) {
  if (months.length === 0) return null;
  const t = await getTranslations("dashboard");
  const title = t("notApprovedTitle", { months: monthsLabel(months, locale) });
  return (
    <span className="tag-provisional" title={title} data-testid="provisional" data-months={months.join(",")}>
      {t("notApproved")}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}

/** What the status was judged on, when it is not the period shown ("đánh giá theo lũy kế 10 tháng"). */
export async function JudgedOn({ period, judgedOn }: { period: string; judgedOn: string | null }) {
  const judged = judgedOn ? parsePeriod(judgedOn) : null;
  if (!judged || judgedOn === period || judged.kind !== "ytd") return null;
  const t = await getTranslations("dashboard");
  return (
    <span className="block text-xs text-slate-500" data-testid="judged-on">
      {t("judgedOn", { months: judged.month })}
    </span>
  );
}

/** Why "vs the same period" is empty, in words, where it is. */
export async function SamePeriodReasonText({ reason }: { reason: SamePeriodReason | null }) {
  if (!reason) return null;
  const t = await getTranslations("dashboard");
  return (
    <span
      className="ml-auto block max-w-48 text-xs text-slate-500"
      data-testid="same-period-reason"
      data-reason={reason}
    >
      {t(`samePeriodReason.${reason}`)}
    </span>
  );
}

/**
 * Above a table with rows built on months not approved yet: how many are hidden and the link that
 * hides or shows them (`?approved=only`). `hiddenKey` names what is hidden: indicators or units.
 */
export async function ProvisionalNotice({
  pendingMonths,
  hidden,
  approvedOnly,
  toggleHref,
  hiddenKey,
  locale,
}: {
  pendingMonths: readonly string[];
  hidden: number;
  approvedOnly: boolean;
  toggleHref: string;
  hiddenKey: "dashboard.hiddenProvisional" | "national.hiddenProvisional";
  locale: Locale;
}) {
  if (pendingMonths.length === 0) return null;
  const t = await getTranslations();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      {hidden > 0 && (
        <span data-testid="hidden-provisional">
          {t(hiddenKey, { count: hidden, months: monthsLabel(pendingMonths, locale) })}
        </span>
      )}
      <Link
        href={toggleHref}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
        data-testid="provisional-toggle"
      >
        {approvedOnly ? t("dashboard.showProvisional") : t("dashboard.hideProvisional")}
      </Link>
    </p>
  );
}
