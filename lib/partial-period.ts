/**
 * A period not yet over: a quarter, half, nine months or year of which only the first months have
 * figures. The attainment engine computes a period from all its months, so a quarter with one
 * month of data would show empty; the pages show what it has instead and say how much ("1/3
 * tháng"). Pure: the caller hands in how to compute a period's rows.
 */
import type { AttainmentRow, FigureInput, Vintage } from "./attainment";
import { IndexLevels } from "./index-levels";
import {
  formatPeriodKey,
  lastMonthOf,
  monthKey,
  parsePeriod,
  periodMonths,
  addMonths as shiftMonth,
} from "./periods";

/** How many of a period's months have figures: `have` of `of`, the last of them `through`. */
export type Coverage = { have: number; of: number; through: string | null };

/**
 * The months of `key` up to `latestMonth` (the latest month with figures); null when the period is
 * complete (or not a period). A period that has not begun has `have` 0.
 */
export function periodCoverage(key: string, latestMonth: string | null): Coverage | null {
  const p = parsePeriod(key);
  if (!p || !latestMonth) return null;
  const months = periodMonths(p);
  const have = months.filter((m) => m <= latestMonth).length;
  if (have === months.length) return null;
  return { have, of: months.length, through: have > 0 ? months[have - 1] : null };
}

/**
 * The period a page shows: the one asked for, unless it begins after the unit's latest month with
 * figures (a former province asked for a period after the merger, typically when the unit select
 * and the period select are sent together): then the latest month, as when nothing is asked.
 */
export function shownPeriod(requested: string | null | undefined, latestMonth: string | null): string | null {
  if (!requested || !parsePeriod(requested)) return latestMonth;
  return periodCoverage(requested, latestMonth)?.have === 0 ? latestMonth : requested;
}

/**
 * The periods the engine computes for what a partial period has: the cumulative to its last month
 * for a half, nine months or year (they start in January); for a quarter its first month, or its
 * first two months (their rows are then added up by `addMonths`). Empty when nothing is there.
 */
export function periodsSoFar(key: string, coverage: Coverage): string[] {
  const p = parsePeriod(key);
  if (!p || coverage.have === 0) return [];
  if (p.kind === "ytd" || p.kind === "year")
    return [formatPeriodKey({ kind: "ytd", year: p.year, month: coverage.have })];
  const first = lastMonthOf(p) - periodMonths(p).length + 1;
  return Array.from({ length: coverage.have }, (_, i) => monthKey(p.year, first + i));
}

const VINTAGE_RANK: Record<Vintage, number> = { estimate: 0, preliminary: 1, official: 2 };
const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * An index over some months against the same months last year, ×100, from the levels its figures
 * give (domain.md §4: the ratio of summed levels, never a mean of monthly rates); null when the
 * levels cannot be rebuilt for every month involved.
 */
export function indexOverMonths(figures: readonly FigureInput[], months: string[]): number | null {
  const levels = new IndexLevels(figures.filter((f) => f.measure !== "value"));
  const ratio = levels.ratio(
    months,
    months.map((m) => shiftMonth(m, -12)),
  );
  return ratio ? ratio.value * 100 : null;
}

/**
 * One indicator's row for two consecutive months taken together (a quarter's first two). Flows
 * and counts add up, and growth follows from the sums; a stock is its level at the later month;
 * an index is `index` (its two months' levels against last year's, `indexOverMonths`) when the
 * levels give it, else empty, saying why; a rate stays empty. The plan's judgement — share of
 * plan, gap, expected path, status — is the later month's, which the engine makes on the year to date.
 */
type Approval = { provisional?: boolean; monthsNotApproved?: string[] };

export function addMonths<R extends AttainmentRow>(
  first: R,
  second: R,
  kind: string,
  period: string,
  index: number | null = null,
): R {
  const out: R = { ...second, period, momPct: null, notes: [...new Set([...first.notes, ...second.notes])] };
  out.vintage =
    first.vintage === null || second.vintage === null
      ? (first.vintage ?? second.vintage)
      : VINTAGE_RANK[first.vintage] <= VINTAGE_RANK[second.vintage]
        ? first.vintage
        : second.vintage;
  out.approximate = first.approximate || second.approximate;
  // Rows from the API layer say which months are not approved yet: the two months' together.
  const [a, b, o] = [first, second, out] as (R & Approval)[];
  if (a.monthsNotApproved && b.monthsNotApproved) {
    o.monthsNotApproved = [...new Set([...a.monthsNotApproved, ...b.monthsNotApproved])].sort();
    o.provisional = o.monthsNotApproved.length > 0;
  }
  if (kind === "flow" || kind === "count") {
    out.actual = sum(first.actual, second.actual);
    out.samePeriodLastYear = sum(first.samePeriodLastYear, second.samePeriodLastYear);
    out.pctOfSamePeriod =
      out.actual === null || out.samePeriodLastYear === null || out.samePeriodLastYear === 0
        ? null
        : (out.actual / out.samePeriodLastYear) * 100;
    out.growthPct = out.pctOfSamePeriod === null ? null : out.pctOfSamePeriod - 100;
  } else if (kind === "index" && index !== null) {
    out.actual = index;
    out.samePeriodLastYear = null;
    out.pctOfSamePeriod = index;
    out.growthPct = index - 100;
  } else if (kind !== "stock") {
    out.actual = null;
    out.samePeriodLastYear = null;
    out.pctOfSamePeriod = null;
    out.growthPct = null;
    out.gapPp = null;
    out.notes.push(
      `${period} so far: ${kind === "index" ? "the levels of its two months cannot be rebuilt" : "a rate over two months is reported only for the whole quarter"}.`,
    );
  }
  return out;
}

/**
 * The rows of a period as far as its figures go: the period itself when complete, else what its
 * months so far give, keyed back to the period asked for, with the coverage to say so.
 */
export function attainmentSoFar<R extends AttainmentRow>(
  period: string,
  latestMonth: string | null,
  compute: (key: string) => R[],
  kindOf: (indicator: string) => string,
  /** An index over the given months (`indexOverMonths` on the row's figures), for a quarter's first two. */
  indexOf: (row: R, months: string[]) => number | null = () => null,
): { rows: R[]; coverage: Coverage | null } {
  const coverage = periodCoverage(period, latestMonth);
  if (!coverage) return { rows: compute(period), coverage: null };
  const keys = periodsSoFar(period, coverage);
  if (keys.length === 0) return { rows: compute(period), coverage };
  const [first, ...rest] = keys.map((k) => compute(k));
  if (rest.length === 0) return { rows: first.map((r) => ({ ...r, period })), coverage };
  const second = new Map(rest[0].map((r) => [rowKey(r), r]));
  const rows = first.flatMap((r) => {
    const later = second.get(rowKey(r));
    if (!later) return [{ ...r, period }];
    const kind = kindOf(r.indicator);
    return [addMonths(r, later, kind, period, kind === "index" ? indexOf(r, keys) : null)];
  });
  return { rows, coverage };
}

/** `attainmentSoFar` for rows read from the database: the periods it needs, computed in parallel. */
export async function attainmentSoFarAsync<R extends AttainmentRow>(
  period: string,
  latestMonth: string | null,
  compute: (key: string) => Promise<R[]>,
  kindOf: (indicator: string) => string,
  indexOf?: (row: R, months: string[]) => number | null,
): Promise<{ rows: R[]; coverage: Coverage | null }> {
  const coverage = periodCoverage(period, latestMonth);
  const keys = coverage && coverage.have > 0 ? periodsSoFar(period, coverage) : [period];
  const computed = new Map(await Promise.all(keys.map(async (k) => [k, await compute(k)] as const)));
  return attainmentSoFar(period, latestMonth, (k) => computed.get(k) ?? [], kindOf, indexOf);
}

const rowKey = (r: AttainmentRow) =>
  `${"provinceId" in r ? String((r as { provinceId: unknown }).provinceId) : ""}|${r.indicator}`;
