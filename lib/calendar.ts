/**
 * The reporting calendar (domain.md §6): when each obligation's figures are due, and how a month
 * stands against its due date. Dates are calendar days in Việt Nam (UTC+7, no daylight saving), as
 * `YYYY-MM-DD` strings so they compare and subtract without a time zone. Pure, no I/O.
 */
import { lastMonthOf, parsePeriod } from "./periods";

export const OBLIGATION_KINDS = ["month", "quarter", "half", "year"] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export type DueRule = {
  /** Day of the month the figures are due; clamped to the month's last day (31 → 30 in November). */
  dueDay: number;
  /** How many months after the period's last month the due date falls (1: the next month). */
  monthsAfter: number;
  /** The data cut-off day, when a regime fixes one (e.g. the 14th); informational. */
  cutoffDay: number | null;
};

/** Without a rule in the database: every obligation due the 20th of the month after the period. */
export const DEFAULT_RULES: Record<ObligationKind, DueRule> = {
  month: { dueDay: 20, monthsAfter: 1, cutoffDay: null },
  quarter: { dueDay: 20, monthsAfter: 1, cutoffDay: null },
  half: { dueDay: 20, monthsAfter: 1, cutoffDay: null },
  year: { dueDay: 20, monthsAfter: 1, cutoffDay: null },
};

export type StoredRule = DueRule & { kind: string; provinceId: string | null };

/** The rule for a province: its own override, else the national rule, else the default. */
export function resolveRule(kind: ObligationKind, provinceId: string | null, rules: StoredRule[]): DueRule {
  const pick = (r: StoredRule | undefined): DueRule | null =>
    r ? { dueDay: r.dueDay, monthsAfter: r.monthsAfter, cutoffDay: r.cutoffDay } : null;
  return (
    (provinceId ? pick(rules.find((r) => r.kind === kind && r.provinceId === provinceId)) : null) ??
    pick(rules.find((r) => r.kind === kind && r.provinceId === null)) ??
    DEFAULT_RULES[kind]
  );
}

/** The obligation a period key stands for: `2026-10` month, `2026-Q3` quarter, `2026-YTD06` half, `2026` year. */
export function obligationOf(periodKey: string): ObligationKind | null {
  const p = parsePeriod(periodKey);
  if (!p) return null;
  if (p.kind === "month") return "month";
  if (p.kind === "quarter") return "quarter";
  if (p.kind === "year") return "year";
  return p.month === 6 ? "half" : null;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The due date of a period's figures under a rule, `YYYY-MM-DD`; null for a key with no obligation. */
export function dueDate(periodKey: string, rule: DueRule): string | null {
  const p = parsePeriod(periodKey);
  if (!p || !obligationOf(periodKey)) return null;
  const index = p.year * 12 + (lastMonthOf(p) - 1) + rule.monthsAfter;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(rule.dueDay, daysInMonth(year, month));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day in Việt Nam of an instant, `YYYY-MM-DD`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Days late of something sent at `sentAt` against `due`: 0 when sent on or before the due day
 * (the due day itself is on time), else the days after it.
 */
export function lateDays(due: string, sentAt: Date): number {
  return Math.max(0, daysBetween(due, vnDay(sentAt)));
}

export type Deadline =
  | { state: "due"; daysLeft: number }
  | { state: "overdue"; daysLate: number }
  | { state: "sent"; lateDays: number };

/** Where a period stands against its due date today: days left, days overdue, or sent (on time or late). */
export function deadlineState(due: string, today: string, sentAt: Date | null): Deadline {
  if (sentAt) return { state: "sent", lateDays: lateDays(due, sentAt) };
  const left = daysBetween(today, due);
  return left >= 0 ? { state: "due", daysLeft: left } : { state: "overdue", daysLate: -left };
}

/** `2026-11-20` → `20/11/2026`. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** The sheet's line: "Hạn gửi: 20/11/2026 — còn 3 ngày" / "quá hạn 2 ngày", in both languages. */
export function deadlineText(due: string, state: Deadline): { vi: string; en: string } {
  const day = formatDay(due);
  if (state.state === "due") {
    if (state.daysLeft === 0) return { vi: `Hạn gửi: ${day} — hôm nay`, en: `Due: ${day} — today` };
    return {
      vi: `Hạn gửi: ${day} — còn ${state.daysLeft} ngày`,
      en: `Due: ${day} — ${state.daysLeft} ${state.daysLeft === 1 ? "day" : "days"} left`,
    };
  }
  if (state.state === "overdue") {
    return {
      vi: `Hạn gửi: ${day} — quá hạn ${state.daysLate} ngày`,
      en: `Due: ${day} — ${state.daysLate} ${state.daysLate === 1 ? "day" : "days"} overdue`,
    };
  }
  if (state.lateDays === 0)
    return { vi: `Hạn gửi: ${day} — đã gửi đúng hạn`, en: `Due: ${day} — sent on time` };
  return {
    vi: `Hạn gửi: ${day} — đã gửi muộn ${state.lateDays} ngày`,
    en: `Due: ${day} — sent ${state.lateDays} ${state.lateDays === 1 ? "day" : "days"} late`,
  };
}

/** The `count` months ending at `last`, newest first. */
export function lastMonths(last: string, count: number): string[] {
  const [y, m] = last.split("-").map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`);
  }
  return out;
}

/** The month before today's (Việt Nam) month: the latest month whose figures can be due. */
export function lastReportableMonth(today: string): string {
  return lastMonths(today.slice(0, 7), 2)[1];
}
