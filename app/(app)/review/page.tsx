import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listIndicators } from "@/db/queries/reference";
import { listApprovedMonths, listSubmittedMonths } from "@/db/queries/workflow";
import { formatDateTime, type Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { can, roleMay } from "@/lib/permissions";

export const generateMetadata = pageTitle("review.title");

/** The leader's queue of submitted months, and for the province admin the approved months to reopen. */
export default async function ReviewPage() {
  const user = await requirePageUser();
  const mayDecide = roleMay(user.role, "approve") || roleMay(user.role, "return");
  const mayReopen = roleMay(user.role, "reopen");
  if (!mayDecide && !mayReopen) return <NotAllowed />;
  const scope = await resolveProvince(user, undefined);
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  const provinces = scope.options.filter((p) => can(actor, mayDecide ? "approve" : "reopen", p));
  const ids = provinces.map((p) => p.id);
  const db = getDb();
  const [t, locale, indicators, submitted, approved] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listIndicators(db),
    mayDecide ? listSubmittedMonths(db, ids) : Promise.resolve([]),
    mayReopen ? listApprovedMonths(db, ids) : Promise.resolve([]),
  ]);
  const nameOf = new Map(provinces.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameVi]));
  const indicatorNames = new Map(indicators.map((i) => [i.code, locale === "en" ? i.nameEn : i.nameVi]));
  const label = (month: string) => {
    const p = parsePeriod(month);
    return p ? periodLabel(p, locale) : month;
  };
  type Month = {
    provinceId: string;
    period: string;
    updatedAt: Date;
    submittedBy?: string | null;
    acknowledgements?: { indicator: string; reason: string }[] | null;
  };
  const list = (rows: Month[], testId: string) => (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" data-testid={testId}>
      {rows.map((r) => (
        <li
          key={r.provinceId + r.period}
          className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
        >
          <span>
            <strong>{label(r.period)}</strong> · {nameOf.get(r.provinceId)} ·{" "}
            <span className="text-slate-600">
              {formatDateTime(r.updatedAt, locale)}
              {r.submittedBy ? ` · ${r.submittedBy}` : ""}
            </span>
            {r.acknowledgements && r.acknowledgements.length > 0 && (
              <span className="mt-1 block text-xs text-amber-900">
                {t("review.acknowledged")}:{" "}
                {r.acknowledgements
                  .map((a) => `${indicatorNames.get(a.indicator) ?? a.indicator} — ${a.reason}`)
                  .join("; ")}
              </span>
            )}
          </span>
          <Link
            className="text-brand-700 hover:underline"
            href={`/entry?province=${r.provinceId}&month=${r.period}`}
          >
            {t("review.open")}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("review.title")}</h1>
      {mayDecide &&
        (submitted.length === 0 ? (
          <p className="text-slate-600">{t("review.empty")}</p>
        ) : (
          list(submitted, "submitted-months")
        ))}
      {mayReopen && (
        <div className="space-y-2">
          <h2 className="text-lg font-medium">{t("review.approvedMonths")}</h2>
          {list(approved, "approved-months")}
        </div>
      )}
    </section>
  );
}
