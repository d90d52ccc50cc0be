/**
 * The overview's "latest figure" of an indicator: the measure reported for the most recent period,
 * preferring what reports lead with — growth on the same period for an index, the amount otherwise.
 */
export type IndicatorKind = "flow" | "index" | "stock" | "count" | "rate";
export type Measure = "value" | "level" | "yoy_pct" | "mom_pct";
export type Candidate = { indicator: string; measure: Measure; period: string; endMonth: string };

const PREFERENCE: Record<"index" | "other", Measure[]> = {
  index: ["yoy_pct", "level", "mom_pct", "value"],
  other: ["value", "yoy_pct", "level", "mom_pct"],
};

export function pickLatest<C extends Candidate>(kind: IndicatorKind, candidates: C[]): C | null {
  const order = PREFERENCE[kind === "index" ? "index" : "other"];
  let best: C | null = null;
  for (const c of candidates) {
    if (
      !best ||
      c.endMonth > best.endMonth ||
      (c.endMonth === best.endMonth && order.indexOf(c.measure) < order.indexOf(best.measure))
    ) {
      best = c;
    }
  }
  return best;
}
