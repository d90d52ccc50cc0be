import { getLocale, getTranslations } from "next-intl/server";
import { cachedLatestFigureMonth, cachedNationalAttainment } from "@/app/_server/attainment-cache";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { attainmentText } from "@/components/dashboard/attainment-text";
import { type NationalColumn, type NationalRow, NationalTable } from "@/components/national/national-table";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listIndicators, listProvinces } from "@/db/queries/reference";
import { STATUS_ORDER } from "@/lib/attainment";
import type { Locale } from "@/lib/format";
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
  searchParams: Promise<{ indicator?: string; period?: string; sort?: string; dir?: string }>;
}) {
  const user = await requirePageUser();
  if (!can({ id: user.id, role: user.role, provinceId: user.provinceId }, "read_national"))
    return <NotAllowed />;
  const query = await searchParams;
  const db = getDb();
  const [t, locale, indicators, provinces, latest] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listIndicators(db),
    listProvinces(db),
    cachedLatestFigureMonth(db),
  ]);
  const indicator = indicators.find((i) => i.code === query.indicator) ?? indicators[0];
  const period = query.period && parsePeriod(query.period) ? query.period : (latest ?? "2024");
  const sort: Sort = SORTS.includes(query.sort as Sort) ? (query.sort as Sort) : "growth";
  const descending = query.dir !== "asc";
  const rows = await cachedNationalAttainment(db, indicator, period);
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
  const href = (s: Sort) =>
    `/national?indicator=${indicator.code}&period=${period}&sort=${s}&dir=${sort === s && descending ? "asc" : "desc"}`;
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
    };
  });

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("national.title")}</h1>
      <form method="get" className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="indicator">{t("national.indicator")}</label>
        <select
          id="indicator"
          name="indicator"
          defaultValue={indicator.code}
          className="max-w-80 rounded border border-slate-300 bg-white px-2 py-1"
        >
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {locale === "en" ? i.nameEn : i.nameVi}
            </option>
          ))}
        </select>
        <label htmlFor="period">{t("dashboard.period")}</label>
        <select
          id="period"
          name="period"
          defaultValue={period}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          {(latest ? periodChoices(latest, 5) : [period]).map((k) => (
            <option key={k} value={k}>
              {periodLabel(parsePeriod(k) as NonNullable<ReturnType<typeof parsePeriod>>, locale)}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
          {t("dashboard.show")}
        </button>
      </form>
      {sorted.length === 0 ? (
        <p className="text-slate-600">{t("national.empty")}</p>
      ) : (
        <NationalTable
          rows={tableRows}
          columns={columns}
          formerLabel={t("national.former")}
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
