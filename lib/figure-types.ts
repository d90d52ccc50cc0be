/**
 * The shapes of figures and targets that the attainment engine and its helpers (month sums, index
 * levels, the merger, series) share. A module of its own so that none of them imports another for
 * a type (issue 8, point 15). Types only, no code.
 */

export type Kind = "flow" | "index" | "stock" | "count" | "rate";
export type Direction = "up" | "down" | "neutral";
export type Measure = "value" | "level" | "yoy_pct" | "mom_pct";
export type Vintage = "estimate" | "preliminary" | "official";
export type FigureInput = { period: string; measure: Measure; value: number; vintage: Vintage };
export type TargetBasis = "level" | "growth";
export type TargetBound = "exact" | "at_least" | "at_most";
export type TargetInput = {
  basis: TargetBasis;
  value: number;
  valueMax: number | null;
  bound: TargetBound;
  quarter: number | null;
  document?: string | null;
};
