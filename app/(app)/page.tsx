import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedDashboard } from "@/app/_server/attainment-cache";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { attainmentText } from "@/components/dashboard/attainment-text";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { ReturnedMonthsNotice } from "@/components/entry/returned-months-notice";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import type { Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { byShortfallFirst, periodChoices } from "@/lib/scorecard";
import { unitLabel } from "@/lib/units";

export const generateMetadata = pageTitle("nav.dashboard");

/** The leader's home: every indicator's attainment for a period, shortfalls first. */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; period?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const scope = await resolveProvince(user, params.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const [t, locale, { latest, period, indicators, rows }] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    cachedDashboard(getDb(), province, params.period),
  ]);
  const byCode = new Map(indicators.map((i, order) => [i.code, { ...i, order }]));
  const cards = byShortfallFirst(
    rows.flatMap((row) => {
      const indicator = byCode.get(row.indicator);
      return indicator ? [{ row, indicator, status: row.status, order: indicator.order }] : [];
    }),
  );
  const parsed = period ? parsePeriod(period) : null;
  const name = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  const detailHref = (code: string) =>
    `/indicators/${encodeURIComponent(code)}?province=${province.id}&period=${period}`;

  return (
    <section className="space-y-4">
      <ReturnedMonthsNotice user={user} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("dashboard.scorecardTitle")}</h1>
          <p className="text-slate-600">
            <span data-testid="dashboard-province">{name(province)}</span>
            {parsed && (
              <>
                {" · "}
                <span data-testid="dashboard-period">{periodLabel(parsed, locale)}</span>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {latest && period && (
            <PeriodPicker
              choices={periodChoices(latest, 4)}
              selected={period}
              locale={locale}
              hidden={{ province: province.id }}
            />
          )}
          <ProvincePicker options={scope.options} selected={province.id} />
        </div>
      </div>
      {cards.length === 0 && <p className="text-slate-600">{t("dashboard.noFigures")}</p>}

      {/* Phones: one card per indicator. */}
      <ul className="space-y-2 md:hidden" data-testid="scorecard-cards">
        {cards.map(({ row, indicator }) => {
          const text = attainmentText(row, indicator, locale);
          return (
            <li
              key={row.indicator}
              className="rounded border border-slate-200 bg-white p-3"
              data-indicator={row.indicator}
            >
              <div className="flex items-start justify-between gap-2">
                <Link href={detailHref(row.indicator)} className="font-medium hover:underline">
                  {name(indicator)}
                </Link>
                <StatusBadge status={row.status} />
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("dashboard.actual")}</dt>
                <dd className="num text-right">
                  {text.actual} {indicator.kind === "index" ? "" : unitLabel(indicator.unit, locale)}
                  {row.vintage === "estimate" && (
                    <span className="text-xs text-slate-500"> ({t("dashboard.estimate")})</span>
                  )}
                </dd>
                <dt className="text-slate-600">{t("dashboard.vsSamePeriod")}</dt>
                <dd className="num text-right">{text.growth}</dd>
                <dt className="text-slate-600">{t("dashboard.target")}</dt>
                <dd className="num text-right">{text.target}</dd>
                <dt className="text-slate-600">{t("dashboard.attainment")}</dt>
                <dd className="num text-right">{text.pctOfPlan ?? text.gap ?? "—"}</dd>
              </dl>
            </li>
          );
        })}
      </ul>

      {/* Wider screens: the scorecard as a table. */}
      <div className="hidden overflow-x-auto rounded border border-slate-200 bg-white md:block">
        <table className="w-full text-sm" data-testid="scorecard">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">{t("dashboard.indicator")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.actual")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.yearToDate")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.vsSamePeriod")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.target")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.attainment")}</th>
              <th className="px-3 py-2">{t("dashboard.status")}</th>
            </tr>
          </thead>
          <tbody>
            {cards.map(({ row, indicator }) => {
              const text = attainmentText(row, indicator, locale);
              return (
                <tr key={row.indicator} className="border-t border-slate-100" data-indicator={row.indicator}>
                  <td className="px-3 py-2">
                    <Link href={detailHref(row.indicator)} className="hover:underline">
                      {name(indicator)}
                    </Link>
                    <span className="ml-1 text-xs text-slate-500">
                      ({indicator.kind === "index" ? "%" : unitLabel(indicator.unit, locale)})
                    </span>
                  </td>
                  <td className="num px-3 py-2 text-right" data-testid="actual">
                    {text.actual}
                    {row.vintage === "estimate" && (
                      <span className="ml-1 text-xs text-slate-500">({t("dashboard.estimate")})</span>
                    )}
                    {row.approximate && (
                      <span className="ml-1 text-xs text-amber-700">({t("dashboard.approximate")})</span>
                    )}
                  </td>
                  <td className="num px-3 py-2 text-right">{text.yearToDate}</td>
                  <td
                    className="num px-3 py-2 text-right"
                    data-testid="vs-same-period"
                    title={row.notes.join(" ")}
                  >
                    {text.growth}
                    {row.pctOfSamePeriod !== null && (
                      <span className="block text-xs text-slate-500">
                        {t("dashboard.sameAs", { value: text.pctOfSamePeriod })}
                      </span>
                    )}
                  </td>
                  <td className="num px-3 py-2 text-right">{text.target}</td>
                  <td className="num px-3 py-2 text-right" data-testid="attainment">
                    {text.pctOfPlan && t("dashboard.ofPlan", { value: text.pctOfPlan })}
                    {text.pctOfPlan && text.gap && <br />}
                    {text.gap}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={row.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
