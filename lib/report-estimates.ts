/**
 * The two comparisons of an October or year-end table that are not a period's own attainment:
 * the estimate for the year against last year, and next year's plan against the year. Both are
 * asked of the attainment engine as what it is — a figure for a period compared with the same
 * period a year earlier — so the table does no arithmetic of its own. Pure functions, no I/O.
 */
import {
  type AttainmentInput,
  type AttainmentRow,
  type AttainmentTarget,
  computeAttainment,
  type FigureInput,
} from "./attainment";

type IndicatorInput = AttainmentInput["indicator"];

/**
 * The year at the current pace (the engine's projection) against last year: the engine's row for
 * the year, with the estimate standing in for the year's figure.
 */
export function estimateOnSamePeriod(
  indicator: IndicatorInput,
  year: number,
  figures: FigureInput[],
  estimate: number | null,
): AttainmentRow | null {
  if (estimate === null) return null;
  const key = String(year);
  return computeAttainment({
    indicator,
    period: key,
    figures: [
      ...figures.filter((f) => !(f.period === key && f.measure === "value")),
      { period: key, measure: "value", value: estimate, vintage: "official" },
    ],
    targets: [],
  });
}

/**
 * Next year's plan against this year's figure (its estimate, or the year's result): for an amount,
 * the plan stands as next year's figure; for a growth, the planned growth is next year's rate.
 * A range or a bound has no single figure to compare: null.
 */
export function planOnYear(
  indicator: IndicatorInput,
  year: number,
  plan: AttainmentTarget | null,
  yearFigure: number | null,
): AttainmentRow | null {
  if (!plan || plan.quarter !== null || plan.valueMax !== null || plan.bound !== "exact") return null;
  const next = String(year + 1);
  if (plan.basis === "growth") {
    return computeAttainment({
      indicator,
      period: next,
      figures: [{ period: next, measure: "yoy_pct", value: plan.value, vintage: "official" }],
      targets: [],
    });
  }
  if (yearFigure === null || indicator.kind === "index") return null;
  return computeAttainment({
    indicator,
    period: next,
    figures: [
      { period: String(year), measure: "value", value: yearFigure, vintage: "official" },
      { period: next, measure: "value", value: plan.value, vintage: "official" },
    ],
    targets: [],
  });
}
