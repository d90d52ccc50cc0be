import "@fontsource/tinos/latin-400.css";
import "@fontsource/tinos/latin-400-italic.css";
import "@fontsource/tinos/latin-700.css";
import "@fontsource/tinos/latin-700-italic.css";
import "@fontsource/tinos/latin-ext-400.css";
import "@fontsource/tinos/latin-ext-700.css";
import "@fontsource/tinos/vietnamese-400.css";
import "@fontsource/tinos/vietnamese-400-italic.css";
import "@fontsource/tinos/vietnamese-700.css";
import "@fontsource/tinos/vietnamese-700-italic.css";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { loadReport, todayInVietnam } from "@/app/_server/reports";
import { requirePageUser } from "@/app/_server/session";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { REPORT_CSS } from "@/components/reports/report-css";
import { ReportWorkspace } from "@/components/reports/report-workspace";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { latestFigureMonth } from "@/db/queries/months";
import { formatDate, formatDateTime, type Locale } from "@/lib/format";
import { shownPeriod } from "@/lib/partial-period";
import { can } from "@/lib/permissions";
import { reportChoices, reportPeriods } from "@/lib/report-periods";

export const metadata: Metadata = { title: "Báo cáo" };

/**
 * The month's report of a province as it will print, for a period the person picks: staff and
 * leaders edit it, leaders issue it, everyone who may read the province downloads it.
 */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; period?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  // National viewers belong to no province: they start from the summary of every unit.
  if (!params.province && !user.provinceId && can(actor, "read_national")) {
    redirect(
      params.period ? `/reports/national?period=${encodeURIComponent(params.period)}` : "/reports/national",
    );
  }
  const scope = await resolveProvince(user, params.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const db = getDb();
  const [t, locale, latest] = await Promise.all([
    getTranslations("reports"),
    getLocale() as Promise<Locale>,
    latestFigureMonth(db, province.id),
  ]);
  // A period after the unit's last figures (a former province) opens on its latest month instead.
  const period = params.period && reportPeriods(params.period) ? shownPeriod(params.period, latest) : latest;
  const national = can(actor, "read_national");
  const header = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600" data-testid="reports-province">
          {locale === "en" ? province.nameEn : province.nameVi}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {period ? (
          <PeriodPicker
            choices={reportChoices(latest ?? period, 4)}
            selected={period}
            locale={locale}
            provinces={{ options: scope.options, selected: province.id }}
          />
        ) : (
          <ProvincePicker options={scope.options} selected={province.id} />
        )}
      </div>
    </div>
  );
  if (!period) {
    return (
      <section className="space-y-4">
        {header}
        <p className="text-slate-600">{t("noFigures")}</p>
      </section>
    );
  }

  const { view, record } = await loadReport(db, province, period);
  const today = todayInVietnam();
  return (
    <section className="space-y-4">
      {/* The report's own stylesheet: the page, the browser's print and the server's PDF share it. */}
      <style>{REPORT_CSS}</style>
      {header}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="report-status">
        {view.issued ? (
          <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">
            {t("issuedStatus", {
              number: view.header.numberLine.replace(/^Số:\s*/, ""),
              date: formatDate(view.issued.date, locale),
              by: view.issued.issuedBy ?? "—",
            })}
          </span>
        ) : (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">
            {view.version === 0 ? t("draftNew") : t("draftVersion", { version: view.version })}
            {record &&
              !record.issuedAt &&
              ` · ${t("lastSaved", { at: formatDateTime(record.updatedAt, locale) })}`}
          </span>
        )}
        {view.notes.length > 0 && !view.issued && (
          <span className="text-amber-800" data-testid="report-provisional">
            {t("notApproved", {
              // "2026-10" → "10/2026", the way months are written (domain.md §8).
              months: view.notes.map((m) => `${Number(m.slice(5, 7))}/${m.slice(0, 4)}`).join(", "),
            })}
          </span>
        )}
        {locale === "en" && <span className="text-slate-600">{t("writtenInVietnamese")}</span>}
        <span className="ml-auto flex gap-3">
          {can(actor, "edit_report_settings", province) && (
            <Link
              href={`/reports/settings?province=${province.id}`}
              className="text-brand-700 hover:underline"
            >
              {t("settingsLink")}
            </Link>
          )}
          {national && (
            <Link href={`/reports/national?period=${period}`} className="text-brand-700 hover:underline">
              {t("nationalLink")}
            </Link>
          )}
        </span>
      </div>
      <ReportWorkspace
        initial={view}
        provinceId={province.id}
        canWrite={can(actor, "write_report", province)}
        canIssue={can(actor, "issue_report", province)}
        today={today}
      />
    </section>
  );
}
