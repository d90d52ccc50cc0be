/**
 * The monthly sheet: which inputs an indicator has in a given month, by its kind and frequency
 * (domain.md §2–§3), and the figures derived from what was typed. Pure.
 */
import { lastMonthOf, monthKey, parsePeriod } from "./periods";

export type Kind = "flow" | "index" | "stock" | "count" | "rate";
export type Measure = "value" | "level" | "yoy_pct" | "mom_pct";
export type SheetIndicator = { code: string; kind: Kind; frequency: string };

/** The sheet's input columns: the month's figure, the cumulative since January, growth on last month, a fixed-base level. */
export const FIELD_KEYS = ["month", "cumulative", "mom", "level"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export type SheetField = { key: FieldKey; period: string; measure: Measure; percent: boolean };

const ROMAN_QUARTER = (month: number) => Math.ceil(month / 3);

/** The inputs of an indicator on the sheet of `month` (`2024-02`); none when it is not reported that month. */
export function sheetFields(indicator: SheetIndicator, month: string): SheetField[] {
  const period = parsePeriod(month);
  if (period?.kind !== "month") return [];
  const { year, month: m } = period;
  const ytd = `${year}-YTD${String(m).padStart(2, "0")}`;
  if (indicator.frequency === "quarter") {
    if (m % 3 !== 0) return [];
    const q = `${year}-Q${ROMAN_QUARTER(m)}`;
    return [
      {
        key: "month",
        period: q,
        measure: indicator.kind === "rate" ? "yoy_pct" : "value",
        percent: indicator.kind === "rate",
      },
    ];
  }
  if (indicator.frequency === "year") {
    if (m !== 12) return [];
    return [{ key: "month", period: String(year), measure: "value", percent: indicator.kind === "rate" }];
  }
  switch (indicator.kind) {
    case "flow":
    case "count":
      return [
        { key: "month", period: month, measure: "value", percent: false },
        { key: "cumulative", period: ytd, measure: "value", percent: false },
      ];
    case "index":
      return [
        { key: "month", period: month, measure: "yoy_pct", percent: true },
        { key: "cumulative", period: ytd, measure: "yoy_pct", percent: true },
        { key: "mom", period: month, measure: "mom_pct", percent: true },
        { key: "level", period: month, measure: "level", percent: false },
      ];
    case "stock":
      return [{ key: "month", period: month, measure: "value", percent: false }];
    case "rate":
      return [{ key: "month", period: month, measure: "value", percent: true }];
  }
}

/** The periods a month's sheet writes: the month, its cumulative, its quarter and its year. */
export function periodsOfMonth(month: string): string[] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return [month, `${year}-YTD${month.slice(5, 7)}`, `${year}-Q${Math.ceil(m / 3)}`, String(year)];
}

/** The sheet's month for any figure period: the month it ends in (`2024-Q1` → `2024-03`). */
export function sheetMonthOf(periodKey: string): string | null {
  const period = parsePeriod(periodKey);
  return period ? monthKey(period.year, lastMonthOf(period)) : null;
}

export type FlowValues = { month: number | null; cumulative: number | null };

/**
 * For a flow or count, the month and the cumulative are two views of one figure: given either
 * (and the cumulative up to last month), the other follows. Entered values are never replaced.
 */
export function deriveFlow(entered: FlowValues, previousCumulative: number | null): FlowValues {
  const { month, cumulative } = entered;
  if (month !== null && cumulative !== null) return entered;
  if (previousCumulative === null) return entered;
  if (month !== null) return { month, cumulative: roundTo(previousCumulative + month, 6) };
  if (cumulative !== null) return { month: roundTo(cumulative - previousCumulative, 6), cumulative };
  return entered;
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
