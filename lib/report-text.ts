/**
 * The report's body written from attainment rows, in the reports' own phrasing (domain.md §10):
 * subject · period · verb · value and unit · comparisons · plan. Every number is a field of a row
 * the attainment engine computed (lib/attainment.ts); nothing here divides or sums figures. The
 * only transformations are the ones the reports themselves make of the same figure: a growth
 * written as its index ("giảm 8,94%" ↔ "bằng 91,06%" uses the engine's pctOfSamePeriod), and a
 * share of plan above 100 written as what exceeds it ("vượt 2,5% kế hoạch").
 * Pure functions, no I/O.
 */
import type { AttainmentRow, AttainmentTarget, Kind, Vintage } from "./attainment";
import { formatNumber } from "./format";
import { nextPeriodCaps, periodPhrase, type ReportPeriods, reportPeriodCaps } from "./report-periods";

/**
 * An engine row, with the fields another change adds to it read when present: whether a figure is
 * provisional and which months are not approved yet.
 */
export type EngineRow = AttainmentRow & { provisional?: boolean; monthsNotApproved?: string[] };

export type ReportIndicator = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  unit: string;
  kind: Kind;
  decimals: number;
  frequency: string;
  sortOrder: number;
};

/** The engine's rows of one indicator for the report's periods (reportPeriods). */
export type RowSet = { current: EngineRow | null; toDate: EngineRow | null };

export type GeneratedParagraph = { key: string; text: string; indicators: string[] };

export type GeneratedSection = {
  key: SectionKey;
  level: 1 | 2;
  /** The heading without its number: numbers follow from which sections are printed. */
  title: string;
  paragraphs: GeneratedParagraph[];
};

export const SECTION_KEYS = [
  "results",
  "industry",
  "energy",
  "trade",
  "clusters",
  "other",
  "assessment",
  "tasks",
  "proposals",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Sections staff write themselves: printed even when empty in a draft, so the gap shows. */
export const FREE_SECTIONS: readonly SectionKey[] = ["tasks", "proposals"];

type Field = "industry" | "energy" | "trade" | "clusters" | "other";

/** The field of an indicator, from its catalogue code: CN industry, NL energy, TM trade, DT clusters. */
export function fieldOf(code: string): Field {
  if (code.startsWith("CN.")) return "industry";
  if (code.startsWith("NL.")) return "energy";
  if (code.startsWith("TM.")) return "trade";
  if (code.startsWith("DT.")) return "clusters";
  return "other";
}

/** How the reports name an indicator in a sentence; the catalogue name for any other. */
const SUBJECTS: Record<string, string> = {
  "CN.IIP": "Chỉ số sản xuất công nghiệp (IIP)",
  "CN.IIP.B": "ngành khai khoáng",
  "CN.IIP.C": "ngành công nghiệp chế biến, chế tạo",
  "CN.IIP.D": "ngành sản xuất và phân phối điện",
  "CN.IIP.E": "ngành cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải",
  "CN.VA": "Giá trị tăng thêm ngành công nghiệp",
  "CN.GTSX": "Giá trị sản xuất công nghiệp (giá so sánh)",
  "CN.GTSX.B": "ngành khai khoáng",
  "CN.GTSX.C": "ngành chế biến, chế tạo",
  "CN.GTSX.D": "ngành sản xuất và phân phối điện",
  "CN.GTSX.E": "ngành cung cấp nước, xử lý rác thải, nước thải",
  "NL.DIEN_SX": "Sản lượng điện sản xuất",
  "NL.DIEN_TP": "Sản lượng điện thương phẩm",
  "NL.TD_CS": "Tổng công suất lắp máy của các nhà máy điện đã phát điện",
  "NL.TD_SO": "Số dự án điện đã hoàn thành phát điện",
  "NL.THON_DIEN": "Số thôn biên giới được cấp điện lưới quốc gia",
  "NL.HO_DIEN": "Tỷ lệ hộ dân được sử dụng điện lưới quốc gia",
  "TM.BLDV": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
  "TM.BLDV.BL": "doanh thu bán lẻ hàng hóa",
  "TM.BLDV.LTAU": "doanh thu dịch vụ lưu trú, ăn uống và du lịch lữ hành",
  "TM.BLDV.DVK": "doanh thu dịch vụ tiêu dùng khác",
  "TM.XNK": "Tổng kim ngạch xuất nhập khẩu",
  "TM.XNK.XK": "kim ngạch xuất khẩu",
  "TM.XNK.NK": "kim ngạch nhập khẩu",
  "DT.CCN_DA": "Số dự án thứ cấp thu hút vào các cụm công nghiệp",
  "DT.CCN_VON": "Vốn đầu tư đăng ký của các dự án vào cụm công nghiệp",
  "DT.CCN_MOI": "Số cụm công nghiệp được thành lập mới",
};

export function subjectOf(indicator: Pick<ReportIndicator, "code" | "nameVi" | "parentCode">): string {
  const known = SUBJECTS[indicator.code];
  if (known) return known;
  // A breakdown is named inside a sentence ("Trong đó: doanh thu …"), so it starts in lower case.
  if (indicator.parentCode)
    return indicator.nameVi.charAt(0).toLocaleLowerCase("vi") + indicator.nameVi.slice(1);
  return indicator.nameVi;
}

// ---------------------------------------------------------------------------------------------
// Numbers and words

const ROMAN = ["I", "II", "III", "IV"] as const;

/** A percentage as the reports write it: two decimals ("91,06%"). */
export function pct(value: number): string {
  return `${formatNumber(value, 2)}%`;
}

/** A difference in points, without its sign (the words carry it): "27,22". */
function points(value: number): string {
  return formatNumber(Math.abs(value), 2);
}

function amount(value: number, indicator: ReportIndicator): string {
  return formatNumber(value, indicator.decimals);
}

function withUnit(value: number, indicator: ReportIndicator): string {
  return indicator.unit === "%" ? pct(value) : `${amount(value, indicator)} ${indicator.unit}`;
}

const VINTAGE_PREFIX: Record<Vintage, string> = { estimate: "ước ", preliminary: "sơ bộ ", official: "" };

/** "ước đạt" for an estimate, "sơ bộ đạt" preliminary, "đạt" official. */
function reached(row: EngineRow): string {
  return `${VINTAGE_PREFIX[row.vintage ?? "official"]}đạt`;
}

/** "ước tăng 2,15%" / "giảm 3,10%": an index or a rate moving. */
function moved(row: EngineRow, growth: number, withVintage: boolean): string {
  const prefix = withVintage ? VINTAGE_PREFIX[row.vintage ?? "official"] : "";
  if (growth === 0) return `${prefix}tương đương`;
  return `${prefix}${growth > 0 ? "tăng" : "giảm"} ${pct(Math.abs(growth))}`;
}

/** Against the previous month: "tăng 3,04% so với tháng trước" (a month's row only). */
function onPreviousMonth(row: EngineRow): string | null {
  if (row.momPct === null) return null;
  if (row.momPct === 0) return "tương đương tháng trước";
  return `${row.momPct > 0 ? "tăng" : "giảm"} ${pct(Math.abs(row.momPct))} so với tháng trước`;
}

/**
 * An amount against the same period: a rise as growth ("tăng 24,80%"), a fall as the share of last
 * year it is ("bằng 91,06%"), one way for every amount in the report (domain.md §10).
 */
function amountOnSamePeriod(row: EngineRow): string | null {
  if (row.growthPct === null || row.pctOfSamePeriod === null) return null;
  if (row.growthPct === 0) return "tương đương cùng kỳ năm trước";
  if (row.growthPct > 0) return `tăng ${pct(row.growthPct)} so với cùng kỳ năm trước`;
  return `bằng ${pct(row.pctOfSamePeriod)} so với cùng kỳ năm trước`;
}

function boundWord(bound: string): string {
  if (bound === "at_least") return "trên ";
  if (bound === "at_most") return "dưới ";
  return "";
}

/** A planned amount as the plan states it: no decimals it does not have ("5.000", "1.250,5"). */
function planned(value: number, indicator: ReportIndicator): string {
  for (let d = 0; d < indicator.decimals; d++) {
    if (Number(value.toFixed(d)) === value) return formatNumber(value, d);
  }
  return amount(value, indicator);
}

/** The target as a phrase: "5.000 triệu USD", "5–8 dự án", "trên 500 tỷ đồng". */
export function levelTarget(target: AttainmentTarget, indicator: ReportIndicator): string {
  const unit = indicator.unit === "%" ? "%" : ` ${indicator.unit}`;
  if (target.valueMax !== null) {
    return `${planned(target.value, indicator)}–${planned(target.valueMax, indicator)}${unit}`;
  }
  return `${boundWord(target.bound)}${planned(target.value, indicator)}${unit}`;
}

/** "chỉ tiêu kế hoạch (tăng 10%)" or "kịch bản tăng trưởng quý I (10,66%)". */
function growthTarget(target: AttainmentTarget): string {
  const range = target.valueMax !== null ? `${formatNumber(target.value, 2)}–${pct(target.valueMax)}` : null;
  if (target.quarter) {
    return `kịch bản tăng trưởng quý ${ROMAN[target.quarter - 1]} (${range ?? pct(target.value)})`;
  }
  return `chỉ tiêu kế hoạch (tăng ${boundWord(target.bound)}${range ?? pct(target.value)})`;
}

/**
 * A growth target: met or not as the engine judged it, and the gap in percentage points
 * ("không đạt chỉ tiêu kế hoạch (tăng 10%), thấp hơn 27,22 điểm phần trăm").
 */
function growthTargetClause(row: EngineRow): string | null {
  const target = row.target;
  if (target?.basis !== "growth" || row.gapPp === null) return null;
  const what = growthTarget(target);
  const gap = row.gapPp;
  const by = (word: string) => `${word} ${points(gap)} điểm phần trăm`;
  switch (row.status) {
    case "met":
      return gap > 0 ? `đạt ${what}, ${by("cao hơn")}` : `đạt ${what}`;
    case "missed":
      return `${target.quarter ? "chưa đạt" : "không đạt"} ${what}, ${by("thấp hơn")}`;
    default:
      if (gap === 0) return `bằng ${what}`;
      return `${gap > 0 ? "cao hơn" : "thấp hơn"} ${what} ${points(gap)} điểm phần trăm`;
  }
}

/** A level target: "đạt 18,90% kế hoạch năm (5.000 triệu USD)" or "vượt 2,50% kế hoạch năm (…)". */
function levelTargetClause(row: EngineRow, indicator: ReportIndicator): string | null {
  const target = row.target;
  if (target?.basis !== "level" || target.quarter !== null) return null;
  if (row.pctOfPlan !== null) {
    const share = row.pctOfPlan > 100 ? `vượt ${pct(row.pctOfPlan - 100)}` : `đạt ${pct(row.pctOfPlan)}`;
    return `${share} kế hoạch năm (${levelTarget(target, indicator)})`;
  }
  // A rate judged against a level ("98%"): the gap in points.
  if (row.gapPp !== null) {
    const what = `kế hoạch (${levelTarget(target, indicator)})`;
    if (row.status === "met") return `đạt ${what}`;
    if (row.gapPp === 0) return `bằng ${what}`;
    return `${row.gapPp > 0 ? "cao hơn" : "thấp hơn"} ${what} ${points(row.gapPp)} điểm phần trăm`;
  }
  return null;
}

function planClause(row: EngineRow, indicator: ReportIndicator): string | null {
  return growthTargetClause(row) ?? levelTargetClause(row, indicator);
}

/** Where the engine judges the year at risk: what the remaining months need, and where the pace leads. */
function riskSentence(row: EngineRow, indicator: ReportIndicator): string | null {
  if (row.status !== "at_risk" || !row.target) return null;
  const parts: string[] = [];
  if (row.target.basis === "level" && row.requiredPerRemainingMonth !== null) {
    parts.push(
      `Để hoàn thành kế hoạch năm, các tháng còn lại cần đạt bình quân ${withUnit(row.requiredPerRemainingMonth, indicator)}/tháng`,
    );
  } else if (row.target.basis === "growth" && row.requiredGrowthPct !== null) {
    const need = row.requiredGrowthPct;
    parts.push(
      need >= 0
        ? `Để đạt chỉ tiêu kế hoạch năm, các tháng còn lại cần tăng bình quân ${pct(need)} so với cùng kỳ`
        : `Để đạt chỉ tiêu kế hoạch năm, các tháng còn lại cần đạt tối thiểu bằng ${pct(100 + need)} so với cùng kỳ`,
    );
  }
  if (row.projection !== null) {
    parts.push(`theo nhịp độ hiện nay, cả năm ước đạt ${withUnit(row.projection, indicator)}`);
  }
  if (parts.length === 0) return null;
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toLocaleUpperCase("vi")}${sentence.slice(1)}.`;
}

function join(clauses: (string | null)[]): string {
  return clauses.filter((c): c is string => c !== null && c !== "").join(", ");
}

function hasFigures(row: EngineRow | null): row is EngineRow {
  return row !== null && (row.actual !== null || row.growthPct !== null);
}

// ---------------------------------------------------------------------------------------------
// One statement per kind

/** "ước đạt 945,04 triệu USD, bằng 91,06% so với cùng kỳ năm trước[, đạt … kế hoạch năm]". */
function amountStatement(row: EngineRow, indicator: ReportIndicator, withPlan: boolean): string {
  if (row.actual === null) return "chưa có số liệu";
  // Nothing counted this period: a percentage against it says nothing ("giảm 100%").
  const none = row.actual === 0 && indicator.kind === "count";
  return join([
    `${reached(row)} ${withUnit(row.actual, indicator)}`,
    none ? null : onPreviousMonth(row),
    none ? null : amountOnSamePeriod(row),
    withPlan ? planClause(row, indicator) : null,
  ]);
}

/** "ước tăng 2,15% so với tháng trước và tăng 8,40% so với cùng kỳ năm trước[, cao hơn chỉ tiêu …]". */
function growthStatement(row: EngineRow, indicator: ReportIndicator, withPlan: boolean): string {
  if (row.growthPct === null && row.momPct === null) return "chưa có số liệu";
  const moves: string[] = [];
  let first = true;
  if (row.momPct !== null) {
    moves.push(`${moved(row, row.momPct, true)} so với tháng trước`);
    first = false;
  }
  if (row.growthPct !== null) {
    moves.push(`${moved(row, row.growthPct, first)} so với cùng kỳ năm trước`);
  }
  return join([moves.join(" và "), withPlan ? planClause(row, indicator) : null]);
}

/** A rate reported as a level ("98,50%"), or, like CN.VA, as its growth. */
function rateStatement(row: EngineRow, indicator: ReportIndicator, withPlan: boolean): string {
  if (row.actual === null) return growthStatement(row, indicator, withPlan);
  return join([`${reached(row)} ${pct(row.actual)}`, withPlan ? planClause(row, indicator) : null]);
}

function statement(row: EngineRow, indicator: ReportIndicator, withPlan: boolean): string {
  switch (indicator.kind) {
    case "index":
      return growthStatement(row, indicator, withPlan);
    case "rate":
      return rateStatement(row, indicator, withPlan);
    default:
      return amountStatement(row, indicator, withPlan);
  }
}

/** A breakdown clause: "ngành khai khoáng ước giảm 38,33% so với tháng trước và giảm 13,63% so với cùng kỳ năm trước". */
function childClause(child: ReportIndicator, row: EngineRow): string | null {
  if (!hasFigures(row)) return null;
  const subject = subjectOf(child);
  if (child.kind === "index" || child.kind === "rate")
    return `${subject} ${growthStatement(row, child, false)}`;
  if (row.actual === null) return null;
  return `${subject} ${join([`${reached(row)} ${withUnit(row.actual, child)}`, amountOnSamePeriod(row)])}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

type Catalogue = { indicators: ReportIndicator[]; rows: Map<string, RowSet> };

/** The row the plan and the breakdown are read from, and the row for the period's own figure. */
function rowsOf(periods: ReportPeriods, rows: RowSet | undefined) {
  const current = rows?.current ?? null;
  const toDate = periods.toDate ? (rows?.toDate ?? null) : current;
  const focus = periods.focus === "toDate" ? toDate : current;
  return { current, toDate, focus };
}

function indicatorParagraph(
  periods: ReportPeriods,
  indicator: ReportIndicator,
  catalogue: Catalogue,
): GeneratedParagraph | null {
  const { current, toDate, focus } = rowsOf(periods, catalogue.rows.get(indicator.code));
  const subject = subjectOf(indicator);
  const children = catalogue.indicators.filter((c) => c.parentCode === indicator.code);
  if (!hasFigures(current) && !hasFigures(toDate)) {
    // Only a monthly indicator is expected in every report; a quarterly or annual one is left out.
    if (indicator.frequency !== "month" || !(current || toDate)) return null;
    const target = ((toDate ?? current) as EngineRow | null)?.target;
    const plan =
      target?.basis === "level" && target.quarter === null
        ? ` (kế hoạch năm: ${levelTarget(target, indicator)})`
        : target?.basis === "growth" && target.quarter === null
          ? ` (${growthTarget(target)})`
          : "";
    return {
      key: indicator.code,
      text: `${subject} ${periodPhrase(periods.current)}: chưa có số liệu${plan}.`,
      indicators: [indicator.code],
    };
  }

  const sentences: string[] = [];
  if (indicator.kind === "stock") {
    // A level at the end of the period: no "tính chung".
    const row = (hasFigures(toDate) ? toDate : current) as EngineRow;
    const end =
      periods.kind === "year" ? `năm ${periods.year}` : `tháng ${periods.lastMonth}/${periods.year}`;
    sentences.push(`${subject} đến hết ${end} ${statement(row, indicator, true)}.`);
  } else if (periods.toDate && hasFigures(toDate)) {
    const head = hasFigures(current)
      ? `${subject} ${periodPhrase(periods.current)} ${statement(current, indicator, false)}; tính chung ${periodPhrase(periods.toDate)} `
      : `${subject} ${periodPhrase(periods.toDate)} `;
    sentences.push(`${head}${statement(toDate, indicator, true)}.`);
  } else {
    const row = (hasFigures(current) ? current : toDate) as EngineRow;
    const phrase = periodPhrase(hasFigures(current) ? periods.current : (periods.toDate ?? periods.current));
    sentences.push(`${subject} ${phrase} ${statement(row, indicator, true)}.`);
  }

  const planRow = toDate ?? current;
  const risk = planRow ? riskSentence(planRow, indicator) : null;
  if (risk) sentences.push(risk);

  const breakdown = children
    .map((child) => {
      const row = rowsOf(periods, catalogue.rows.get(child.code)).focus;
      return row ? childClause(child, row) : null;
    })
    .filter((c): c is string => c !== null);
  if (breakdown.length > 0) {
    const when = focus === current && periods.toDate ? `, ${periodPhrase(periods.current)}` : "";
    sentences.push(`Trong đó${when}: ${breakdown.join("; ")}.`);
  }
  return {
    key: indicator.code,
    text: capitalise(sentences.join(" ")),
    indicators: [indicator.code, ...children.map((c) => c.code)],
  };
}

const STATUS_WORDS = {
  met: "đạt hoặc vượt kế hoạch",
  on_track: "đúng tiến độ",
  at_risk: "có nguy cơ không đạt",
  missed: "không đạt kế hoạch",
} as const;

/** The general assessment's opening: how many of the year's targets stand where, as the engine judged them. */
function assessmentParagraph(periods: ReportPeriods, catalogue: Catalogue): GeneratedParagraph | null {
  const judged: { indicator: ReportIndicator; status: keyof typeof STATUS_WORDS }[] = [];
  for (const indicator of catalogue.indicators) {
    const { toDate } = rowsOf(periods, catalogue.rows.get(indicator.code));
    // Quarterly scenarios are judged in their own paragraph; here, the year's targets.
    if (toDate?.status && toDate.target && toDate.target.quarter === null) {
      judged.push({ indicator, status: toDate.status });
    }
  }
  if (judged.length === 0) return null;
  const groups = (Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[])
    .map((status) => ({ status, items: judged.filter((j) => j.status === status) }))
    .filter((g) => g.items.length > 0)
    .map(
      (g) =>
        `${g.items.length} chỉ tiêu ${STATUS_WORDS[g.status]} (${g.items
          .map((j) => subjectOf(j.indicator))
          .join("; ")})`,
    );
  const until = periods.toDate ?? periods.current;
  return {
    key: "assessment.summary",
    text: `Tính đến hết ${periodPhrase(until)}, trong ${judged.length} chỉ tiêu có kế hoạch năm: ${groups.join("; ")}.`,
    indicators: judged.map((j) => j.indicator.code),
  };
}

const FIELD_TITLES: Record<Field, string> = {
  industry: "Sản xuất công nghiệp",
  energy: "Năng lượng, điện",
  trade: "Thương mại, xuất nhập khẩu",
  clusters: "Cụm công nghiệp",
  other: "Các chỉ tiêu khác",
};

/**
 * The report's sections, in the order of a department's report: the results by field, the general
 * assessment, then the tasks and the proposals, which staff write themselves.
 */
export function writeReport(
  periods: ReportPeriods,
  indicators: ReportIndicator[],
  rows: Map<string, RowSet>,
): GeneratedSection[] {
  const ordered = [...indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const catalogue: Catalogue = { indicators: ordered, rows };
  const sections: GeneratedSection[] = [
    {
      key: "results",
      level: 1,
      title: `TÌNH HÌNH HOẠT ĐỘNG NGÀNH CÔNG THƯƠNG ${reportPeriodCaps(periods)}`,
      paragraphs: [],
    },
  ];
  for (const field of Object.keys(FIELD_TITLES) as Field[]) {
    const paragraphs = ordered
      .filter((i) => i.parentCode === null && fieldOf(i.code) === field)
      .map((i) => indicatorParagraph(periods, i, catalogue))
      .filter((p): p is GeneratedParagraph => p !== null);
    sections.push({ key: field, level: 2, title: FIELD_TITLES[field], paragraphs });
  }
  const summary = assessmentParagraph(periods, catalogue);
  sections.push({
    key: "assessment",
    level: 2,
    title: "Đánh giá chung",
    paragraphs: summary ? [summary] : [],
  });
  sections.push({
    key: "tasks",
    level: 1,
    title: `NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM ${nextPeriodCaps(periods)}`,
    paragraphs: [],
  });
  sections.push({ key: "proposals", level: 1, title: "ĐỀ XUẤT, KIẾN NGHỊ", paragraphs: [] });
  return sections;
}
