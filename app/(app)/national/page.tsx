import { getLocale, getTranslations } from "next-intl/server";
import { provinceFigures } from "@/app/_server/attainment";
import {
  cachedIndicators,
  cachedLatestApprovedMonth,
  cachedLatestFigureMonth,
  cachedNationalAttainment,
  cachedProvinces,
} from "@/app/_server/attainment-cache";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { attainmentText } from "@/components/dashboard/attainment-text";
import { PartialPeriodNote } from "@/components/dashboard/partial-period-note";
import { PeriodPicker } from "@/components/dashboard/period-picker";
import { markTable, rowMarkTexts } from "@/components/dashboard/row-mark-texts";
import { ProvisionalNotice } from "@/components/dashboard/row-marks";
import { type NationalColumn, type NationalRow, NationalTable } from "@/components/national/national-table";
import { CompactSelect } from "@/components/ui/compact-select";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { getAttainmentData } from "@/db/queries/attainment";
import { STATUS_ORDER } from "@/lib/attainment";
import type { Locale } from "@/lib/format";
import { defaultComparisonPeriod } from "@/lib/landing";
import { attainmentSoFarAsync, indexOverMonths, periodCoverage } from "@/lib/partial-period";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { periodChoices } from "@/lib/scorecard";

export const generateMetadata = pageTitle("nav.national");

const SORTS = ["province", "value", "growth", "plan", "status"] as const;
type Sort = (typeof SORTS)[number];

/** One indicator and period across every province with figures: read-only, for national viewers. */
export default async function NationalPage({
  searchParams,
}: {
  searchParams: Promise<{
    indicator?: string;
    period?: string;
    sort?: string;
    dir?: string;
    approved?: string;
  }>;
}) {
  const user = await requirePageUser();
  if (!can({ id: user.id, role: user.role, provinceId: user.provinceId }, "read_national"))
    return <NotAllowed />;
  const query = await searchParams;
  const db = getDb();
  const [t, locale, indicators, provinces, latest, latestApproved] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    cachedIndicators(db),
    cachedProvinces(db),
    cachedLatestFigureMonth(db),
    cachedLatestApprovedMonth(db),
  ]);
  const indicator = indicators.find((i) => i.code === query.indicator) ?? indicators[0];
  // Opens on final figures: the latest month some province has approved (lib/landing.ts).
  const period =
    query.period && parsePeriod(query.period)
      ? query.period
      : (defaultComparisonPeriod(latestApproved, latest) ?? "2024");
  const sort: Sort = SORTS.includes(query.sort as Sort) ? (query.sort as Sort) : "growth";
  const descending = query.dir !== "asc";
  // A period not yet over: the rows of its months so far (lib/partial-period.ts).
  // An index over a quarter's first two months needs their levels (read only then).
  const twoMonths = indicator.kind === "index" && periodCoverage(period, latest)?.have === 2;
  const levelsData = twoMonths
    ? await getAttainmentData(db, { indicator: indicator.code, year: parsePeriod(period)?.year as number })
    : null;
  const { rows: allRows, coverage } = await attainmentSoFarAsync(
    period,
    latest,
    (k) => cachedNationalAttainment(db, indicator, k),
    () => indicator.kind,
    (row, months) => {
      const province = levelsData?.provinces.find((p) => p.id === row.provinceId);
      return levelsData && province
        ? indexOverMonths(provinceFigures(levelsData, province, indicator), months)
        : null;
    },
  );
  // "?approved=only" hides the provinces whose figures for the period are not all approved.
  const approvedOnly = query.approved === "only";
  const rows = approvedOnly ? allRows.filter((r) => !r.provisional) : allRows;
  const hidden = allRows.length - rows.length;
  const pendingMonths = [...new Set(allRows.flatMap((r) => r.monthsNotApproved))].sort();
  const nameOf = new Map(provinces.map((p) => [p.id, p]));
  const key = (r: (typeof rows)[number]): number | string | null => {
    if (sort === "province") return nameOf.get(r.provinceId)?.nameVi ?? r.provinceId;
    if (sort === "value") return r.actual;
    if (sort === "growth") return r.growthPct;
    if (sort === "plan") return r.pctOfPlan ?? r.gapPp;
    return r.status === null ? null : STATUS_ORDER.indexOf(r.status);
  };
  // Missing values always last, whichever the direction.
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const order = typeof x === "string" ? x.localeCompare(String(y), "vi") : x - (y as number);
    return descending ? -order : order;
  });
  const approvedParam = approvedOnly ? "&approved=only" : "";
  const href = (s: Sort) =>
    `/national?indicator=${indicator.code}&period=${period}&sort=${s}&dir=${sort === s && descending ? "asc" : "desc"}${approvedParam}`;
  const toggleHref = `/national?indicator=${indicator.code}&period=${period}&sort=${sort}&dir=${descending ? "desc" : "asc"}${approvedOnly ? "" : "&approved=only"}`;
  const column = (s: Sort, label: string, right = true): NationalColumn => ({
    key: s,
    label,
    href: href(s),
    sort: sort === s ? (descending ? "descending" : "ascending") : "none",
    right,
  });
  const columns = [
    column("province", t("national.province"), false),
    column("value", t("national.value")),
    column("growth", t("national.growth")),
    column("plan", t("national.plan")),
    column("status", t("national.status"), false),
  ];
  // The rows as plain strings for the client table: sent once, not as HTML and again as a tree.
  const marks = markTable();
  const tableRows: NationalRow[] = sorted.map((r) => {
    const p = nameOf.get(r.provinceId);
    const text = attainmentText(r, indicator, locale);
    return {
      id: r.provinceId,
      name: p ? (locale === "en" ? p.nameEn : p.nameVi) : r.provinceId,
      href: `/indicators/${indicator.code}?province=${r.provinceId}&period=${period}`,
      former: Boolean(p?.validTo),
      actual: text.actual,
      growth: text.growth,
      plan: text.pctOfPlan ?? text.gap ?? "—",
      status: r.status,
      marks: marks.add(rowMarkTexts(r, t, locale)),
    };
  });

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("national.title")}</h1>
      <p className="text-slate-600" data-testid="national-period">
        {locale === "en" ? indicator.nameEn : indicator.nameVi} ·{" "}
        {periodLabel(parsePeriod(period) as NonNullable<ReturnType<typeof parsePeriod>>, locale)}
        {coverage &&
          coverage.have > 0 &&
          ` (${t("dashboard.monthsOf", { have: coverage.have, of: coverage.of })})`}
      </p>
      <PeriodPicker
        choices={latest ? periodChoices(latest, 5) : [period]}
        selected={period}
        locale={locale}
        latestMonth={latest}
        hidden={approvedOnly ? { approved: "only" } : {}}
      >
        <label htmlFor="indicator">{t("national.indicator")}</label>
        <CompactSelect
          id="indicator"
          name="indicator"
          defaultValue={indicator.code}
          className="max-w-80 rounded border border-slate-300 bg-white px-2 py-1"
          options={indicators.map((i) => [i.code, locale === "en" ? i.nameEn : i.nameVi])}
        />
      </PeriodPicker>
      <ProvisionalNotice
        pendingMonths={pendingMonths}
        hidden={hidden}
        approvedOnly={approvedOnly}
        toggleHref={toggleHref}
        hiddenKey="national.hiddenProvisional"
        locale={locale}
      />
      <PartialPeriodNote coverage={coverage} locale={locale} />
      {sorted.length === 0 ? (
        <p className="text-slate-600">{t("national.empty")}</p>
      ) : (
        <NationalTable
          rows={tableRows}
          marks={marks.texts}
          columns={columns}
          formerLabel={t("national.former")}
          notApprovedLabel={t("dashboard.notApproved")}
          statusLabels={{
            met: t("status.met"),
            on_track: t("status.on_track"),
            at_risk: t("status.at_risk"),
            missed: t("status.missed"),
            none: t("status.none"),
          }}
        />
      )}
    </section>
  );
}
