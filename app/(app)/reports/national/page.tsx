import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { nationalSummary } from "@/app/_server/reports";
import { requirePageUser } from "@/app/_server/session";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { DownloadButton } from "@/components/reports/download-button";
import { NotAllowed } from "@/components/ui/not-allowed";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { latestFigureMonth } from "@/db/queries/months";
import { formatDate, formatNumber, type Locale, MISSING } from "@/lib/format";
import { can } from "@/lib/permissions";
import { documentNumber, reportChoices, reportPeriods } from "@/lib/report-periods";

export const metadata: Metadata = { title: "Báo cáo toàn quốc" };

/** National viewers: every unit's headline figures for a period and where its report stands. */
export default async function NationalReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ period?: string }>;
}) {
  const user = await requirePageUser();
  if (!can({ id: user.id, role: user.role, provinceId: user.provinceId }, "read_national"))
    return <NotAllowed />;
  const params = await searchParams;
  const db = getDb();
  const [t, locale, latest] = await Promise.all([
    getTranslations("reports"),
    getLocale() as Promise<Locale>,
    latestFigureMonth(db),
  ]);
  const period = params.period && reportPeriods(params.period) ? params.period : latest;
  if (!period) return <p className="text-slate-600">{t("noFigures")}</p>;
  const summary = await nationalSummary(db, period);
  const columns = summary.provinces[0]?.indicators ?? [];
  const pct = (v: number | null) => (v === null ? MISSING : formatNumber(v, 2, locale));
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("nationalTitle")}</h1>
          <p className="text-sm text-slate-600">{t("nationalHelp")}</p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <PeriodPicker choices={reportChoices(latest ?? period, 4)} selected={period} locale={locale} />
          <DownloadButton
            href={`/api/v1/reports/${period}.xlsx`}
            label={t("nationalXlsx")}
            testId="download-national"
          />
        </div>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="national-reports">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">{t("unit")}</th>
              {columns.map((c) => (
                <th key={c.indicator} className="px-3 py-2 text-right">
                  {locale === "en" ? c.nameEn : c.name} ({c.unit})
                  <span className="block text-xs font-normal text-slate-600">{t("nationalColumns")}</span>
                </th>
              ))}
              <th className="px-3 py-2">{t("report")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.provinces.map((p) => (
              <tr key={p.id} className="border-t border-slate-100" data-province={p.id}>
                <td className="px-3 py-2">
                  <Link href={`/reports?province=${p.id}&period=${period}`} className="hover:underline">
                    {locale === "en" ? p.nameEn : p.name}
                  </Link>
                </td>
                {p.indicators.map((i) => (
                  <td key={i.indicator} className="num px-3 py-2 text-right">
                    {i.actual === null ? "" : `${formatNumber(i.actual, i.decimals, locale)} · `}
                    {pct(i.pctOfSamePeriod)}
                    {i.pctOfPlan !== null && <span className="text-slate-600"> · {pct(i.pctOfPlan)}</span>}
                    {i.status && (
                      <span className="ml-1 inline-block align-middle">
                        <StatusBadge status={i.status} />
                      </span>
                    )}
                  </td>
                ))}
                <td className="px-3 py-2" data-testid="report-standing">
                  {!p.report
                    ? t("standing.none")
                    : p.report.issued && p.report.number !== null && p.report.symbol && p.report.date
                      ? t("standing.issued", {
                          number: documentNumber(p.report.number, p.report.symbol).slice(4),
                          date: formatDate(p.report.date, locale),
                        })
                      : t("standing.draft", { version: p.report.version })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
