import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { indicatorDetail } from "@/app/_server/indicator-detail";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { attainmentText } from "@/components/dashboard/attainment-text";
import { PartialPeriodNote } from "@/components/dashboard/partial-period-note";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { JudgedOn, ProvisionalMark, SamePeriodReasonText } from "@/components/dashboard/row-marks";
import { LazyIndicatorCharts } from "@/components/indicator/lazy-charts";
import { NotAllowed } from "@/components/ui/not-allowed";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { latestFigureMonth } from "@/db/queries/months";
import { formatFigure, formatNumber, formatSignedPercent, type Locale, MISSING } from "@/lib/format";
import type { MonthPoint } from "@/lib/indicator-series";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { periodChoices } from "@/lib/scorecard";
import { unitLabel } from "@/lib/units";

export const generateMetadata = pageTitle("nav.indicatorDetail");

export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ province?: string; period?: string }>;
}) {
  const user = await requirePageUser();
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const scope = await resolveProvince(user, query.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const db = getDb();
  const latest = await latestFigureMonth(db, province.id);
  const period = query.period && parsePeriod(query.period) ? query.period : latest;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const detail = period
    ? await indicatorDetail(db, province, decodeURIComponent(code), period, latest)
    : null;
  if (!detail || !period) return <p data-testid="not-found">{t("indicatorDetail.notFound")}</p>;
  const { indicator, row, year } = detail;
  const name = locale === "en" ? indicator.nameEn : indicator.nameVi;
  const text = row ? attainmentText(row, indicator, locale) : null;
  const isIndex = indicator.kind === "index";
  const decimals = isIndex ? 2 : indicator.decimals;
  const num = (v: number | null) => formatNumber(v, decimals, locale);
  const monthLabel = (m: number) => (locale === "en" ? String(m) : `T${m}`);
  // Index bars compare each month's growth on the same month of the year before (what reports
  // show, "+3,22%"); a month entered only as a level gets its growth from last year's level.
  const growthOf = (p: MonthPoint, base: MonthPoint | undefined) =>
    p.yoyPct ?? (p.level !== null && base?.level ? (p.level / base.level) * 100 - 100 : null);
  const bars = detail.thisYear.map((p, i) => ({
    month: monthLabel(p.month),
    thisYear: isIndex ? growthOf(p, detail.lastYear[i]) : p.value,
    lastYear: isIndex ? detail.lastYear[i].yoyPct : detail.lastYear[i].value,
  }));
  const lines = detail.path
    ? detail.thisYear.map((p, i) => ({
        month: monthLabel(p.month),
        cumulative: p.cumulative,
        path: detail.path?.[i] ?? null,
      }))
    : null;
  const csvHref = `/api/v1/provinces/${province.id}/indicators/${encodeURIComponent(indicator.code)}/months?year=${year}`;

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link
            href={`/?province=${province.id}&period=${period}`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("indicatorDetail.back")}
          </Link>
          <h1 className="text-2xl font-semibold" data-testid="indicator-name">
            {name}{" "}
            <span className="text-base font-normal text-slate-500">
              ({isIndex ? t("dashboard.indexUnit") : unitLabel(indicator.unit, locale)})
            </span>
          </h1>
          <p className="text-slate-600">
            {locale === "en" ? province.nameEn : province.nameVi} ·{" "}
            {periodLabel(parsePeriod(period) as NonNullable<ReturnType<typeof parsePeriod>>, locale)}
            {detail.coverage && detail.coverage.have > 0 && (
              <span data-testid="detail-coverage">
                {" "}
                ({t("dashboard.monthsOf", { have: detail.coverage.have, of: detail.coverage.of })})
              </span>
            )}
            {row && <ProvisionalMark months={row.monthsNotApproved} locale={locale} />}
          </p>
        </div>
        {latest && (
          <PeriodPicker
            choices={periodChoices(latest, 4)}
            selected={period}
            locale={locale}
            latestMonth={latest}
            hidden={{ province: province.id }}
          />
        )}
      </div>
      <PartialPeriodNote coverage={detail.coverage} locale={locale} />

      {row && text && (
        <dl
          className="grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-4 text-sm md:grid-cols-4"
          data-testid="indicator-summary"
        >
          <div>
            <dt className="text-slate-600">{t("dashboard.actual")}</dt>
            <dd className="num text-lg">{text.actual}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("dashboard.vsSamePeriod")}</dt>
            <dd className="num text-lg">
              {text.growth}
              <SamePeriodReasonText reason={row.samePeriodReason} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("dashboard.attainment")}</dt>
            <dd className="num text-lg">
              {text.pctOfPlan ? t("dashboard.ofPlan", { value: text.pctOfPlan }) : (text.gap ?? MISSING)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("dashboard.status")}</dt>
            <dd data-testid="status">
              <StatusBadge status={row.status} reason={row.statusReason} />
              <JudgedOn period={row.period} judgedOn={row.judgedOn} />
            </dd>
          </div>
        </dl>
      )}

      <LazyIndicatorCharts
        bars={bars}
        lines={lines}
        locale={locale}
        growth={isIndex}
        labels={{
          monthly: isIndex ? t("indicatorDetail.monthlyIndex") : t("indicatorDetail.monthly"),
          cumulative: t("indicatorDetail.cumulative"),
          thisYear: t("indicatorDetail.thisYear", { year }),
          lastYear: t("indicatorDetail.lastYear", { year: year - 1 }),
          path: t("indicatorDetail.path"),
        }}
      />

      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded border border-slate-200 bg-white p-4 text-sm" data-testid="indicator-target">
          <h2 className="mb-2 font-medium">{t("indicatorDetail.target")}</h2>
          {detail.target ? (
            <>
              <p className="num text-lg">{text?.target}</p>
              {detail.target.document && (
                <p className="text-slate-600">
                  {t("indicatorDetail.document")}: {detail.target.document}
                </p>
              )}
            </>
          ) : (
            <p className="text-slate-600">{t("indicatorDetail.noTarget")}</p>
          )}
          {detail.scenarios.length > 0 && (
            <p className="mt-2">
              {t("indicatorDetail.scenarios")}:{" "}
              {detail.scenarios
                .map((s) => `Q${s.quarter} ${formatSignedPercent(s.value, 2, locale)}`)
                .join(" · ")}
            </p>
          )}
        </div>
        {row && (
          <div className="rounded border border-slate-200 bg-white p-4 text-sm" data-testid="indicator-rest">
            <h2 className="mb-2 font-medium">{t("indicatorDetail.rest")}</h2>
            <dl className="grid grid-cols-2 gap-1">
              <dt className="text-slate-600">{t("indicatorDetail.expected")}</dt>
              <dd className="num text-right">
                {row.expectedByNow === null
                  ? MISSING
                  : row.target?.basis === "growth"
                    ? formatSignedPercent(row.expectedByNow, 2, locale)
                    : num(row.expectedByNow)}
              </dd>
              <dt className="text-slate-600">{t("indicatorDetail.requiredPerMonth")}</dt>
              <dd className="num text-right">{text?.required ?? MISSING}</dd>
              <dt className="text-slate-600">{t("indicatorDetail.requiredGrowth")}</dt>
              <dd className="num text-right">{text?.requiredGrowth ?? MISSING}</dd>
              <dt className="text-slate-600">{t("indicatorDetail.projection")}</dt>
              <dd className="num text-right">{text?.projection ?? MISSING}</dd>
            </dl>
            {row.notes.length > 0 && (
              <details className="mt-2 text-xs text-slate-600">
                <summary>{t("indicatorDetail.notes")}</summary>
                <ul className="list-disc pl-4">
                  {row.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>

      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-medium">{t("indicatorDetail.months")}</h2>
          <a
            href={csvHref}
            className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
            download
          >
            {t("indicatorDetail.download")}
          </a>
        </div>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="months-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-2">{t("indicatorDetail.month")}</th>
                <th className="px-3 py-2 text-right">
                  {isIndex ? t("indicatorDetail.yoy") : t("indicatorDetail.value")}
                </th>
                <th className="px-3 py-2 text-right">
                  {isIndex ? t("indicatorDetail.mom") : t("indicatorDetail.cumulativeCol")}
                </th>
                <th className="px-3 py-2 text-right">
                  {isIndex ? t("indicatorDetail.levelColumn") : t("indicatorDetail.sameMonthLastYear")}
                </th>
                <th className="px-3 py-2">{t("indicatorDetail.vintage")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.thisYear.map((p, i) => (
                <tr key={p.month} className="border-t border-slate-100">
                  <td className="px-3 py-1.5">
                    {locale === "en" ? `${p.month}/${year}` : `tháng ${p.month}/${year}`}
                  </td>
                  <td className="num px-3 py-1.5 text-right">
                    {isIndex ? formatFigure(p.yoyPct, indicator, "yoy_pct", locale) : num(p.value)}
                  </td>
                  <td className="num px-3 py-1.5 text-right">
                    {isIndex ? formatFigure(p.momPct, indicator, "mom_pct", locale) : num(p.cumulative)}
                  </td>
                  <td className="num px-3 py-1.5 text-right">
                    {isIndex
                      ? formatFigure(p.level, indicator, "level", locale)
                      : num(detail.lastYear[i].value)}
                  </td>
                  <td className="px-3 py-1.5 text-slate-600">{p.vintage ? t(`vintage.${p.vintage}`) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
