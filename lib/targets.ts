/**
 * The year's targets (chỉ tiêu kế hoạch, domain.md §5): what a target may be, how it reads, and the
 * page's rows. A target is an amount for the year (`level`) or a growth rate on last year
 * (`growth`), exact, a lower or upper bound ("trên 16%"), or a range ("5–8 dự án"); a growth
 * target may have a quarterly scenario (kịch bản, quarter 1–4). Pure: no I/O.
 */
import { formatNumber, formatSignedPercent, type Locale } from "./format";
import type { Kind } from "./sheet";
import { indicatorGroup } from "./sheet-model";
import type { Message } from "./validation";

export const BASES = ["level", "growth"] as const;
export type Basis = (typeof BASES)[number];
export const BOUNDS = ["exact", "at_least", "at_most"] as const;
export type Bound = (typeof BOUNDS)[number];
export const QUARTERS = [1, 2, 3, 4] as const;

/** How a person picks a target's shape on the page: the three bounds, or a range (bound exact, with a maximum). */
export const FORMS = ["exact", "at_least", "at_most", "range"] as const;
export type TargetForm = (typeof FORMS)[number];

/** One target as written: the whole target (absent optional fields are null, bound exact). */
export type TargetWrite = {
  indicator: string;
  year: number;
  basis: Basis;
  value: number;
  valueMax?: number | null;
  bound?: Bound;
  /** Null or absent for the year's target; 1–4 for a quarterly growth scenario. */
  quarter?: number | null;
  document?: string | null;
  /** The version the writer last read; absent or null for a target the writer believes is new. */
  version?: number | null;
};

/** The fields of a target a rule can fault. */
export type TargetField = "indicator" | "year" | "basis" | "value" | "valueMax" | "bound" | "quarter";
export type TargetProblems = Partial<Record<TargetField, Message>>;

/** The years a provincial unit existed in (2025 merger, domain.md §7), from its validity dates. */
export function yearsOfUnit(validFrom: string | null, validTo: string | null) {
  return {
    first: validFrom ? Number(validFrom.slice(0, 4)) : null,
    last: validTo ? Number(validTo.slice(0, 4)) : null,
  };
}

const fmt = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 }).format(n);
const fmtEn = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 }).format(n);

/**
 * What is wrong with one target, by field; empty when it may be saved. `indicator` is the
 * catalogue entry (undefined when the code is unknown), `years` the years the province existed in.
 */
export function targetProblems(
  t: TargetWrite,
  indicator: { kind: Kind } | undefined,
  years: { first: number | null; last: number | null } = { first: null, last: null },
): TargetProblems {
  const problems: TargetProblems = {};
  if (!indicator) {
    problems.indicator = {
      vi: `Không có chỉ tiêu «${t.indicator}» trong danh mục.`,
      en: `There is no indicator «${t.indicator}» in the catalogue.`,
    };
    return problems;
  }
  if (years.first !== null && t.year < years.first) {
    problems.year = {
      vi: `Đơn vị này được thành lập năm ${years.first}: không đặt chỉ tiêu cho năm ${t.year}.`,
      en: `This unit was established in ${years.first}: no targets for ${t.year}.`,
    };
  } else if (years.last !== null && t.year > years.last) {
    problems.year = {
      vi: `Đơn vị này đã sáp nhập năm ${years.last}: không đặt chỉ tiêu cho năm ${t.year}.`,
      en: `This unit was merged in ${years.last}: no targets for ${t.year}.`,
    };
  }
  const quarter = t.quarter ?? null;
  const valueMax = t.valueMax ?? null;
  const bound = t.bound ?? "exact";
  if (quarter !== null && t.basis !== "growth") {
    problems.quarter = {
      vi: "Kịch bản theo quý chỉ áp dụng cho chỉ tiêu tăng trưởng (%).",
      en: "Quarterly scenarios are for growth targets (%) only.",
    };
  }
  if (indicator.kind === "index" && t.basis === "level") {
    problems.basis = {
      vi: "Chỉ số sản xuất chỉ đặt chỉ tiêu theo tốc độ tăng trưởng (%).",
      en: "An index's target is a growth rate (%).",
    };
  }
  if (t.basis === "growth") {
    if (t.value <= -100) {
      problems.value = {
        vi: "Tốc độ tăng trưởng phải lớn hơn −100%.",
        en: "A growth rate must be greater than −100%.",
      };
    }
  } else if (t.value < 0) {
    problems.value = { vi: "Chỉ tiêu không được âm.", en: "A target amount cannot be negative." };
  } else if (indicator.kind === "count" && !Number.isInteger(t.value)) {
    problems.value = { vi: "Phải là số nguyên.", en: "Must be a whole number." };
  } else if (indicator.kind === "rate" && t.value > 100) {
    problems.value = { vi: "Tỷ lệ phải từ 0 đến 100%.", en: "A share must be between 0 and 100%." };
  }
  if (valueMax !== null) {
    if (valueMax < t.value) {
      problems.valueMax = {
        vi: `Cận trên (${fmt(valueMax)}) phải lớn hơn hoặc bằng cận dưới (${fmt(t.value)}).`,
        en: `The upper end (${fmtEn(valueMax)}) must be at least the lower end (${fmtEn(t.value)}).`,
      };
    } else if (t.basis === "level" && indicator.kind === "count" && !Number.isInteger(valueMax)) {
      problems.valueMax = { vi: "Phải là số nguyên.", en: "Must be a whole number." };
    } else if (t.basis === "level" && indicator.kind === "rate" && valueMax > 100) {
      problems.valueMax = { vi: "Tỷ lệ phải từ 0 đến 100%.", en: "A share must be between 0 and 100%." };
    }
    if (bound !== "exact") {
      problems.bound = {
        vi: "Một khoảng (từ … đến …) không đi cùng «trên» hoặc «không quá».",
        en: "A range (from … to …) cannot also be «at least» or «at most».",
      };
    }
  }
  return problems;
}

/** The parts of a target that a save compares and a revision keeps. */
export type TargetContent = {
  basis: Basis;
  value: number;
  valueMax: number | null;
  bound: Bound;
  document: string | null;
};

/** A document as kept: trimmed, and empty means none. */
export function normaliseDocument(document: string | null | undefined): string | null {
  const d = document?.trim();
  return d ? d : null;
}

export function sameTarget(a: TargetContent, b: TargetContent): boolean {
  return (
    a.basis === b.basis &&
    a.value === b.value &&
    a.valueMax === b.valueMax &&
    a.bound === b.bound &&
    a.document === b.document
  );
}

/** The page's shape of a target: "5–8", "+16,00%", "12.500,0". The bound's word goes in front, by the caller. */
export function targetAmount(
  t: Pick<TargetContent, "basis" | "value" | "valueMax">,
  decimals: number,
  locale: Locale,
): string {
  if (t.basis === "growth") {
    const low = formatSignedPercent(t.value, 2, locale);
    return t.valueMax === null ? low : `${low} – ${formatSignedPercent(t.valueMax, 2, locale)}`;
  }
  const low = formatNumber(t.value, decimals, locale);
  return t.valueMax === null ? low : `${low}–${formatNumber(t.valueMax, decimals, locale)}`;
}

/** The page's choice of shape for a saved target. */
export function formOf(t: Pick<TargetContent, "bound" | "valueMax">): TargetForm {
  return t.valueMax !== null ? "range" : t.bound;
}

// ── The page's rows ──────────────────────────────────────────────────────────

export type TargetVersion = TargetContent & {
  version: number;
  /** Username of who wrote it; null for seeded data. */
  updatedBy: string | null;
  /** ISO 8601. */
  updatedAt: string;
};
/** A saved target: its current version and every version, oldest first (the current one last). */
export type SavedTarget = TargetVersion & { history: TargetVersion[] };

export type TargetRow = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  unit: string;
  kind: Kind;
  decimals: number;
  group: ReturnType<typeof indicatorGroup>;
  /** The catalogue's usual basis, offered for a new target. */
  defaultBasis: Basis;
  /** The year's target. */
  year: SavedTarget | null;
  /** Quarterly scenarios I–IV. */
  quarters: [SavedTarget | null, SavedTarget | null, SavedTarget | null, SavedTarget | null];
};

export type IndicatorForTargets = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  unit: string;
  kind: Kind;
  decimals: number;
  targetBasis: Basis;
};
export type TargetForRows = TargetVersion & { id: number; indicator: string; quarter: number | null };
export type RevisionForRows = TargetVersion & { targetId: number };

/** One row per indicator in catalogue order, with the year's target, its scenarios and their histories. */
export function buildTargetRows(
  catalogue: IndicatorForTargets[],
  saved: TargetForRows[],
  revisions: RevisionForRows[],
): TargetRow[] {
  const historyOf = new Map<number, TargetVersion[]>();
  for (const { targetId, ...r } of [...revisions].sort((a, b) => a.version - b.version)) {
    historyOf.set(targetId, [...(historyOf.get(targetId) ?? []), r]);
  }
  const byKey = new Map<string, SavedTarget>();
  for (const { id, indicator, quarter, ...t } of saved) {
    byKey.set(`${indicator}|${quarter ?? 0}`, { ...t, history: historyOf.get(id) ?? [] });
  }
  const at = (code: string, quarter: number) => byKey.get(`${code}|${quarter}`) ?? null;
  return catalogue.map((i) => ({
    code: i.code,
    parentCode: i.parentCode,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    unit: i.unit,
    kind: i.kind,
    decimals: i.decimals,
    group: indicatorGroup(i.code),
    // An index's target is always a growth rate, whatever the catalogue says.
    defaultBasis: i.kind === "index" ? "growth" : i.targetBasis,
    year: at(i.code, 0),
    quarters: [at(i.code, 1), at(i.code, 2), at(i.code, 3), at(i.code, 4)],
  }));
}
