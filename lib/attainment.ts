/**
 * The attainment engine: one indicator, one province, one period → the row the dashboard, the
 * exports and `GET /attainment` show (docs/api.md). Formulas from domain.md §2–§5.
 *
 * The three ways attainment is said are kept apart:
 *   pctOfPlan        share of the annual plan, A(y,k) / target × 100 ("đạt 40% kế hoạch năm")
 *   pctOfSamePeriod  vs the same period last year, growthPct = pctOfSamePeriod − 100
 *   gapPp            achieved growth − target growth, in percentage points ("vượt 8,6 điểm %")
 *
 * Everything is returned at full precision (the API layer rounds); whatever cannot be computed is
 * null, never 0, with a short note saying why. Pure functions, no I/O.
 */

import type {
  Direction,
  FigureInput,
  Kind,
  Measure,
  TargetBasis,
  TargetInput,
  Vintage,
} from "./figure-types";
import { IndexLevels } from "./index-levels";
import { MonthSums, type SpanSum, spanOf } from "./month-sums";
import {
  formatPeriodKey,
  lastMonthOf,
  monthKey,
  type Period,
  parsePeriod,
  periodMonths,
  previousMonth,
  samePeriodLastYear,
} from "./periods";

export type {
  Direction,
  FigureInput,
  Kind,
  Measure,
  TargetBasis,
  TargetBound,
  TargetInput,
  Vintage,
} from "./figure-types";
export type Status = "met" | "on_track" | "at_risk" | "missed";

/**
 * Why a row has no status, when it has none (the page says it in words):
 *   no_target       no target for the year (or the quarter's scenario) to judge against
 *   neutral         the indicator is neither better higher nor lower (imports): never judged
 *   no_actual       nothing entered for the period to judge (or not for every month of it)
 *   no_same_period  a growth target, but last year's same period is not known
 */
export type StatusReason = "no_target" | "neutral" | "no_actual" | "no_same_period";

/**
 * Why "vs the same period" is empty, when it is:
 *   no_actual             nothing entered for the period (or not for every month of it)
 *   no_same_period        last year's same period is not known
 *   merger_incomplete     a successor province whose predecessors do not all have the months
 *                         before the merger (set by the caller)
 *   merger_not_additive   a successor province's index, stock or rate before the merger: its
 *                         predecessors' do not add up (domain.md §7; set by the caller)
 *   zero_base             last year's same period is zero
 */
export type SamePeriodReason =
  | "no_actual"
  | "no_same_period"
  | "merger_incomplete"
  | "merger_not_additive"
  | "zero_base";

export type AttainmentInput = {
  indicator: { code: string; kind: Kind; direction: Direction; decimals: number; unit: string };
  /** "2024-02" | "2024-Q1" | "2023-YTD06" | "2024" */
  period: string;
  /** This province's figures of this indicator: any periods of year y, y−1 (and December of y−2). */
  figures: FigureInput[];
  /** Targets of year y for this indicator (quarter null = the year's; 1–4 = quarterly growth scenario). */
  targets: TargetInput[];
  /** Why last year is not available (e.g. a successor province); echoed in notes, last-year figures are null. */
  lastYearNote?: string | null;
  /** Default: closed when the period ends in December, or is a quarter judged against its scenario. */
  closed?: boolean;
};

export type AttainmentTarget = {
  basis: TargetBasis;
  value: number;
  valueMax: number | null;
  bound: string;
  quarter: number | null;
  document: string | null;
};

export type AttainmentRow = {
  indicator: string;
  period: string;
  unit: string;
  actual: number | null;
  samePeriodLastYear: number | null;
  pctOfSamePeriod: number | null;
  growthPct: number | null;
  momPct: number | null;
  /** The target the period is judged against: a quarter's scenario, else the year's target. */
  target: AttainmentTarget | null;
  pctOfPlan: number | null;
  gapPp: number | null;
  expectedByNow: number | null;
  requiredPerRemainingMonth: number | null;
  requiredGrowthPct: number | null;
  projection: number | null;
  status: Status | null;
  /** Null when there is a status; else why there is none. */
  statusReason: StatusReason | null;
  /**
   * The period the status and the gap were judged on: a month or a quarter without its own
   * scenario is judged on the year to date ("2026-10" → "2026-YTD10"), like the cumulative view;
   * the period itself when no year to date could be had. Null when there is no target.
   */
  judgedOn: string | null;
  /** Null when growthPct is known; else why the comparison with last year is impossible. */
  samePeriodReason: SamePeriodReason | null;
  vintage: Vintage | null;
  approximate: boolean;
  /** Why something is null or approximate, short English sentences. */
  notes: string[];
  /**
   * Flows and counts: the amount from January to the period's last month, A(y,k). The annual plan
   * is judged on it (share of plan, expected path, required per month, projection), so for a month
   * or a quarter it differs from `actual`. Null for other kinds.
   */
  yearToDate: number | null;
};

/** Worst to best; a status never gets worse when the actual gets better. */
export const STATUS_ORDER: readonly Status[] = ["missed", "at_risk", "on_track", "met"];

const VINTAGE_RANK: Record<Vintage, number> = { estimate: 0, preliminary: 1, official: 2 };

/** Tolerance for "at target": a sum of decimals lands a few ulps off the target it equals. */
const REL_EPS = 1e-9;

function atLeast(a: number, b: number): boolean {
  return a >= b - REL_EPS * Math.max(Math.abs(a), Math.abs(b));
}

function atMost(a: number, b: number): boolean {
  return a <= b + REL_EPS * Math.max(Math.abs(a), Math.abs(b));
}

/** a / b × 100, or null when it has no finite value. */
function percent(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  const r = (a / b) * 100;
  return Number.isFinite(r) ? r : null;
}

/**
 * Extreme inputs can overflow (1e308 + 1e308); such a field is shown as missing rather than as
 * Infinity or NaN, and before anything is judged on it.
 */
function dropNonFinite<K extends string>(
  obj: Record<K, number | null>,
  fields: readonly K[],
  notes: string[],
): void {
  for (const field of fields) {
    const value = obj[field];
    if (value !== null && !Number.isFinite(value)) {
      obj[field] = null;
      notes.push(`${field} is out of range and shown as missing.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

type Fig = FigureInput & { p: Period };

const MEASURES = new Set<string>(["value", "level", "yoy_pct", "mom_pct"]);

/** The figures usable for year y: one per period and measure (the most final vintage, then the last given). */
class FigureBook {
  private readonly byKey = new Map<string, Fig>();

  constructor(figures: readonly FigureInput[], fromYear: number, toYear: number) {
    for (const f of figures) {
      const p = parsePeriod(f.period);
      if (!p || p.year < fromYear || p.year > toYear) continue;
      if (!Number.isFinite(f.value) || !MEASURES.has(f.measure) || !(f.vintage in VINTAGE_RANK)) continue;
      const key = `${formatPeriodKey(p)}|${f.measure}`;
      const held = this.byKey.get(key);
      if (held && VINTAGE_RANK[held.vintage] > VINTAGE_RANK[f.vintage]) continue;
      this.byKey.set(key, { ...f, period: formatPeriodKey(p), p });
    }
  }

  all(): Fig[] {
    return [...this.byKey.values()];
  }

  of(measure: Measure): Fig[] {
    return this.all().filter((f) => f.measure === measure);
  }

  /** The figure for exactly this period, else for a key naming the same months ("2024" = "2024-YTD12"). */
  reported(p: Period, measure: Measure): Fig | null {
    for (const key of sameMonthsKeys(p)) {
      const f = this.byKey.get(`${key}|${measure}`);
      if (f) return f;
    }
    return null;
  }

  at(key: string, measure: Measure): Fig | null {
    return this.byKey.get(`${key}|${measure}`) ?? null;
  }
}

/** Period keys covering exactly the months of p, p's own key first. */
function sameMonthsKeys(p: Period): string[] {
  const { year, from, to } = spanOf(p);
  const keys = [formatPeriodKey(p)];
  if (from === to) keys.push(monthKey(year, to));
  if (from === 1) keys.push(formatPeriodKey({ kind: "ytd", year, month: to }));
  if (from === 1 && to === 12) keys.push(formatPeriodKey({ kind: "year", year }));
  if (to - from === 2 && to % 3 === 0) {
    keys.push(formatPeriodKey({ kind: "quarter", year, quarter: (to / 3) as 1 | 2 | 3 | 4 }));
  }
  return [...new Set(keys)];
}

function ytd(year: number, month: number): Period {
  return { kind: "ytd", year, month };
}

function monthsList(keys: string[]): string {
  return keys.join(", ");
}

// ---------------------------------------------------------------------------------------------
// What was achieved, per kind

type Achieved = {
  actual: number | null;
  samePeriodLastYear: number | null;
  pctOfSamePeriod: number | null;
  growthPct: number | null;
  momPct: number | null;
  approximate: boolean;
  /** Figures behind actual and growth, for the vintage. */
  used: Fig[];
  notes: string[];
  // Flows and counts: the annual plan's arithmetic.
  yearToDate: number | null;
  lastYearToDate: number | null;
  lastFullYear: number | null;
  // Stocks: the December level a growth target applies to.
  lastDecember: number | null;
  // Indices: levels for the growth the rest of the year needs.
  levels: IndexLevels<Fig> | null;
};

type Context = {
  period: Period;
  key: string;
  y: number;
  k: number;
  book: FigureBook;
  /** Last year withheld by the caller: say so once, not once per missing figure. */
  lastYearWithheld: boolean;
};

function emptyAchieved(): Achieved {
  return {
    actual: null,
    samePeriodLastYear: null,
    pctOfSamePeriod: null,
    growthPct: null,
    momPct: null,
    approximate: false,
    used: [],
    notes: [],
    yearToDate: null,
    lastYearToDate: null,
    lastFullYear: null,
    lastDecember: null,
    levels: null,
  };
}

/** A reported growth on the same period wins over a computed one ("as reported"). */
function growthFrom(a: Achieved, ctx: Context, computed: () => void): void {
  const reported = ctx.book.reported(ctx.period, "yoy_pct");
  if (reported) {
    a.growthPct = reported.value;
    a.pctOfSamePeriod = 100 + reported.value;
    a.used.push(reported);
  } else {
    computed();
  }
}

/**
 * Takes a reported growth on the previous month; true when that settles momPct (reported, or not
 * a month period, which has none), false when the caller should compute it.
 */
function momSettled(a: Achieved, ctx: Context): boolean {
  if (ctx.period.kind !== "month") return true;
  const reported = ctx.book.reported(ctx.period, "mom_pct");
  if (reported) a.momPct = reported.value;
  return reported !== null;
}

function flowAmount(sums: MonthSums<Fig>, book: FigureBook, p: Period): SpanSum<Fig> | { missing: string[] } {
  const exact = book.at(formatPeriodKey(p), "value");
  if (exact) return { value: exact.value, used: [exact] };
  const { year, from, to } = spanOf(p);
  const found = sums.sum(year, from, to);
  if (found) return found;
  return { missing: periodMonths(p).filter((_, i) => !sums.month(year, from + i)) };
}

function achievedFlow(ctx: Context): Achieved {
  const a = emptyAchieved();
  const { book, period, key, y, k } = ctx;
  const sums = new MonthSums(book.of("value"));
  const amount = (p: Period) => flowAmount(sums, book, p);

  const current = amount(period);
  if ("value" in current) {
    a.actual = current.value;
    a.used.push(...current.used);
  } else {
    a.notes.push(
      `Actual for ${key} is missing: no figure for ${monthsList(current.missing)}, and no cumulative gives it.`,
    );
  }

  const lastPeriod = samePeriodLastYear(period);
  const last = amount(lastPeriod);
  const lastUsed = "value" in last ? last.used : [];
  if ("value" in last) a.samePeriodLastYear = last.value;
  else if (!ctx.lastYearWithheld) {
    a.notes.push(
      `Same period last year (${formatPeriodKey(lastPeriod)}) is missing ${monthsList(last.missing)}.`,
    );
  }

  growthFrom(a, ctx, () => {
    a.pctOfSamePeriod = percent(a.actual, a.samePeriodLastYear);
    a.growthPct = a.pctOfSamePeriod === null ? null : a.pctOfSamePeriod - 100;
    if (a.pctOfSamePeriod !== null) a.used.push(...lastUsed);
    else if (a.samePeriodLastYear === 0)
      a.notes.push("Same period last year is zero: growth cannot be computed.");
  });

  if (!momSettled(a, ctx)) {
    const previous = sums.month(...yearMonth(previousMonth(key)));
    a.momPct = previous ? percentGrowth(a.actual, previous.value) : null;
    if (!previous && !(ctx.lastYearWithheld && k === 1)) {
      a.notes.push(`Growth on the previous month needs ${previousMonth(key)}, which is missing.`);
    }
  }

  const toDate = period.kind === "ytd" || period.kind === "year" ? current : amount(ytd(y, k));
  if ("value" in toDate) a.yearToDate = toDate.value;
  else if ("value" in current) {
    a.notes.push(`Year to date (${formatPeriodKey(ytd(y, k))}) is missing ${monthsList(toDate.missing)}.`);
  }
  const lastToDate = amount(ytd(y - 1, k));
  if ("value" in lastToDate) a.lastYearToDate = lastToDate.value;
  const lastFull = amount({ kind: "year", year: y - 1 });
  if ("value" in lastFull) a.lastFullYear = lastFull.value;
  return a;
}

function yearMonth(key: string): [number, number] {
  return [Number(key.slice(0, 4)), Number(key.slice(5, 7))];
}

function percentGrowth(a: number | null, b: number | null): number | null {
  const p = percent(a, b);
  return p === null ? null : p - 100;
}

function achievedIndex(ctx: Context): Achieved {
  const a = emptyAchieved();
  const { book, period, key } = ctx;
  const levels = new IndexLevels(book.all().filter((f) => f.measure !== "value"));
  a.levels = levels;
  const months = periodMonths(period);
  const lastMonths = periodMonths(samePeriodLastYear(period));

  const reported = book.reported(period, "yoy_pct");
  const ratio = reported ? null : levels.ratio(months, lastMonths);
  if (reported) {
    a.actual = 100 + reported.value;
    a.used.push(reported);
  } else if (ratio) {
    a.actual = ratio.value * 100;
    a.used.push(...ratio.used);
  } else {
    const rates = months.map((m) => book.at(m, "yoy_pct"));
    const known = rates.filter((r): r is Fig => r !== null);
    if (known.length === months.length) {
      // Without levels, the mean of monthly indices is all there is; its weights are wrong (§4).
      a.actual = known.reduce((s, r) => s + 100 + r.value, 0) / known.length;
      a.used.push(...known);
      a.approximate = true;
      a.notes.push(
        `Index for ${key} is the mean of its monthly indices: levels could not be rebuilt, so it is approximate.`,
      );
    } else {
      const missing = months.filter((_, i) => rates[i] === null);
      a.notes.push(
        `No index reported for ${key}, levels cannot be rebuilt for it, and monthly rates are missing for ${monthsList(missing)}.`,
      );
    }
  }
  a.pctOfSamePeriod = a.actual;
  // A reported rate is kept as typed: 100 + (−15.74) − 100 is not quite −15.74 in floating point.
  a.growthPct = reported ? reported.value : a.actual === null ? null : a.actual - 100;

  if (!momSettled(a, ctx)) {
    const mom = levels.ratio([key], [previousMonth(key)]);
    a.momPct = mom ? mom.value * 100 - 100 : null;
    if (!mom)
      a.notes.push(
        `Growth on the previous month: no rate reported and no levels for ${key} and ${previousMonth(key)}.`,
      );
  }
  return a;
}

function stockAt(book: FigureBook, year: number, month: number): Fig | null {
  return book.reported({ kind: "month", year, month }, "value") ?? periodEndingAt(book, year, month);
}

/** A stock entered for a period is its level at the period's end ("2023-YTD06" = end of June). */
function periodEndingAt(book: FigureBook, year: number, month: number): Fig | null {
  const keys: Period[] = [{ kind: "ytd", year, month }];
  if (month % 3 === 0) keys.push({ kind: "quarter", year, quarter: (month / 3) as 1 | 2 | 3 | 4 });
  if (month === 12) keys.push({ kind: "year", year });
  for (const p of keys) {
    const f = book.at(formatPeriodKey(p), "value");
    if (f) return f;
  }
  return null;
}

function achievedStock(ctx: Context): Achieved {
  const a = emptyAchieved();
  const { book, period, key, y, k } = ctx;
  const { from } = spanOf(period);
  let asOf = k;
  let current = stockAt(book, y, k);
  for (let m = k - 1; !current && m >= from; m--) {
    current = stockAt(book, y, m);
    asOf = m;
  }
  if (current) {
    a.actual = current.value;
    a.used.push(current);
    if (asOf !== k) a.notes.push(`No level at the end of ${key}: the latest is ${monthKey(y, asOf)}'s.`);
  } else {
    a.notes.push(`No level entered for any month of ${key}.`);
  }

  const last = stockAt(book, y - 1, asOf);
  if (last) a.samePeriodLastYear = last.value;
  else if (!ctx.lastYearWithheld)
    a.notes.push(`No level for ${monthKey(y - 1, asOf)}, the same month last year.`);

  growthFrom(a, ctx, () => {
    a.pctOfSamePeriod = percent(a.actual, a.samePeriodLastYear);
    a.growthPct = a.pctOfSamePeriod === null ? null : a.pctOfSamePeriod - 100;
    if (a.pctOfSamePeriod !== null && last) a.used.push(last);
  });

  if (!momSettled(a, ctx)) {
    const previous = stockAt(book, ...yearMonth(previousMonth(key)));
    a.momPct = previous ? percentGrowth(a.actual, previous.value) : null;
    if (!previous && !(ctx.lastYearWithheld && k === 1)) {
      a.notes.push(
        `Growth on the previous month needs the level of ${previousMonth(key)}, which is missing.`,
      );
    }
  }
  a.lastDecember = stockAt(book, y - 1, 12)?.value ?? null;
  return a;
}

function achievedRate(ctx: Context): Achieved {
  const a = emptyAchieved();
  const { book, period, key } = ctx;
  const value = book.reported(period, "value");
  if (value) {
    a.actual = value.value;
    a.used.push(value);
  }
  a.samePeriodLastYear = book.reported(samePeriodLastYear(period), "value")?.value ?? null;
  // A rate is only ever "as reported": its growth is not a ratio of two rates.
  const growth = book.reported(period, "yoy_pct");
  if (growth) {
    a.growthPct = growth.value;
    a.pctOfSamePeriod = 100 + growth.value;
    a.used.push(growth);
  }
  if (!value && !growth) a.notes.push(`Nothing reported for ${key}.`);
  momSettled(a, ctx);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Targets and status

type Judged = {
  target: TargetInput;
  /** An at_most bound or a direction "down": staying at or under the reference is the goal. */
  lowerIsBetter: boolean;
  /** The end of the target that counts (see `judged`). */
  reference: number;
};

function validTarget(t: TargetInput): boolean {
  return Number.isFinite(t.value) && (t.valueMax === null || Number.isFinite(t.valueMax));
}

/**
 * The end of the target that counts: the lower end when higher is better (a range "5–8" is met at
 * 5), the upper end (the cap) for an at_most bound or a lower-is-better indicator.
 */
function judged(target: TargetInput, direction: Direction): Judged {
  const lowerIsBetter = target.bound === "at_most" || direction === "down";
  return {
    target,
    lowerIsBetter,
    reference: lowerIsBetter ? (target.valueMax ?? target.value) : target.value,
  };
}

function levelStatus(value: number, j: Judged, closed: boolean, expected: number | null): Status {
  if (j.lowerIsBetter) {
    if (atMost(value, j.reference)) {
      if (closed) return "met";
      return expected === null || atMost(value, expected) ? "on_track" : "at_risk";
    }
    return closed ? "missed" : "at_risk";
  }
  if (atLeast(value, j.reference)) return "met";
  if (closed) return "missed";
  return expected !== null && atLeast(value, expected) ? "on_track" : "at_risk";
}

function growthStatus(growth: number, j: Judged, closed: boolean): Status {
  // Compared as indices (100 + g) so that the tolerance is relative to the index, not to a growth near 0.
  const ok = j.lowerIsBetter
    ? atMost(100 + growth, 100 + j.reference)
    : atLeast(100 + growth, 100 + j.reference);
  if (ok) return closed ? "met" : "on_track";
  return closed ? "missed" : "at_risk";
}

function toRowTarget(t: TargetInput): AttainmentTarget {
  return {
    basis: t.basis,
    value: t.value,
    valueMax: t.valueMax,
    bound: t.bound,
    quarter: t.quarter,
    document: t.document ?? null,
  };
}

type Plan = Pick<
  AttainmentRow,
  | "pctOfPlan"
  | "expectedByNow"
  | "requiredPerRemainingMonth"
  | "requiredGrowthPct"
  | "gapPp"
  | "status"
  | "statusReason"
  | "judgedOn"
> & { notes: string[] };

function plan(input: AttainmentInput, ctx: Context, a: Achieved): Plan & { target: TargetInput | null } {
  const out: Plan = {
    pctOfPlan: null,
    expectedByNow: null,
    requiredPerRemainingMonth: null,
    requiredGrowthPct: null,
    gapPp: null,
    status: null,
    statusReason: null,
    judgedOn: null,
    notes: [],
  };
  const { kind, direction } = input.indicator;
  const { period, y, k } = ctx;
  const targets = input.targets.filter(validTarget);
  if (targets.length < input.targets.length) out.notes.push("A target without a finite value was ignored.");
  // The last one given wins: the caller passes the current version of a revised target.
  const yearTarget = targets.filter((t) => t.quarter === null).at(-1) ?? null;
  const scenarios = targets.filter((t) => t.quarter !== null && t.basis === "growth");
  if (targets.some((t) => t.quarter !== null && t.basis !== "growth")) {
    out.notes.push("Quarterly targets are growth scenarios; a quarterly level target was ignored.");
  }
  const scenarioOf = (q: number) => scenarios.filter((t) => t.quarter === q).at(-1) ?? null;
  const scenario = period.kind === "quarter" ? scenarioOf(period.quarter) : null;
  const target = scenario ?? yearTarget;
  const closed = input.closed ?? (k === 12 || scenario !== null);
  const flowLike = kind === "flow" || kind === "count";
  const remaining = 12 - k;

  // The annual plan: share, expected path, what the rest of the year needs.
  if (yearTarget) {
    const j = judged(yearTarget, direction);
    if (yearTarget.basis === "level") {
      if (flowLike) {
        out.pctOfPlan = percent(a.yearToDate, j.reference);
        const profile =
          a.lastYearToDate !== null && a.lastFullYear !== null && a.lastFullYear !== 0
            ? a.lastYearToDate / a.lastFullYear
            : null;
        if (profile === null && remaining > 0) {
          out.notes.push(
            `Expected by now follows a straight line (${k}/12): last year's profile is not known.`,
          );
        }
        out.expectedByNow = j.reference * (profile ?? k / 12);
        if (remaining > 0 && a.yearToDate !== null) {
          out.requiredPerRemainingMonth = Math.max(0, (j.reference - a.yearToDate) / remaining);
        }
      } else if (kind === "stock") {
        out.pctOfPlan = percent(a.actual, j.reference);
      }
    } else {
      const g = j.reference;
      out.expectedByNow = scenarioOf(Math.ceil(k / 3))?.value ?? g;
      if (flowLike) {
        const implied = a.lastFullYear === null ? null : (1 + g / 100) * a.lastFullYear;
        if (implied === null)
          out.notes.push(`The level a ${g}% growth implies needs last year's total, which is missing.`);
        out.pctOfPlan = percent(a.yearToDate, implied);
        if (implied !== null && a.yearToDate !== null && remaining > 0) {
          out.requiredPerRemainingMonth = Math.max(0, (implied - a.yearToDate) / remaining);
          const lastRest =
            a.lastYearToDate === null || a.lastFullYear === null ? null : a.lastFullYear - a.lastYearToDate;
          if (lastRest !== null && lastRest > 0) {
            out.requiredGrowthPct = ((implied - a.yearToDate) / lastRest - 1) * 100;
          } else {
            out.notes.push(
              "The growth the rest of the year needs requires last year's months to date and in total.",
            );
          }
        }
      } else if (kind === "stock") {
        out.pctOfPlan = percent(a.actual, a.lastDecember === null ? null : (1 + g / 100) * a.lastDecember);
      } else if (kind === "index" && a.levels && remaining > 0) {
        out.requiredGrowthPct = indexRequiredGrowth(a.levels, y, k, g);
        if (out.requiredGrowthPct === null) {
          out.notes.push(
            "The growth the rest of the year needs requires levels for every month of last year and of this year to date.",
          );
        }
      }
    }
  } else if (scenario) {
    out.expectedByNow = scenario.value;
  }
  dropNonFinite(
    out,
    ["pctOfPlan", "expectedByNow", "requiredPerRemainingMonth", "requiredGrowthPct"],
    out.notes,
  );

  // The target the period is judged against: gap and status.
  if (!target) {
    out.statusReason = "no_target";
    return { ...out, target };
  }
  const j = judged(target, direction);
  const judgedOf = (x: Achieved): number | null =>
    target.basis === "growth" ? x.growthPct : flowLike ? x.yearToDate : x.actual;
  // A month or a quarter without its own scenario is judged on the year to date, like the
  // cumulative view, so that a month never says "on track" while its year to date is at risk.
  let on = a;
  out.judgedOn = ctx.key;
  const toDate = ytd(y, k);
  // A stock is its level at the period's end whatever the span, so it is judged on the period.
  if (!scenario && kind !== "stock" && (period.kind === "month" || period.kind === "quarter")) {
    const cumulative = target.basis === "level" && flowLike ? a : achieve(kind, withPeriod(ctx, toDate));
    if (judgedOf(cumulative) !== null) {
      on = cumulative;
      out.judgedOn = formatPeriodKey(toDate);
    }
  }
  const judgedValue = judgedOf(on);
  if (target.basis === "growth") {
    out.gapPp = judgedValue === null ? null : judgedValue - j.reference;
    if (judgedValue !== null && direction !== "neutral") out.status = growthStatus(judgedValue, j, closed);
  } else {
    if (kind === "index" || kind === "rate") out.gapPp = on.actual === null ? null : on.actual - j.reference;
    const expected = flowLike ? out.expectedByNow : null;
    if (judgedValue !== null && direction !== "neutral")
      out.status = levelStatus(judgedValue, j, closed, expected);
  }
  if (direction === "neutral") out.statusReason = "neutral";
  else if (judgedValue === null) {
    out.statusReason =
      target.basis === "growth" && (on.actual !== null || enteredIn(ctx)) ? "no_same_period" : "no_actual";
    out.notes.push("Status cannot be judged: the figure to compare with the target is missing.");
  }
  dropNonFinite(out, ["gapPp"], out.notes);
  return { ...out, target };
}

function withPeriod(ctx: Context, period: Period): Context {
  return { ...ctx, period, key: formatPeriodKey(period) };
}

function achieve(kind: Kind, ctx: Context): Achieved {
  const a =
    kind === "index"
      ? achievedIndex(ctx)
      : kind === "stock"
        ? achievedStock(ctx)
        : kind === "rate"
          ? achievedRate(ctx)
          : achievedFlow(ctx);
  dropNonFinite(a, ACHIEVED_FIELDS, a.notes);
  return a;
}

/** Why growth on the same period is missing, or null when it is known. */
function samePeriodReason(a: Achieved, ctx: Context): SamePeriodReason | null {
  if (a.growthPct !== null) return null;
  if (a.samePeriodLastYear === 0) return "zero_base";
  return a.actual === null && !enteredIn(ctx) ? "no_actual" : "no_same_period";
}

/**
 * Something entered for every month of the period (a rate, a level, a cumulative covering it): then
 * only last year is lacking. A period still running (a quarter with one month in) lacks this year.
 */
function enteredIn(ctx: Context): boolean {
  const { from, to } = spanOf(ctx.period);
  const spans = ctx.book
    .all()
    .filter((f) => f.p.year === ctx.y)
    .map((f) => spanOf(f.p));
  for (let m = from; m <= to; m++) if (!spans.some((s) => s.from <= m && s.to >= m)) return false;
  return true;
}

/** The growth on last year that months k+1..12 need for the year to reach +g% (§5, on levels). */
function indexRequiredGrowth(levels: IndexLevels<Fig>, y: number, k: number, g: number): number | null {
  const months = (year: number, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => monthKey(year, from + i));
  const lastYear = months(y - 1, 1, 12);
  const soFar = months(y, 1, k);
  const rest = months(y - 1, k + 1, 12);
  // Every ratio to the sum of last year's months k+1..12, all on one scale.
  const whole = levels.ratio(lastYear, rest);
  const done = levels.ratio(soFar, rest);
  if (!whole || !done) return null;
  return ((1 + g / 100) * whole.value - done.value - 1) * 100;
}

// ---------------------------------------------------------------------------------------------

const ACHIEVED_FIELDS = [
  "actual",
  "samePeriodLastYear",
  "pctOfSamePeriod",
  "growthPct",
  "momPct",
  "yearToDate",
  "lastYearToDate",
  "lastFullYear",
  "lastDecember",
] as const;

/** A row with nothing computed yet: what the engine starts from (and tests build on). */
export function emptyRow(indicator: string, period: string, unit: string): AttainmentRow {
  return {
    indicator,
    period,
    unit,
    actual: null,
    samePeriodLastYear: null,
    pctOfSamePeriod: null,
    growthPct: null,
    momPct: null,
    target: null,
    pctOfPlan: null,
    gapPp: null,
    expectedByNow: null,
    requiredPerRemainingMonth: null,
    requiredGrowthPct: null,
    projection: null,
    status: null,
    statusReason: null,
    judgedOn: null,
    samePeriodReason: null,
    vintage: null,
    approximate: false,
    notes: [],
    yearToDate: null,
  };
}

export function computeAttainment(input: AttainmentInput): AttainmentRow {
  const row = emptyRow(input.indicator.code, input.period, input.indicator.unit);
  const period = parsePeriod(input.period);
  if (!period) {
    row.notes.push(`"${input.period}" is not a period (2024-02, 2024-Q1, 2024-YTD06 or 2024).`);
    row.statusReason = "no_actual";
    row.samePeriodReason = "no_actual";
    return row;
  }
  const lastYearNote = input.lastYearNote?.trim() || null;
  if (lastYearNote) row.notes.push(lastYearNote);
  const y = period.year;
  const ctx: Context = {
    period,
    key: formatPeriodKey(period),
    y,
    k: lastMonthOf(period),
    // December of y−2 is the base of January of y−1's month-on-month rate.
    book: new FigureBook(input.figures, lastYearNote ? y : y - 2, y),
    lastYearWithheld: lastYearNote !== null,
  };

  const kind = input.indicator.kind;
  const a = achieve(kind, ctx);
  const p = plan(input, ctx, a);

  row.actual = a.actual;
  row.samePeriodLastYear = a.samePeriodLastYear;
  row.pctOfSamePeriod = a.pctOfSamePeriod;
  row.growthPct = a.growthPct;
  row.momPct = a.momPct;
  row.yearToDate = a.yearToDate;
  row.target = p.target ? toRowTarget(p.target) : null;
  row.pctOfPlan = p.pctOfPlan;
  row.gapPp = p.gapPp;
  row.expectedByNow = p.expectedByNow;
  row.requiredPerRemainingMonth = p.requiredPerRemainingMonth;
  row.requiredGrowthPct = p.requiredGrowthPct;
  row.status = p.status;
  row.statusReason = p.statusReason;
  row.judgedOn = p.judgedOn;
  row.samePeriodReason = samePeriodReason(a, ctx);
  // The year at this pace on last year's profile (§5).
  if (
    (kind === "flow" || kind === "count") &&
    a.yearToDate !== null &&
    a.lastFullYear !== null &&
    a.lastYearToDate
  ) {
    row.projection = (a.yearToDate * a.lastFullYear) / a.lastYearToDate;
  }
  row.approximate = a.approximate;
  row.vintage = a.used.reduce<Vintage | null>(
    (least, f) => (least === null || VINTAGE_RANK[f.vintage] < VINTAGE_RANK[least] ? f.vintage : least),
    null,
  );
  row.notes.push(...a.notes, ...p.notes);

  dropNonFinite(row, ["projection"], row.notes);
  return row;
}
