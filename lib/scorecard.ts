/**
 * The scorecard's order and the period picker's choices. Pure.
 */
import { STATUS_ORDER, type Status } from "./attainment";
import { monthKey, parsePeriod } from "./periods";

/** Shortfalls first (missed, at risk), then on track, met, and rows with no status; catalogue order within. */
export function byShortfallFirst<R extends { status: Status | null; order: number }>(rows: R[]): R[] {
  const rank = (s: Status | null) => (s === null ? STATUS_ORDER.length : STATUS_ORDER.indexOf(s));
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || a.order - b.order);
}

/**
 * The periods a leader picks from for the years up to the latest month with figures: every month,
 * quarter, the first half, nine months and the year, newest first; periods not yet begun are left out.
 */
export function periodChoices(latestMonth: string, years = 3): string[] {
  const latest = parsePeriod(latestMonth);
  if (latest?.kind !== "month") return [];
  const out: string[] = [];
  for (let year = latest.year; year > latest.year - years; year--) {
    const lastMonth = year === latest.year ? latest.month : 12;
    const yearPeriods: string[] = [];
    if (lastMonth === 12) yearPeriods.push(String(year));
    if (lastMonth >= 9) yearPeriods.push(`${year}-YTD09`);
    if (lastMonth >= 6) yearPeriods.push(`${year}-YTD06`);
    for (let q = Math.ceil(lastMonth / 3); q >= 1; q--) yearPeriods.push(`${year}-Q${q}`);
    for (let m = lastMonth; m >= 1; m--) yearPeriods.push(monthKey(year, m));
    // Cumulative periods of the running year are useful even before they close.
    if (lastMonth < 12 && lastMonth > 1)
      yearPeriods.unshift(`${year}-YTD${String(lastMonth).padStart(2, "0")}`);
    out.push(...new Set(yearPeriods));
  }
  return out;
}

/** The picker's periods by year, in the order given (newest year first): one `<optgroup>` each. */
export function periodsByYear(choices: string[]): { year: number; periods: string[] }[] {
  const groups: { year: number; periods: string[] }[] = [];
  for (const key of choices) {
    const p = parsePeriod(key);
    if (!p) continue;
    const last = groups.at(-1);
    if (last?.year === p.year) last.periods.push(key);
    else {
      const held = groups.find((g) => g.year === p.year);
      if (held) held.periods.push(key);
      else groups.push({ year: p.year, periods: [key] });
    }
  }
  return groups;
}
