import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cachedDashboard } from "@/app/_server/attainment-cache";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { attainmentText } from "@/components/dashboard/attainment-text";
import { PartialPeriodNote } from "@/components/dashboard/partial-period-note";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { markTable, rowMarkTexts } from "@/components/dashboard/row-mark-texts";
import { ProvisionalNotice } from "@/components/dashboard/row-marks";
import { Scorecard, type ScorecardItem, type ScorecardLabels } from "@/components/dashboard/scorecard";
import { ReturnedMonthsNotice } from "@/components/entry/returned-months-notice";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { WhatsNew } from "@/components/whats-new/whats-new";
import { getDb } from "@/db";
import { definedOnly } from "@/lib/defined-only";
import type { Locale } from "@/lib/format";
import { landingPath } from "@/lib/landing";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { byShortfallFirst, periodChoices } from "@/lib/scorecard";
import { unitLabel } from "@/lib/units";

export const generateMetadata = pageTitle("nav.dashboard");

/** The leader's home: every indicator's attainment for a period, shortfalls first. */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; period?: string; approved?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  // Home sends some people elsewhere (lib/landing.ts); a unit or period asked for by name is still shown.
  const landing = landingPath({ id: user.id, role: user.role, provinceId: user.provinceId });
  if (landing && !params.province && !params.period) redirect(landing);
  const scope = await resolveProvince(user, params.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const [t, locale, { latest, period, indicators, rows, coverage }] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    cachedDashboard(getDb(), province, params.period),
  ]);
  const byCode = new Map(indicators.map((i, order) => [i.code, { ...i, order }]));
  // "?approved=only" hides the rows built on months not approved yet.
  const approvedOnly = params.approved === "only";
  const hidden = approvedOnly ? rows.filter((r) => r.provisional) : [];
  const pendingMonths = [...new Set(rows.flatMap((r) => r.monthsNotApproved))].sort();
  const cards = byShortfallFirst(
    rows.flatMap((row) => {
      if (approvedOnly && row.provisional) return [];
      const indicator = byCode.get(row.indicator);
      return indicator ? [{ row, indicator, status: row.status, order: indicator.order }] : [];
    }),
  );
  const parsed = period ? parsePeriod(period) : null;
  const name = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  const toggleHref = `/?province=${province.id}${period ? `&period=${period}` : ""}${approvedOnly ? "" : "&approved=only"}`;
  // The rows as plain strings for the client scorecard: sent once, not as HTML and again as a tree.
  const marks = markTable();
  const items: ScorecardItem[] = cards.map(({ row, indicator }) => {
    const text = attainmentText(row, indicator, locale);
    const unit = indicator.kind === "index" ? t("dashboard.indexUnit") : unitLabel(indicator.unit, locale);
    return definedOnly({
      code: row.indicator,
      name: name(indicator),
      unit: `(${unit})`,
      status: row.status ?? undefined,
      actual: text.actual,
      estimate: row.vintage === "estimate" ? true : undefined,
      approximate: row.approximate ? true : undefined,
      yearToDate: text.yearToDate,
      growth: text.growth,
      sameAs:
        row.pctOfSamePeriod !== null ? t("dashboard.sameAs", { value: text.pctOfSamePeriod }) : undefined,
      target: text.target,
      attainment: [text.pctOfPlan && t("dashboard.ofPlan", { value: text.pctOfPlan }), text.gap].filter(
        (line): line is string => Boolean(line),
      ),
      notes: row.notes.length > 0 ? row.notes.join(" ") : undefined,
      marks: marks.add(rowMarkTexts(row, t, locale)),
    });
  });
  const labels: ScorecardLabels = {
    indicator: t("dashboard.indicator"),
    actual: t("dashboard.actual"),
    yearToDate: t("dashboard.yearToDate"),
    vsSamePeriod: t("dashboard.vsSamePeriod"),
    target: t("dashboard.target"),
    attainment: t("dashboard.attainment"),
    status: t("dashboard.status"),
    estimate: t("dashboard.estimate"),
    approximate: t("dashboard.approximate"),
    notApproved: t("dashboard.notApproved"),
    statuses: {
      met: t("status.met"),
      on_track: t("status.on_track"),
      at_risk: t("status.at_risk"),
      missed: t("status.missed"),
      none: t("status.none"),
    },
  };

  return (
    <section className="space-y-4">
      <ReturnedMonthsNotice user={user} />
      {user.role === "leader" && !params.province && <WhatsNew user={user} />}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("dashboard.scorecardTitle")}</h1>
          <p className="text-slate-600">
            <span data-testid="dashboard-province">{name(province)}</span>
            {parsed && (
              <>
                {" · "}
                <span data-testid="dashboard-period">{periodLabel(parsed, locale)}</span>
                {coverage && coverage.have > 0 && (
                  <span data-testid="dashboard-coverage">
                    {" "}
                    ({t("dashboard.monthsOf", { have: coverage.have, of: coverage.of })})
                  </span>
                )}
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {latest && period ? (
            <PeriodPicker
              choices={periodChoices(latest, 4)}
              selected={period}
              locale={locale}
              hidden={approvedOnly ? { approved: "only" } : {}}
              latestMonth={latest}
              provinces={{ options: scope.options, selected: province.id }}
            />
          ) : (
            <ProvincePicker options={scope.options} selected={province.id} />
          )}
        </div>
      </div>
      <PartialPeriodNote coverage={coverage} locale={locale} />
      <ProvisionalNotice
        pendingMonths={pendingMonths}
        hidden={hidden.length}
        approvedOnly={approvedOnly}
        toggleHref={toggleHref}
        hiddenKey="dashboard.hiddenProvisional"
        locale={locale}
      />
      {cards.length === 0 && hidden.length === 0 && (
        <p className="text-slate-600">{t("dashboard.noFigures")}</p>
      )}

      <Scorecard
        items={items}
        marks={marks.texts}
        labels={labels}
        query={`?province=${province.id}&period=${period}`}
      />
    </section>
  );
}
