/**
 * Fixed-base levels of an index rebuilt from whatever was entered (domain.md §4): levels
 * themselves, year-on-year rates and month-on-month rates of single months.
 *
 *   L(y,m)   = L(y−1,m) · (1 + yoy(y,m)/100)
 *   L(y,m)   = L(y,m−1) · (1 + mom(y,m)/100)        (January links to December of y−1)
 *   L(y,m)   = level entered on the fixed base
 *
 * Each figure is an edge between two months (or between a month and the fixed base) with a known
 * ratio, usable in both directions. Months connected by edges have known relative levels: last
 * year's month-on-month chain gives its months' relative levels without any absolute level, and
 * this year's year-on-year rates scale them. A ratio of sums (the cumulative index) needs every
 * month involved to be connected, since a common scale factor then cancels. This is the fixed
 * point of applying the three rules repeatedly, found in one breadth-first pass.
 * Pure functions, no I/O.
 */
import type { Vintage } from "./figure-types";
import { monthKey, parsePeriod, previousMonth } from "./periods";

export type RateFigure = { period: string; measure: string; value: number; vintage: Vintage };

/** The fixed base (the year the levels are indexed on); entered levels hang from it. */
const BASE = "base";

type Edge<F> = { from: string; to: string; factor: number; figure: F };
type Node<F> = { component: number; level: number; parent: { node: string; figure: F } | null };

export type LevelRatio<F> = { value: number; used: F[] };

export class IndexLevels<F extends RateFigure> {
  private readonly adjacency = new Map<string, Edge<F>[]>();
  private readonly nodes = new Map<string, Node<F>>();

  constructor(figures: readonly F[]) {
    // Levels first, so that where figures disagree, months hang from the entered levels.
    const order = ["level", "yoy_pct", "mom_pct"];
    const sorted = [...figures].sort((a, b) => order.indexOf(a.measure) - order.indexOf(b.measure));
    for (const figure of sorted) this.addFigure(figure);
    this.resolve();
  }

  private addFigure(figure: F): void {
    const p = parsePeriod(figure.period);
    if (p?.kind !== "month" || !Number.isFinite(figure.value)) return;
    const key = monthKey(p.year, p.month);
    if (figure.measure === "level") {
      // A level of 0 cannot scale anything, and a negative level is a typo.
      if (figure.value > 0) this.addEdge(BASE, key, figure.value, figure);
    } else if (figure.measure === "yoy_pct" || figure.measure === "mom_pct") {
      const factor = 1 + figure.value / 100;
      // A fall of 100% or more leaves no level to divide by (and below −100% is not a rate).
      if (!(factor > 0) || !Number.isFinite(factor)) return;
      const from = figure.measure === "yoy_pct" ? monthKey(p.year - 1, p.month) : previousMonth(key);
      this.addEdge(from, key, factor, figure);
    }
  }

  private addEdge(from: string, to: string, factor: number, figure: F): void {
    const edge = { from, to, factor, figure };
    for (const node of [from, to]) {
      const list = this.adjacency.get(node) ?? [];
      list.push(edge);
      this.adjacency.set(node, list);
    }
  }

  private resolve(): void {
    const starts = [...this.adjacency.keys()].sort((a, b) =>
      a === BASE ? -1 : b === BASE ? 1 : a < b ? -1 : 1,
    );
    let component = 0;
    for (const start of starts) {
      if (this.nodes.has(start)) continue;
      component++;
      this.nodes.set(start, { component, level: 1, parent: null });
      const queue = [start];
      for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        const here = this.nodes.get(node);
        if (!here) continue;
        for (const edge of this.adjacency.get(node) ?? []) {
          const forward = edge.from === node;
          const next = forward ? edge.to : edge.from;
          if (this.nodes.has(next)) continue;
          const level = forward ? here.level * edge.factor : here.level / edge.factor;
          this.nodes.set(next, { component, level, parent: { node, figure: edge.figure } });
          queue.push(next);
        }
      }
    }
  }

  /** Whether every month has a level on one common scale. */
  connected(months: readonly string[]): boolean {
    const components = new Set(months.map((m) => this.nodes.get(m)?.component));
    return months.length > 0 && components.size === 1 && !components.has(undefined);
  }

  /** Σ L(numerator) / Σ L(denominator), or null when the months are not all on one scale. */
  ratio(numerator: readonly string[], denominator: readonly string[]): LevelRatio<F> | null {
    if (numerator.length === 0 || !this.connected([...numerator, ...denominator])) return null;
    const sum = (months: readonly string[]) =>
      months.reduce((s, m) => s + (this.nodes.get(m)?.level ?? 0), 0);
    const top = sum(numerator);
    const bottom = sum(denominator);
    const value = top / bottom;
    if (!(bottom > 0) || !Number.isFinite(value)) return null;
    return { value, used: this.figuresBehind([...numerator, ...denominator]) };
  }

  /** The figures on the paths that gave these months their levels. */
  private figuresBehind(months: readonly string[]): F[] {
    const used = new Set<F>();
    for (const month of months) {
      for (let node = this.nodes.get(month); node?.parent; node = this.nodes.get(node.parent.node)) {
        used.add(node.parent.figure);
      }
    }
    return [...used];
  }
}
