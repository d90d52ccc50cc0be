import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { ProvincePicker } from "@/components/shell/province-picker";
import { getDb } from "@/db";
import { latestFigures } from "@/db/queries/figures";
import { listIndicators } from "@/db/queries/reference";
import { formatNumber, formatSignedPercent, type Locale } from "@/lib/format";
import { pickLatest } from "@/lib/latest";
import { parsePeriod, periodLabel } from "@/lib/periods";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string }>;
}) {
  const user = await requirePageUser();
  const scope = await resolveProvince(user, (await searchParams).province);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  if (!scope.allowed) {
    return (
      <p className="rounded border border-red-300 bg-red-50 p-4 text-red-900" data-testid="not-allowed">
        {t("common.notAllowed")}
      </p>
    );
  }
  const { province } = scope;
  const db = getDb();
  const [indicatorRows, latest] = await Promise.all([listIndicators(db), latestFigures(db, province.id)]);
  const rows = indicatorRows.map((indicator) => ({
    indicator,
    figure: pickLatest(
      indicator.kind,
      latest.filter((f) => f.indicator === indicator.code),
    ),
  }));
  const hasAny = rows.some((r) => r.figure);

  return (
    <section>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
          <p className="text-slate-600">
            <span data-testid="dashboard-province">
              {locale === "en" ? province.nameEn : province.nameVi}
            </span>
            {" · "}
            {t("dashboard.subtitle")}
          </p>
        </div>
        <ProvincePicker options={scope.options} selected={province.id} />
      </div>
      {!hasAny && <p className="mb-4 text-slate-600">{t("dashboard.empty")}</p>}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="latest-figures">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">{t("dashboard.indicator")}</th>
              <th className="px-3 py-2">{t("dashboard.unit")}</th>
              <th className="px-3 py-2">{t("dashboard.period")}</th>
              <th className="px-3 py-2 text-right">{t("dashboard.latest")}</th>
              <th className="px-3 py-2">{t("dashboard.vintage")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ indicator, figure }) => {
              const period = figure ? parsePeriod(figure.period) : null;
              const shown = !figure
                ? t("common.noData")
                : figure.measure === "yoy_pct" || figure.measure === "mom_pct"
                  ? `${formatSignedPercent(figure.value, 2, locale)} ${t(`measure.${figure.measure}`)}`
                  : formatNumber(figure.value, figure.measure === "level" ? 2 : indicator.decimals, locale);
              return (
                <tr
                  key={indicator.code}
                  className="border-t border-slate-100"
                  data-indicator={indicator.code}
                >
                  <td className={`px-3 py-2 ${indicator.parentCode ? "pl-8 text-slate-700" : "font-medium"}`}>
                    {locale === "en" ? indicator.nameEn : indicator.nameVi}
                  </td>
                  <td className="px-3 py-2 text-slate-600">
                    {figure?.measure.endsWith("_pct") ? "%" : indicator.unit}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{period ? periodLabel(period, locale) : ""}</td>
                  <td
                    className={`num px-3 py-2 text-right ${figure ? "" : "text-slate-400"}`}
                    data-testid="latest-value"
                  >
                    {shown}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{figure ? t(`vintage.${figure.vintage}`) : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
