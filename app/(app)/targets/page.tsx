import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listIndicators } from "@/db/queries/reference";
import { listTargets } from "@/db/queries/targets";
import { formatNumber, type Locale } from "@/lib/format";

export const metadata: Metadata = { title: "Chỉ tiêu" };

/** Read-only for now: editing targets, versions and scenarios come with the targets issue. */
export default async function TargetsPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string }>;
}) {
  const user = await requirePageUser();
  const scope = await resolveProvince(user, (await searchParams).province);
  if (!scope.allowed) return <NotAllowed />;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const db = getDb();
  const [rows, indicatorRows] = await Promise.all([listTargets(db, scope.province.id), listIndicators(db)]);
  const byCode = new Map(indicatorRows.map((i) => [i.code, i]));

  return (
    <section>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("targets.title")}</h1>
          <p className="text-slate-600">{locale === "en" ? scope.province.nameEn : scope.province.nameVi}</p>
        </div>
        <ProvincePicker options={scope.options} selected={scope.province.id} />
      </div>
      <p className="mb-4 text-sm text-amber-900">{t("common.notBuilt")}</p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("targets.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="targets">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-2">{t("targets.year")}</th>
                <th className="px-3 py-2">{t("dashboard.indicator")}</th>
                <th className="px-3 py-2">{t("targets.basis")}</th>
                <th className="px-3 py-2 text-right">{t("targets.value")}</th>
                <th className="px-3 py-2">{t("targets.document")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const indicator = byCode.get(r.indicator);
                const decimals = r.basis === "growth" ? 2 : (indicator?.decimals ?? 2);
                const unit = r.basis === "growth" ? "%" : (indicator?.unit ?? "");
                const amount =
                  r.valueMax !== null
                    ? `${formatNumber(r.value, decimals, locale)}–${formatNumber(r.valueMax, decimals, locale)}`
                    : formatNumber(r.value, decimals, locale);
                const bound =
                  r.bound === "at_least"
                    ? `${t("targets.atLeast")} `
                    : r.bound === "at_most"
                      ? `${t("targets.atMost")} `
                      : "";
                const sign = r.basis === "growth" ? "+" : "";
                return (
                  <tr key={`${r.indicator}-${r.year}-${r.quarter}`} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      {r.year}
                      {r.quarter ? ` · ${t("targets.quarter")} ${r.quarter}` : ""}
                    </td>
                    <td className="px-3 py-2">
                      {indicator ? (locale === "en" ? indicator.nameEn : indicator.nameVi) : r.indicator}
                    </td>
                    <td className="px-3 py-2">{t(`targets.${r.basis}`)}</td>
                    <td className="num px-3 py-2 text-right">
                      {bound}
                      {sign}
                      {amount} {unit}
                    </td>
                    <td className="px-3 py-2 text-slate-600">{r.document}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
