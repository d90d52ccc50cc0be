import type { AttainmentRow } from "@/lib/attainment";
import {
  formatFigure,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedPercent,
  type Locale,
  MISSING,
} from "@/lib/format";

type IndicatorLike = { kind: string; decimals: number; unit: string };

/**
 * How the scorecard, the detail page and the national comparison write an attainment row's
 * numbers, the Vietnamese way. An index's "actual" is its growth on the same period with its sign
 * ("+3,22%", as the reports say it), not the index 103,22 the engine computes with; the index form
 * appears only as `pctOfSamePeriod`, which the pages label "bằng …".
 */
export function attainmentText(row: AttainmentRow, indicator: IndicatorLike, locale: Locale) {
  const amount = (v: number | null) =>
    formatNumber(v, indicator.kind === "index" ? 2 : indicator.decimals, locale);
  const target = row.target;
  let targetText = MISSING;
  if (target) {
    const bound =
      target.bound === "at_least"
        ? locale === "en"
          ? "≥ "
          : "trên "
        : target.bound === "at_most"
          ? "≤ "
          : "";
    if (target.basis === "growth") targetText = `${bound}${formatSignedPercent(target.value, 2, locale)}`;
    else if (target.valueMax !== null) targetText = `${amount(target.value)}–${amount(target.valueMax)}`;
    else targetText = `${bound}${amount(target.value)}`;
    if (target.quarter)
      targetText += locale === "en" ? ` (Q${target.quarter} scenario)` : ` (kịch bản quý ${target.quarter})`;
  }
  return {
    actual:
      indicator.kind === "index"
        ? formatFigure(row.growthPct, indicator, "yoy_pct", locale)
        : formatFigure(row.actual, indicator, "value", locale),
    yearToDate: row.yearToDate === null ? MISSING : amount(row.yearToDate),
    growth: formatSignedPercent(row.growthPct, 2, locale),
    pctOfSamePeriod: formatPercent(row.pctOfSamePeriod, 2, locale),
    target: targetText,
    pctOfPlan: row.pctOfPlan === null ? null : formatPercent(row.pctOfPlan, 2, locale),
    gap: row.gapPp === null ? null : formatPoints(row.gapPp, 2, locale),
    required: row.requiredPerRemainingMonth === null ? null : amount(row.requiredPerRemainingMonth),
    requiredGrowth:
      row.requiredGrowthPct === null ? null : formatSignedPercent(row.requiredGrowthPct, 2, locale),
    projection: row.projection === null ? null : amount(row.projection),
  };
}
