import type { AttainmentRow } from "@/lib/attainment";
import {
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedPercent,
  type Locale,
  MISSING,
} from "@/lib/format";

type IndicatorLike = { kind: string; decimals: number; unit: string };

/** How the scorecard and the detail page write an attainment row's numbers, the Vietnamese way. */
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
    actual: indicator.kind === "index" ? formatNumber(row.actual, 2, locale) : amount(row.actual),
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
