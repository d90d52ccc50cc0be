import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { todayInVietnam } from "@/app/_server/reports";
import { requirePageUser } from "@/app/_server/session";
import { SettingsForm } from "@/components/reports/settings-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listReportSettings } from "@/db/queries/reports";
import { formatDate, type Locale } from "@/lib/format";
import { can } from "@/lib/permissions";
import { defaultSettings } from "@/lib/report-settings";

export const metadata: Metadata = { title: "Cài đặt báo cáo" };

/**
 * What a province's reports print — supervising and issuing body, place, symbol, signer,
 * addressees and recipients — for the province and each former unit it took over, each valid
 * between two dates. Province admins only.
 */
export default async function ReportSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const scope = await resolveProvince(user, params.province, "edit_report_settings");
  if (!scope.allowed) return <NotAllowed />;
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  // The unit asked for first, then the others the admin may set up (its former units).
  const units = [scope.province, ...scope.options.filter((p) => p.id !== scope.province.id)].filter((p) =>
    can(actor, "edit_report_settings", p),
  );
  const [t, locale, rows] = await Promise.all([
    getTranslations("reports"),
    getLocale() as Promise<Locale>,
    listReportSettings(
      getDb(),
      units.map((u) => u.id),
    ),
  ]);
  const today = todayInVietnam();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("settings.help")}</p>
        <Link
          href={`/reports?province=${scope.province.id}`}
          className="text-sm text-brand-700 hover:underline"
        >
          ← {t("title")}
        </Link>
      </div>
      {units.map((unit) => {
        const mine = rows.filter((r) => r.provinceId === unit.id);
        const name = locale === "en" ? unit.nameEn : unit.nameVi;
        const life = unit.validTo
          ? t("settings.until", { date: formatDate(unit.validTo, locale) })
          : unit.validFrom
            ? t("settings.since", { date: formatDate(unit.validFrom, locale) })
            : "";
        const startOfNew = unit.validTo ? (unit.validFrom ?? "2020-01-01") : (unit.validFrom ?? today);
        return (
          <div key={unit.id} className="space-y-3" data-testid={`settings-unit-${unit.id}`}>
            <h2 className="text-lg font-semibold">
              {name} <span className="text-sm font-normal text-slate-600">{life}</span>
            </h2>
            {mine.length === 0 && <p className="text-sm text-slate-600">{t("settings.usingDefaults")}</p>}
            {mine.map((row) => (
              <SettingsForm
                key={`${row.id}-${row.version}`}
                provinceId={unit.id}
                value={row}
                testId={`settings-${row.id}`}
              />
            ))}
            <details open={mine.length === 0}>
              <summary className="cursor-pointer text-sm text-brand-700">{t("settings.addRange")}</summary>
              <div className="mt-2">
                <SettingsForm
                  provinceId={unit.id}
                  value={{ ...defaultSettings(unit), validFrom: startOfNew, validTo: unit.validTo }}
                  testId={`settings-new-${unit.id}`}
                />
              </div>
            </details>
          </div>
        );
      })}
    </section>
  );
}
