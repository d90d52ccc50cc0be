import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ProvinceSelect } from "@/components/shell/province-picker";
import { type CompactOption, CompactSelect } from "@/components/ui/compact-select";
import type { Province } from "@/db/schema";
import type { Locale } from "@/lib/format";
import { periodCoverage } from "@/lib/partial-period";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { periodsByYear } from "@/lib/scorecard";

/**
 * The one period picker of every page that shows a period: a plain GET form (works without
 * JavaScript, and the URL says what is shown) with the periods grouped by year, the unit (and any
 * other choice of the page, as children) in the same form, and one button. A period not yet over
 * says how much of it has figures ("quý IV/2026 · 1/3 tháng").
 */
export async function PeriodPicker({
  choices,
  selected,
  locale,
  hidden = {},
  provinces,
  latestMonth,
  children,
}: {
  choices: string[];
  selected: string;
  locale: Locale;
  hidden?: Record<string, string>;
  /** The unit select, when the person may switch: part of this form, so one button shows both. */
  provinces?: { options: Province[]; selected: string };
  /** The latest month with figures: partial periods are marked with how many months they have. */
  latestMonth?: string | null;
  children?: ReactNode;
}) {
  const t = await getTranslations("dashboard");
  const groups = periodsByYear(choices.includes(selected) ? choices : [selected, ...choices]);
  const label = (key: string) => {
    const p = parsePeriod(key);
    if (!p) return key;
    const coverage = periodCoverage(key, latestMonth ?? null);
    return coverage && coverage.have > 0
      ? `${periodLabel(p, locale)} (${t("monthsOf", { have: coverage.have, of: coverage.of })})`
      : periodLabel(p, locale);
  };
  return (
    <form method="get" className="flex flex-wrap items-center gap-2 text-sm" data-testid="period-picker">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {provinces && provinces.options.length > 1 && (
        <ProvinceSelect options={provinces.options} selected={provinces.selected} />
      )}
      {provinces && provinces.options.length <= 1 && (
        <input type="hidden" name="province" value={provinces.selected} />
      )}
      <label htmlFor="period">{t("period")}</label>
      <CompactSelect
        id="period"
        name="period"
        defaultValue={selected}
        className="max-w-60 rounded border border-slate-300 bg-white px-2 py-1"
        groups={groups.map((g) => ({
          label: t("yearGroup", { year: String(g.year) }),
          options: g.periods.map((key): CompactOption => [key, label(key)]),
        }))}
      />
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {t("show")}
      </button>
    </form>
  );
}
