/**
 * Amounts of a flow over any run of months, from whatever mix of month, quarter, cumulative
 * (YTD) and annual figures was entered (domain.md §3: "the form must accept either the month or
 * the cumulative and derive the other").
 *
 * Within one year, write S(m) for the cumulative after month m (S(0) = 0). Every figure states
 * S(to) − S(from − 1): a month m links m−1 and m, "2024-Q2" links 3 and 6, "2024-YTD06" links 0 and
 * 6, "2024" links 0 and 12. The amount of months a..b is S(b) − S(a − 1), known exactly when the
 * two points are connected; it is then the signed sum along a path (June = YTD06 − YTD05, a quarter
 * = YTD06 − YTD03, a year = the sum of its quarters). With consistent figures every path gives the
 * same amount; when they disagree the path with the fewest figures wins (then the most final
 * vintages), so a single cumulative beats a long chain of months whose errors add up.
 * Pure functions, no I/O.
 */
import type { Vintage } from "./figure-types";
import { lastMonthOf, type Period, parsePeriod, periodMonths } from "./periods";

export type AmountFigure = { period: string; value: number; vintage: Vintage };

/** The months a period covers, as a year and a closed range of months. */
export type Span = { year: number; from: number; to: number };

export function spanOf(p: Period): Span {
  const to = lastMonthOf(p);
  return { year: p.year, from: to - periodMonths(p).length + 1, to };
}

/** Ties between paths with as many figures go to the more final vintages; never outweighs one figure. */
const VINTAGE_COST: Record<Vintage, number> = { estimate: 0.02, preliminary: 0.01, official: 0 };

type Edge<F> = { a: number; b: number; figure: F };

export type SpanSum<F> = { value: number; used: F[] };

export class MonthSums<F extends AmountFigure> {
  private readonly edges = new Map<number, Edge<F>[]>();

  constructor(figures: readonly F[]) {
    for (const figure of figures) {
      const p = parsePeriod(figure.period);
      if (!p || !Number.isFinite(figure.value)) continue;
      const { year, from, to } = spanOf(p);
      const list = this.edges.get(year) ?? [];
      list.push({ a: from - 1, b: to, figure });
      this.edges.set(year, list);
    }
  }

  /** Σ of months from..to of `year`, or null when the figures do not determine it. */
  sum(year: number, from: number, to: number): SpanSum<F> | null {
    const edges = this.edges.get(year);
    if (!edges || from < 1 || to > 12 || from > to) return null;
    return shortestPath(edges, from - 1, to);
  }

  month(year: number, month: number): SpanSum<F> | null {
    return this.sum(year, month, month);
  }
}

/** Dijkstra over the 13 points 0..12; walking an edge backwards subtracts its amount. */
function shortestPath<F extends AmountFigure>(
  edges: Edge<F>[],
  start: number,
  goal: number,
): SpanSum<F> | null {
  const cost = new Array<number>(13).fill(Number.POSITIVE_INFINITY);
  const via = new Array<{ from: number; edge: Edge<F> } | null>(13).fill(null);
  const done = new Array<boolean>(13).fill(false);
  cost[start] = 0;
  for (;;) {
    let node = -1;
    for (let i = 0; i <= 12; i++)
      if (!done[i] && cost[i] < Number.POSITIVE_INFINITY && (node < 0 || cost[i] < cost[node])) node = i;
    if (node < 0) return null;
    if (node === goal) break;
    done[node] = true;
    for (const edge of edges) {
      const next = edge.a === node ? edge.b : edge.b === node ? edge.a : -1;
      if (next < 0 || done[next]) continue;
      const c = cost[node] + 1 + VINTAGE_COST[edge.figure.vintage];
      if (c < cost[next]) {
        cost[next] = c;
        via[next] = { from: node, edge };
      }
    }
  }
  let value = 0;
  const used: F[] = [];
  for (let node = goal; node !== start; ) {
    const step = via[node];
    if (!step) return null;
    value += step.edge.b === node ? step.edge.figure.value : -step.edge.figure.value;
    used.push(step.edge.figure);
    node = step.from;
  }
  return { value, used: used.reverse() };
}
