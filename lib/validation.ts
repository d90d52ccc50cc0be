/**
 * Checks on the month's figures (issue: monthly entry). Hard errors stop a figure being saved;
 * soft warnings are shown inline and need a reason before the month is submitted. Pure.
 */
import type { Kind, Measure } from "./sheet";

export type Message = { vi: string; en: string };

/** Why a value is impossible for its indicator and measure, or null when it is acceptable. */
export function hardError(kind: Kind, measure: Measure, value: number): Message | null {
  if (!Number.isFinite(value)) return { vi: "Không phải là số.", en: "Not a number." };
  if (measure === "level" && value <= 0) {
    return {
      vi: "Chỉ số gốc cố định phải lớn hơn 0.",
      en: "A fixed-base index level must be greater than 0.",
    };
  }
  if ((measure === "yoy_pct" || measure === "mom_pct") && kind !== "rate" && value <= -100) {
    return { vi: "Không thể giảm từ 100% trở lên.", en: "A fall of 100% or more is impossible." };
  }
  if (measure === "value" && (kind === "flow" || kind === "count" || kind === "stock") && value < 0) {
    return { vi: "Giá trị không được âm.", en: "The value cannot be negative." };
  }
  if (measure === "value" && kind === "count" && !Number.isInteger(value)) {
    return { vi: "Phải là số nguyên.", en: "Must be a whole number." };
  }
  if (kind === "rate" && measure === "value" && (value < 0 || value > 100)) {
    return { vi: "Tỷ lệ phải từ 0 đến 100%.", en: "A share must be between 0 and 100%." };
  }
  return null;
}

export type WarningCode = "big_change" | "children_sum" | "missing";
export type Warning = { indicator: string; code: WarningCode; message: Message };

/** Beyond these changes a figure is worth a second look (by kind; percentages of change). */
export const CHANGE_THRESHOLDS: Record<Kind, { vsLastMonth: number; vsLastYear: number } | null> = {
  flow: { vsLastMonth: 50, vsLastYear: 50 },
  count: null, // a month's new villages or projects swing by nature
  stock: { vsLastMonth: 25, vsLastYear: 50 },
  index: { vsLastMonth: 30, vsLastYear: 30 },
  rate: null,
};

export type IndicatorMonth = {
  code: string;
  parentCode: string | null;
  kind: Kind;
  decimals: number;
  /** The month's amount (flows, counts, stocks), entered or derived from the cumulative. */
  value: number | null;
  /** Index growth as entered. */
  yoyPct: number | null;
  momPct: number | null;
  lastMonthValue: number | null;
  sameMonthLastYearValue: number | null;
  /** Whether the indicator had any figure last month, and has any now. */
  reportedLastMonth: boolean;
  reportedNow: boolean;
};

const fmt = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);
const fmtEn = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n);

function changeWarnings(i: IndicatorMonth): Warning[] {
  const limits = CHANGE_THRESHOLDS[i.kind];
  if (!limits) return [];
  const out: Warning[] = [];
  const check = (change: number | null, limit: number, vi: string, en: string) => {
    if (change !== null && Math.abs(change) > limit) {
      out.push({
        indicator: i.code,
        code: "big_change",
        message: {
          vi: `Thay đổi ${fmt(change)}% ${vi} (ngưỡng ±${limit}%): vui lòng kiểm tra hoặc giải trình.`,
          en: `A change of ${fmtEn(change)}% ${en} (threshold ±${limit}%): please check or explain.`,
        },
      });
    }
  };
  if (i.kind === "index") {
    check(i.momPct, limits.vsLastMonth, "so với tháng trước", "on the previous month");
    check(i.yoyPct, limits.vsLastYear, "so với cùng kỳ", "on the same month last year");
    return out;
  }
  const pct = (now: number | null, then: number | null) =>
    now !== null && then !== null && then > 0 ? (now / then - 1) * 100 : null;
  check(pct(i.value, i.lastMonthValue), limits.vsLastMonth, "so với tháng trước", "on the previous month");
  check(
    pct(i.value, i.sameMonthLastYearValue),
    limits.vsLastYear,
    "so với cùng kỳ",
    "on the same month last year",
  );
  return out;
}

/** Children of a flow add up to their parent within rounding: half a unit of the last decimal per term. */
function childrenWarnings(rows: IndicatorMonth[]): Warning[] {
  const out: Warning[] = [];
  for (const parent of rows) {
    if (parent.kind !== "flow" || parent.value === null) continue;
    const children = rows.filter((r) => r.parentCode === parent.code && r.value !== null);
    if (children.length === 0) continue;
    const sum = children.reduce((s, c) => s + (c.value ?? 0), 0);
    const tolerance = 0.5 * 10 ** -parent.decimals * (children.length + 1);
    if (Math.abs(sum - parent.value) > tolerance) {
      out.push({
        indicator: parent.code,
        code: "children_sum",
        message: {
          vi: `Tổng các chỉ tiêu thành phần (${fmt(sum)}) khác tổng số (${fmt(parent.value)}).`,
          en: `The parts add up to ${fmtEn(sum)}, not the total ${fmtEn(parent.value)}.`,
        },
      });
    }
  }
  return out;
}

/** Every soft warning of a month's sheet, in sheet order. */
export function monthWarnings(rows: IndicatorMonth[]): Warning[] {
  const missing = rows
    .filter((r) => r.reportedLastMonth && !r.reportedNow)
    .map(
      (r): Warning => ({
        indicator: r.code,
        code: "missing",
        message: {
          vi: "Tháng trước có số liệu nhưng tháng này chưa nhập.",
          en: "Reported last month but missing this month.",
        },
      }),
    );
  const all = [...rows.flatMap(changeWarnings), ...childrenWarnings(rows), ...missing];
  const order = new Map(rows.map((r, i) => [r.code, i]));
  return all.sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0));
}

/** Warnings that have no acknowledgement with a reason. */
export function unacknowledged(
  warnings: Warning[],
  acknowledgements: { indicator: string; reason: string }[],
): Warning[] {
  const acknowledged = new Set(
    acknowledgements.filter((a) => a.reason.trim().length > 0).map((a) => a.indicator),
  );
  return warnings.filter((w) => !acknowledged.has(w.indicator));
}
