/**
 * Figures read out of a report's text (domain.md §10), by rules, deterministically: a sentence is
 * a subject (an indicator), a period, verbs with values and units, and comparisons. Whatever cannot
 * be read without guessing — an unknown subject, another province or year, "khoảng", a range, a
 * percentage against nothing — is returned as not taken, with the reason, never guessed.
 * Pure: the caller hands in the text, the fallback month and the province names.
 */
import { parseVietnameseNumber } from "../numbers";
import type { Measure } from "../sheet";
import {
  ALL_UNIT_FORMS,
  type Family,
  INDICATOR_BY_CODE,
  INDICATOR_NAMES,
  type IndicatorName,
  MONTH_WORDS,
  matchingCopy,
  SECTOR_VARIANTS,
  type Sector,
  sectorCode,
  UNMAPPED_SUBJECTS,
  unitFactor,
} from "./names";

export type Vintage = "estimate" | "preliminary" | "official";

export type ExtractedFigure = {
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  /** The sentence the figure was read from, and where it is in the (NFC) text. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Where the phrase the figure was read from is (e.g. "ước tăng 4,14% so với tháng trước"). */
  start: number;
  end: number;
  text: string;
};

export type UnmatchedReason =
  | "unknown_subject"
  | "other_province"
  | "other_year"
  | "approximate"
  | "range"
  | "no_comparison"
  | "comparison"
  | "plan"
  | "target"
  | "points"
  | "unit"
  | "number"
  | "change_amount"
  | "share"
  | "respectively"
  | "period"
  | "duplicate"
  | "not_understood";

export type Unmatched = {
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  start: number;
  end: number;
  text: string;
  reason: UnmatchedReason;
};

export type ExtractOptions = {
  /** The report's month (`2024-01`): the period of a text that names none; its year is the one asked. */
  period: string;
  /** The province's names as the report writes them ("Lào Cai"). */
  ownNames: string[];
  /** Every other province's names: a figure about one of them is not taken. */
  otherNames: string[];
};

export type ExtractResult = { figures: ExtractedFigure[]; unmatched: Unmatched[] };

// ── Patterns ─────────────────────────────────────────────────────────────────

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (items: string[]) =>
  [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");

const NUM = String.raw`[+\-−]?\d[\d.,]*\d|[+\-−]?\d`;
const UNIT_RE = new RegExp(String.raw`^\s*(${alternation(ALL_UNIT_FORMS)})${R}`, "u");

const VALUE_RE = new RegExp(
  String.raw`(?:${L}(?:(?<vin>ước tính|ước thực hiện|ước|sơ bộ)\s+)?(?<verb>tăng trưởng|tăng|giảm|đạt|bằng|là|ở mức|chiếm|vượt|cao hơn|thấp hơn)(?<adv>(?:\s+(?:nhẹ|mạnh|cao|khá|lên|xuống|còn|được|khoảng|gần|hơn|trên|dưới|xấp xỉ|chừng|tới|từ|mức|lần lượt|tương ứng|gấp))*)\s*:?|(?<colon>:))\s+(?<num>${NUM})(?:\s*(?:-|–|—|đến|tới)\s*(?<num2>${NUM}))?(?<pct>\s?%)?`,
  "gu",
);
const APPROXIMATE = ["khoảng", "gần", "hơn", "trên", "dưới", "xấp xỉ", "chừng", "tới", "gấp"];
const RESPECTIVELY = ["lần lượt", "tương ứng"];

const SO_VOI_RE = new RegExp(String.raw`${L}so(?:\s+với)?\s+`, "gu");
const YEAR_REF = String.raw`(?:\s+năm\s+(?<ref>trước|ngoái|\d{4}))?`;
/** What a comparison is against, read from the start of the phrase after "so với" (or right after a value). */
const COMPARE_FORMS: [RegExp, (m: RegExpExecArray) => Compare][] = [
  [/^(?:tháng trước(?: đó)?|tháng liền (?:kề )?trước|tháng liền kề)(?![\p{L}])/u, () => ({ kind: "mom" })],
  [
    new RegExp(String.raw`^(?:cùng kỳ|tháng cùng kỳ|cùng thời điểm|cùng kì)${YEAR_REF}(?![\p{L}\p{N}])`, "u"),
    (m) => ({ kind: "yoy", ref: m.groups?.ref }),
  ],
  [/^năm (?<ref>trước|ngoái)(?![\p{L}])/u, (m) => ({ kind: "yoy", ref: m.groups?.ref })],
  [
    /^(?:kế hoạch|kh|chỉ tiêu|mục tiêu|kịch bản|dự toán)(?:\s+(?:kế hoạch|năm|được giao|giao|đề ra|tỉnh giao|của tỉnh))*(?:\s+(?:năm\s+)?\d{4})?(?![\p{L}\p{N}])/u,
    () => ({ kind: "plan" }),
  ],
];

const YTD_WORDS: Record<string, number> = {
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  "mười một": 11,
  "mười hai": 12,
};
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const YEAR_TAIL = String.raw`(?:\s*[/.-]\s*(?<y>\d{4})|\s+năm\s+(?<y2>\d{4})|\s+năm\s+nay)?`;

const PERIOD_FORMS: { re: RegExp; read: (m: RegExpExecArray, original: string) => PeriodPhrase | null }[] = [
  {
    // "lũy kế (từ đầu năm) đến hết tháng 10", "tính từ đầu năm đến tháng 10/2026"
    re: new RegExp(
      String.raw`${L}(?:(?:lũy kế|cộng dồn)(?:\s+từ\s+đầu\s+năm)?|(?:tính\s+)?từ\s+đầu\s+năm)\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?tháng\s+(?<m>\d{1,2})(?!\d)${YEAR_TAIL}`,
      "gu",
    ),
    read: (m) => ({ kind: "ytd", n: Number(m.groups?.m), year: yearOf(m) }),
  },
  {
    // "(tính) đến (hết) tháng 10": the level at the month's end, or the cumulative of a flow
    re: new RegExp(
      String.raw`${L}(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?tháng\s+(?<m>\d{1,2})(?!\d)${YEAR_TAIL}`,
      "gu",
    ),
    read: (m) => ({ kind: "upto", n: Number(m.groups?.m), year: yearOf(m) }),
  },
  {
    // "10 tháng năm 2026", "lũy kế 10 tháng", "tính chung 10 tháng đầu năm", "6 tháng đầu năm", "sáu tháng"
    re: new RegExp(
      String.raw`${L}(?:(?:lũy kế|cộng dồn|tính chung|trong|sau)\s+)?(?<n>\d{1,2}|${alternation(Object.keys(YTD_WORDS))})\s+tháng(?<half>\s+đầu\s+năm|\s+cuối\s+năm|\s+đầu)?(?:\s+(?:năm\s+)?(?<y>\d{4})|\s+năm\s+(?<rel>nay))?${R}`,
      "gu",
    ),
    read: (m) => {
      const raw = m.groups?.n ?? "";
      const n = /^\d+$/.test(raw) ? Number(raw) : YTD_WORDS[raw];
      if (m.groups?.half?.includes("cuối")) return { kind: "unsupported", n: null, year: yearOf(m) };
      return n >= 1 && n <= 12 ? { kind: "ytd", n, year: yearOf(m) } : null;
    },
  },
  {
    re: new RegExp(String.raw`${L}nửa\s+(?<h>đầu|cuối)\s+năm(?:\s+(?<y>\d{4}))?${R}`, "gu"),
    read: (m) =>
      m.groups?.h === "đầu"
        ? { kind: "ytd", n: 6, year: yearOf(m) }
        : { kind: "unsupported", n: null, year: yearOf(m) },
  },
  {
    re: new RegExp(String.raw`${L}lũy kế(?:\s+từ\s+đầu\s+năm)?${R}|${L}(?:tính\s+)?từ\s+đầu\s+năm${R}`, "gu"),
    read: () => ({ kind: "ytd", n: null, year: null }),
  },
  {
    re: new RegExp(String.raw`${L}quý\s+(?<q>iv|i{1,3}|[1-4])${R}${YEAR_TAIL}`, "gu"),
    read: (m) => ({ kind: "quarter", n: ROMAN[m.groups?.q ?? ""], year: yearOf(m) }),
  },
  {
    re: new RegExp(String.raw`${L}tháng\s+(?<m>\d{1,2})(?![\d.,]*\s*(?:tháng|%))(?!\d)${YEAR_TAIL}`, "gu"),
    read: (m) => {
      const n = Number(m.groups?.m);
      return n >= 1 && n <= 12 ? { kind: "month", n, year: yearOf(m) } : null;
    },
  },
  {
    // "tháng Mười", "tháng Giêng": only capitalised, so "tháng năm" in running text is not May.
    re: new RegExp(
      String.raw`${L}tháng\s+(?<w>${alternation(Object.keys(MONTH_WORDS))})${R}(?:\s*[/-]\s*(?<y>\d{4})|\s+năm\s+(?<y2>\d{4}))?`,
      "gu",
    ),
    read: (m, original) => {
      const word = m.groups?.w ?? "";
      const at = m.index + m[0].indexOf(word, 5);
      const first = original[at];
      if (!first || first === first.toLowerCase()) return null;
      return { kind: "month", n: MONTH_WORDS[word], year: yearOf(m) };
    },
  },
  {
    re: new RegExp(String.raw`${L}(?:cả\s+)?năm\s+(?<y>\d{4})${R}`, "gu"),
    read: (m) => ({ kind: "year", n: null, year: yearOf(m) }),
  },
  {
    re: new RegExp(String.raw`${L}(?:ước\s+)?cả\s+năm(?:\s+nay)?${R}|${L}năm\s+nay${R}`, "gu"),
    read: () => ({ kind: "year", n: null, year: null }),
  },
  {
    // A figure of the same period a year earlier, named as a period ("Cùng kỳ năm 2025, …").
    re: new RegExp(
      String.raw`${L}(?:cùng kỳ|cùng kì)(?:\s+năm\s+(?<ref>trước|ngoái|\d{4}))?${R}|${L}năm\s+(?<ref2>trước|ngoái)${R}`,
      "gu",
    ),
    read: (m) => {
      const ref = m.groups?.ref ?? m.groups?.ref2;
      return { kind: "earlier", n: null, year: ref && /^\d{4}$/.test(ref) ? Number(ref) : null };
    },
  },
];

function yearOf(m: RegExpExecArray): number | null {
  const y = m.groups?.y ?? m.groups?.y2;
  return y ? Number(y) : null;
}

const SUBJECTS: { name: string; ref: SubjectRef }[] = [
  ...INDICATOR_NAMES.flatMap((ind) =>
    ind.names.map((name) => ({ name, ref: { code: ind.code } as SubjectRef })),
  ),
  ...SECTOR_VARIANTS.map(({ name, sector }) => ({ name, ref: { sector } as SubjectRef })),
  ...UNMAPPED_SUBJECTS.map((name) => ({ name, ref: { unmapped: name } as SubjectRef })),
];
const SUBJECT_BY_NAME = new Map(SUBJECTS.map((s) => [s.name, s.ref]));
const SUBJECT_RE = new RegExp(`${L}(?:${alternation(SUBJECTS.map((s) => s.name))})${R}`, "gu");

const COUNT_FORMS: { re: RegExp; code: string; needs?: RegExp; refuses?: RegExp }[] = [
  {
    re: new RegExp(
      String.raw`${L}(?:thu hút(?:\s+được|\s+mới)?|có thêm)\s+(?<num>\d+)\s+dự án(?:\s+thứ cấp)?${R}`,
      "gu",
    ),
    code: "DT.CCN_DA",
    needs: /cụm công nghiệp/u,
    refuses: /khu công nghiệp|fdi|nước ngoài/u,
  },
  {
    re: new RegExp(
      String.raw`${L}thành lập(?:\s+mới)?(?:\s+được)?\s+(?<num>\d+)\s+cụm công nghiệp${R}`,
      "gu",
    ),
    code: "DT.CCN_MOI",
  },
  {
    re: new RegExp(
      String.raw`${L}(?:cấp điện|đóng điện|đưa điện)(?:\s+lưới(?:\s+điện)?\s+quốc\s+gia)?\s+(?:cho|đến|tới|về)\s+(?<num>\d+)\s+thôn(?:,\s*bản)?\s+biên giới${R}`,
      "gu",
    ),
    code: "NL.THON_DIEN",
  },
  {
    re: new RegExp(
      String.raw`${L}(?:với\s+)?(?:tổng\s+)?vốn(?:\s+đầu\s+tư)?\s+đăng\s+ký(?:\s+(?:là|đạt))?\s+(?<num>${NUM})\s+(?<unit>${alternation(ALL_UNIT_FORMS)})${R}`,
      "gu",
    ),
    code: "DT.CCN_VON",
    needs: /cụm công nghiệp/u,
    refuses: /khu công nghiệp|fdi|nước ngoài/u,
  },
];

const VINTAGE_RE = new RegExp(`${L}(?<w>ước tính|ước thực hiện|ước|sơ bộ|chính thức)${R}`, "gu");
const TARGET_RE = new RegExp(
  `${L}(?:kế hoạch|chỉ tiêu|mục tiêu|phấn đấu|kịch bản|nghị quyết|dự kiến|dự báo|dự toán|định hướng)${R}`,
  "gu",
);
const NATIONAL_RE = new RegExp(`${L}(?:cả nước|toàn quốc|bình quân chung|vùng|khu vực)${R}`, "gu");
const APPROX_PHRASE_RE = new RegExp(
  String.raw`${L}tương đương(?:\s+với)?\s+(?:cùng kỳ|tháng trước)${R}`,
  "gu",
);
const FILLER_RE = new RegExp(
  String.raw`\(?\s*(?:theo\s+)?giá\s+(?:so sánh|hiện hành|thực tế)(?:\s+năm)?(?:\s+\d{4})?\s*\)?|${L}trên\s+địa\s+bàn(?:\s+tỉnh)?${R}|${L}toàn\s+tỉnh${R}|${L}trong\s+đó${R}`,
  "gu",
);
/** "… do nghỉ Tết Nguyên đán, …": an explanation, up to the next comma, names no subject of a figure. */
const EXPLANATION_RE = new RegExp(String.raw`${L}(?:chủ yếu\s+)?(?:do|nhờ)\s+[^,;.\d]*`, "gu");
const STRAY_RE = new RegExp(`${L}(?:${NUM})`, "gu");

/** Words that carry no subject: between a subject and its verb, or between two clauses. */
const FILLER_WORDS = new Set(
  (
    "và với của trong đó riêng còn tỉnh toàn trên địa bàn ngành nhìn chung cụ thể như sau thì so là có được đã " +
    "cũng về theo nay tính đến hết tại này các những mức đạt ước tiếp tục vẫn chỉ số nhưng song tuy nhiên " +
    "bên cạnh đồng thời ngoài ra iip"
  ).split(" "),
);

// ── Types of the spans found in a sentence ───────────────────────────────────

type Compare =
  | { kind: "mom" }
  | { kind: "yoy"; ref?: string }
  | { kind: "plan" }
  | { kind: "base"; period: PeriodPhrase }
  | { kind: "other" };

type PeriodPhrase = {
  kind: "month" | "ytd" | "upto" | "quarter" | "year" | "earlier" | "unsupported";
  n: number | null;
  year: number | null;
};

type SubjectRef = { code: string } | { sector: Sector } | { unmapped: string };

type ValueMatch = {
  vin: string | undefined;
  verb: string;
  /** The words between the verb and the number, space-separated ("lần lượt", "khoảng"). */
  adv: string;
  num: string;
  num2: string | undefined;
  pct: boolean;
  unit: string | undefined;
  /** A comparison written right after the value, without "so với" ("bằng 91% cùng kỳ"). */
  attached: Compare | null;
};

type Span = { start: number; end: number } & (
  | { type: "compare"; cmp: Compare }
  | { type: "value"; v: ValueMatch }
  | { type: "count"; code: string; num: string; unit: string | undefined }
  | { type: "period"; p: PeriodPhrase }
  | { type: "subject"; ref: SubjectRef }
  | { type: "place"; own: boolean }
  | { type: "vintage"; vintage: Vintage }
  | { type: "target" }
  | { type: "approx" }
  | { type: "break" }
  | { type: "filler" }
  | { type: "stray"; withUnit: boolean }
);

// ── Sentences ────────────────────────────────────────────────────────────────

type Sentence = { start: number; end: number; paragraph: boolean };

/** Sentences by full stops, question marks and line breaks; a line break also starts a paragraph. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = true;
  const push = (end: number, nextParagraph: boolean) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) {
      out.push({ start: s, end: e, paragraph });
      paragraph = false;
    }
    if (nextParagraph) paragraph = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n" || ch === "\r") {
      push(i, true);
      start = i + 1;
    } else if ((ch === "." || ch === "!" || ch === "?" || ch === "…") && /\s/.test(text[i + 1] ?? " ")) {
      // "TP. Hồ Chí Minh": an abbreviation before a name is not the end of a sentence.
      if (ch === "." && /(?:^|\s)(?:TP|tp|Tp|TS|ThS|PGS|GS|St)$/.test(text.slice(Math.max(0, i - 4), i)))
        continue;
      push(i + 1, false);
      start = i + 1;
    }
  }
  push(text.length, false);
  return out;
}

// ── Finding the spans ────────────────────────────────────────────────────────

class Spans {
  readonly list: Span[] = [];
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  add(span: Span): boolean {
    if (span.end <= span.start || !this.free(span.start, span.end)) return false;
    this.taken.fill(1, span.start, span.end);
    this.list.push(span);
    return true;
  }
}

function matches(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...s.matchAll(re)] as RegExpExecArray[];
}

function readCompare(phrase: string): { cmp: Compare; length: number } | null {
  for (const [re, make] of COMPARE_FORMS) {
    const m = re.exec(phrase);
    if (m) return { cmp: make(m), length: m[0].length };
  }
  for (const form of PERIOD_FORMS) {
    form.re.lastIndex = 0;
    const m = form.re.exec(phrase);
    if (m && m.index === 0) {
      const p = form.read(m, phrase);
      if (p && p.kind !== "earlier") return { cmp: { kind: "base", period: p }, length: m[0].length };
    }
  }
  return null;
}

const COMPARE_END_RE = /[,;:()]|\s(?:và|nhưng|trong đó|do|nhờ|chủ yếu)\s|\.\s|\.$/u;

function findSpans(s: string, original: string, opts: ExtractOptions): Span[] {
  const spans = new Spans(s.length);

  // 1. Comparisons introduced by "so với": the whole phrase, so its periods are not the figure's.
  for (const m of matches(SO_VOI_RE, s)) {
    const from = m.index + m[0].length;
    const rest = s.slice(from);
    const read = readCompare(rest);
    if (read) {
      spans.add({ type: "compare", start: m.index, end: from + read.length, cmp: read.cmp });
    } else if (m[0].includes("với")) {
      // "so với" something else ("so với bình quân cả nước"); a bare "so" is only a comparison
      // before a known base ("so cùng kỳ"), not in "giá so sánh".
      const stop = rest.search(COMPARE_END_RE);
      spans.add({
        type: "compare",
        start: m.index,
        end: from + (stop < 0 ? rest.length : stop),
        cmp: { kind: "other" },
      });
    }
  }

  // 2. Counts written number-first ("thu hút 5 dự án thứ cấp").
  for (const form of COUNT_FORMS) {
    if (form.needs && !form.needs.test(s)) continue;
    if (form.refuses?.test(s)) continue;
    for (const m of matches(form.re, s)) {
      spans.add({
        type: "count",
        start: m.index,
        end: m.index + m[0].length,
        code: form.code,
        num: m.groups?.num ?? "",
        unit: m.groups?.unit,
      });
    }
  }

  // 3. Values: a verb, a number, a % or a unit, and a comparison written right after.
  for (const m of matches(VALUE_RE, s)) {
    let end = m.index + m[0].length;
    const after = s.slice(end);
    if (/^\s*(?:tháng|năm)(?![\p{L}])|^\s*\//u.test(after)) continue;
    const pct = Boolean(m.groups?.pct);
    let unit: string | undefined;
    if (!pct) {
      const u = UNIT_RE.exec(after);
      if (u) {
        unit = u[1];
        end += u[0].length;
      }
    }
    let attached: Compare | null = null;
    const tail = s.slice(end);
    const lead = /^\s*(?:của\s+)?/u.exec(tail)?.[0] ?? "";
    const read = readCompare(tail.slice(lead.length));
    const attachEnd = read ? end + lead.length + read.length : end;
    if (read && spans.free(m.index, attachEnd)) {
      attached = read.cmp;
      end = attachEnd;
    }
    spans.add({
      type: "value",
      start: m.index,
      end,
      v: {
        vin: m.groups?.vin,
        // "Tổng kim ngạch xuất nhập khẩu 10 tháng: 1.280,4 triệu USD" reads as "là".
        verb: m.groups?.verb ?? "là",
        adv: (m.groups?.adv ?? "").trim().replace(/\s+/g, " "),
        num: m.groups?.num ?? "",
        num2: m.groups?.num2,
        pct,
        unit,
        attached,
      },
    });
  }

  // 4. "tương đương cùng kỳ" (about the same: no number to take), then the periods of the figures.
  for (const m of matches(APPROX_PHRASE_RE, s))
    spans.add({ type: "approx", start: m.index, end: m.index + m[0].length });
  for (const form of PERIOD_FORMS) {
    for (const m of matches(form.re, s)) {
      const p = form.read(m, original);
      if (p) spans.add({ type: "period", start: m.index, end: m.index + m[0].length, p });
    }
  }

  // 5. Explanations, subjects (longest name first), places, vintages, plan words, fillers.
  for (const m of matches(EXPLANATION_RE, s))
    spans.add({ type: "filler", start: m.index, end: m.index + m[0].length });
  for (const m of matches(SUBJECT_RE, s)) {
    const ref = SUBJECT_BY_NAME.get(m[0]);
    if (ref) spans.add({ type: "subject", start: m.index, end: m.index + m[0].length, ref });
  }
  const names = (list: string[], own: boolean) => {
    const clean = list.filter((n) => n.trim().length > 1);
    if (clean.length === 0) return;
    // Case-sensitive on the original: a place name is capitalised ("Hòa Bình", not "hòa bình").
    const re = new RegExp(
      String.raw`(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?(?<![\p{L}\p{N}])(?:${alternation(clean)})(?![\p{L}\p{N}])`,
      "gu",
    );
    for (const m of matches(re, original))
      spans.add({ type: "place", start: m.index, end: m.index + m[0].length, own });
  };
  names(opts.ownNames, true);
  names(opts.otherNames, false);
  for (const m of matches(NATIONAL_RE, s))
    spans.add({ type: "place", start: m.index, end: m.index + m[0].length, own: false });
  for (const m of matches(VINTAGE_RE, s)) {
    const w = m.groups?.w ?? "";
    const vintage: Vintage = w === "sơ bộ" ? "preliminary" : w === "chính thức" ? "official" : "estimate";
    spans.add({ type: "vintage", start: m.index, end: m.index + m[0].length, vintage });
  }
  for (const m of matches(TARGET_RE, s))
    spans.add({ type: "target", start: m.index, end: m.index + m[0].length });
  for (const m of matches(FILLER_RE, s))
    spans.add({ type: "filler", start: m.index, end: m.index + m[0].length });
  for (let i = s.indexOf(";"); i >= 0; i = s.indexOf(";", i + 1))
    spans.add({ type: "break", start: i, end: i + 1 });

  // 6. Numbers left over: a % or a unit after one means a figure this reader did not understand.
  for (const m of matches(STRAY_RE, s)) {
    const end = m.index + m[0].length;
    if (!spans.free(m.index, end)) continue;
    const unit = /^\s?%/.exec(s.slice(end)) ?? UNIT_RE.exec(s.slice(end));
    spans.add({ type: "stray", start: m.index, end: end + (unit?.[0].length ?? 0), withUnit: unit !== null });
  }
  return spans.list.sort((a, b) => a.start - b.start);
}

/** Whether the free text between two spans names something (a subject this reader does not know). */
function hasContent(gap: string): boolean {
  return gap
    .split(/[\s,.:;()"“”'‘’\-–—/+*•]+/u)
    .filter(Boolean)
    .some((w) => !FILLER_WORDS.has(w));
}

// ── Reading a sentence ───────────────────────────────────────────────────────

type PeriodCtx = { kind: PeriodPhrase["kind"]; n: number | null; year: number };

type State = {
  period: PeriodCtx;
  vintage: Vintage;
  subject: IndicatorName | "unknown" | null;
  family: Family | null;
};

type Interpretation = { measure: Measure; value: number } | { reason: UnmatchedReason };

const DECIMALS_RE = /[.,](\d+)%?$/;

/** Y% of the base → growth Y − 100, keeping the decimals the text gave ("91,06" → −8,94). */
function indexToGrowth(y: number, num: string): number {
  const decimals = DECIMALS_RE.exec(num)?.[1]?.length ?? 0;
  return Number((y - 100).toFixed(Math.min(decimals, 6)));
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function periodKey(ctx: PeriodCtx, ind: IndicatorName, fallbackMonth: number): string | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  const n = ctx.n ?? fallbackMonth;
  switch (ctx.kind) {
    case "month":
      return `${ctx.year}-${pad(n)}`;
    case "ytd":
      return `${ctx.year}-YTD${pad(n)}`;
    case "upto":
      return ind.kind === "stock" || (ind.kind === "rate" && ind.rateMeasure === "value")
        ? `${ctx.year}-${pad(n)}`
        : `${ctx.year}-YTD${pad(n)}`;
    case "quarter":
      return `${ctx.year}-Q${n}`;
    case "year":
      return String(ctx.year);
    default:
      return null;
  }
}

/** Whether a comparison's base is the one a growth rate of `period` is measured against. */
function baseMatches(cmp: Compare, ctx: PeriodCtx): "mom" | "yoy" | null {
  if (cmp.kind === "mom") return ctx.kind === "month" ? "mom" : null;
  if (cmp.kind === "yoy") {
    if (!cmp.ref || cmp.ref === "trước" || cmp.ref === "ngoái") return "yoy";
    return Number(cmp.ref) === ctx.year - 1 ? "yoy" : null;
  }
  if (cmp.kind === "base") {
    const b = cmp.period;
    const baseYear = b.year ?? ctx.year;
    if (b.kind === ctx.kind && (b.n ?? ctx.n) === ctx.n && baseYear === ctx.year - 1) return "yoy";
    if (b.kind === "month" && ctx.kind === "month" && ctx.n !== null) {
      const prev = ctx.n === 1 ? { n: 12, y: ctx.year - 1 } : { n: ctx.n - 1, y: ctx.year };
      if (b.n === prev.n && (b.year ?? prev.y) === prev.y) return "mom";
    }
  }
  return null;
}

function interpret(v: ValueMatch, cmp: Compare | null, ind: IndicatorName, ctx: PeriodCtx): Interpretation {
  const has = (words: string[]) => words.some((w) => ` ${v.adv} `.includes(` ${w} `));
  if (has(RESPECTIVELY)) return { reason: "respectively" };
  if (has(APPROXIMATE)) return { reason: "approximate" };
  if (v.num2 !== undefined || has(["từ"])) return { reason: "range" };
  if (v.verb === "chiếm") return { reason: "share" };
  if (v.verb === "cao hơn" || v.verb === "thấp hơn") return { reason: "points" };
  if (v.verb === "vượt") return { reason: cmp?.kind === "plan" ? "plan" : "not_understood" };
  if (v.unit && /^(điểm|lần)/.test(v.unit)) return { reason: "points" };
  const parsed = parseVietnameseNumber(v.pct ? `${v.num}%` : v.num, { percent: v.pct });
  if (!parsed.ok) return { reason: "number" };
  const x = parsed.value;
  if (x < 0) return { reason: "not_understood" };
  const growthVerb = v.verb === "tăng" || v.verb === "giảm" || v.verb === "tăng trưởng";
  const movesTo = has(["lên", "còn", "xuống"]);

  if (v.pct) {
    if (cmp?.kind === "plan") return { reason: "plan" };
    if (cmp) {
      const base = baseMatches(cmp, ctx);
      if (!base) return { reason: "comparison" };
      if (ind.kind === "rate" && ind.rateMeasure === "value") return { reason: "points" };
      if (
        base === "mom" &&
        !(ind.kind === "index" || ind.kind === "flow" || ind.kind === "count" || ind.kind === "stock")
      )
        return { reason: "comparison" };
      const measure: Measure = base === "mom" ? "mom_pct" : "yoy_pct";
      if (movesTo) return { reason: "not_understood" };
      if (growthVerb) return { measure, value: v.verb === "giảm" ? -x : x };
      if (v.verb === "đạt" || v.verb === "bằng" || v.verb === "là" || v.verb === "ở mức")
        return { measure, value: indexToGrowth(x, v.num) };
      return { reason: "not_understood" };
    }
    if (ind.kind === "rate") {
      if (ind.rateMeasure === "value") {
        return v.verb === "đạt" || v.verb === "là" || v.verb === "ở mức"
          ? { measure: "value", value: x }
          : { reason: "points" };
      }
      if (growthVerb || v.verb === "đạt" || v.verb === "là" || v.verb === "ở mức")
        return { measure: "yoy_pct", value: v.verb === "giảm" ? -x : x };
    }
    return { reason: "no_comparison" };
  }

  // An amount: in a unit the indicator converts from, or a bare count of a count indicator.
  if (ind.kind === "index" || ind.kind === "rate") return { reason: "unit" };
  if (growthVerb && !movesTo) return { reason: "change_amount" };
  if (!growthVerb && !["đạt", "là", "ở mức", "bằng"].includes(v.verb)) return { reason: "not_understood" };
  if (v.verb === "bằng") return { reason: "not_understood" };
  const countUnit = ["dự án", "thôn", "cụm"].includes(ind.unit);
  const factor = v.unit ? unitFactor(ind.unit, v.unit) : countUnit ? 1 : null;
  if (factor === null) return { reason: "unit" };
  return { measure: "value", value: round6(x * factor) };
}

// ── The extractor ────────────────────────────────────────────────────────────

const MONTH_KEY_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function extractFigures(input: string, opts: ExtractOptions): ExtractResult {
  const asked = MONTH_KEY_RE.exec(opts.period);
  if (!asked) throw new RangeError(`period must be a month key (YYYY-MM): ${opts.period}`);
  const askedYear = Number(asked[1]);
  const askedMonth = Number(asked[2]);
  const text = input.normalize("NFC");
  const lower = matchingCopy(text);
  const figures: ExtractedFigure[] = [];
  const unmatched: Unmatched[] = [];
  const seen = new Map<string, number>();

  const state: State = {
    period: { kind: "month", n: askedMonth, year: askedYear },
    vintage: "official",
    subject: null,
    family: null,
  };

  for (const sentence of splitSentences(text)) {
    const s = lower.slice(sentence.start, sentence.end);
    const original = text.slice(sentence.start, sentence.end);
    const spans = findSpans(s, original, opts);
    const where = (start: number, end: number) => ({
      sentence: original,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      start: sentence.start + start,
      end: sentence.start + end,
      text: original.slice(start, end),
    });
    const skip = (start: number, end: number, reason: UnmatchedReason) =>
      unmatched.push({ ...where(start, end), reason });

    if (sentence.paragraph) {
      state.subject = null;
      state.family = null;
    }
    // A sentence that names no period and no vintage continues the one before (domain.md §10).
    const restarts = spans.some(
      (sp) => sp.type === "period" || sp.type === "vintage" || (sp.type === "value" && sp.v.vin),
    );
    if (restarts) state.vintage = "official";

    let lastCompare: Compare | null = null;
    let target = false;
    let otherPlace = false;
    let unknownPending = false;
    let pending: {
      span: Span & { type: "value" };
      cmp: Compare | null;
      vintage: Vintage;
      spoiled: boolean;
      /** Where the phrase ends: after its comparison, when one follows. */
      end: number;
    } | null = null;
    let cursor = 0;

    const take = (
      code: string,
      period: string,
      measure: Measure,
      value: number,
      vintage: Vintage,
      start: number,
      end: number,
    ) => {
      const key = `${code}|${period}|${measure}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        if (figures[earlier].value !== value) skip(start, end, "duplicate");
        return;
      }
      seen.set(key, figures.length);
      figures.push({ indicator: code, period, measure, value, vintage, ...where(start, end) });
    };

    /** The figure's subject, period and scope, or why it cannot be taken. */
    const context = (): { ind: IndicatorName; ctx: PeriodCtx } | { reason: UnmatchedReason } => {
      if (target) return { reason: "target" };
      if (otherPlace) return { reason: "other_province" };
      const ctx = state.period;
      if (ctx.kind === "earlier" || ctx.year !== askedYear) return { reason: "other_year" };
      if (ctx.kind === "unsupported") return { reason: "period" };
      if (!state.subject || state.subject === "unknown") return { reason: "unknown_subject" };
      return { ind: state.subject, ctx };
    };

    const finish = () => {
      if (!pending) return;
      const { span, spoiled, vintage: pendingVintage, end } = pending;
      const cmp = pending.cmp ?? span.v.attached ?? lastCompare;
      pending = null;
      const c = context();
      if ("reason" in c) return skip(span.start, end, c.reason);
      const read = interpret(span.v, cmp, c.ind, c.ctx);
      if ("reason" in read) return skip(span.start, end, read.reason);
      // A number with a % or a unit between the value and its comparison: the pairing is unclear.
      if (spoiled) return skip(span.start, end, "not_understood");
      const period = periodKey(c.ctx, c.ind, askedMonth);
      if (!period) return skip(span.start, end, "period");
      take(c.ind.code, period, read.measure, read.value, pendingVintage, span.start, end);
    };

    for (const span of spans) {
      if (hasContent(s.slice(cursor, span.start))) {
        // Words that name something other than a known subject: a new subject this reader does not know.
        finish();
        unknownPending = true;
      }
      cursor = Math.max(cursor, span.end);
      switch (span.type) {
        case "subject": {
          finish();
          unknownPending = false;
          const ref = span.ref;
          if ("code" in ref) {
            const ind = INDICATOR_BY_CODE.get(ref.code) ?? null;
            state.subject = ind;
            if (ind?.family) state.family = ind.family;
          } else if ("sector" in ref) {
            const ind = state.family
              ? INDICATOR_BY_CODE.get(sectorCode(state.family, ref.sector))
              : undefined;
            state.subject = ind ?? "unknown";
          } else {
            state.subject = "unknown";
          }
          break;
        }
        case "period": {
          finish();
          const p = span.p;
          const year =
            p.kind === "earlier" ? (p.year ?? state.period.year - 1) : (p.year ?? state.period.year);
          const n =
            p.kind === "ytd" && p.n === null
              ? ["month", "ytd", "upto"].includes(state.period.kind)
                ? state.period.n
                : askedMonth
              : p.n;
          state.period = { kind: p.kind, n, year };
          break;
        }
        case "vintage":
          state.vintage = span.vintage;
          break;
        case "place":
          if (!span.own) otherPlace = true;
          break;
        case "target":
          finish();
          target = true;
          break;
        case "approx":
          finish();
          skip(span.start, span.end, "approximate");
          break;
        case "break":
          // A plan word holds for the whole sentence ("phấn đấu IIP tăng 16%; xuất nhập khẩu đạt …"),
          // another province only for its clause.
          finish();
          otherPlace = false;
          break;
        case "compare":
          if (pending && pending.cmp === null) {
            pending.cmp = span.cmp;
            pending.end = span.end;
          } else if (span.cmp.kind === "mom" || span.cmp.kind === "yoy" || span.cmp.kind === "base")
            lastCompare = span.cmp;
          if (pending?.cmp && pending.cmp.kind !== "plan" && pending.cmp.kind !== "other")
            lastCompare = pending.cmp;
          break;
        case "stray":
          if (pending && span.withUnit) pending.spoiled = true;
          finish();
          if (span.withUnit) {
            const c = context();
            skip(span.start, span.end, "reason" in c ? c.reason : "not_understood");
          }
          break;
        case "count": {
          finish();
          unknownPending = false;
          const ind = INDICATOR_BY_CODE.get(span.code) as IndicatorName;
          state.subject = ind;
          const c = context();
          if ("reason" in c) {
            skip(span.start, span.end, c.reason);
            break;
          }
          const parsed = parseVietnameseNumber(span.num);
          const factor = span.unit ? unitFactor(ind.unit, span.unit) : 1;
          if (!parsed.ok || factor === null) {
            skip(span.start, span.end, parsed.ok ? "unit" : "number");
            break;
          }
          const period = periodKey(c.ctx, ind, askedMonth);
          if (period)
            take(
              ind.code,
              period,
              "value",
              round6(parsed.value * factor),
              state.vintage,
              span.start,
              span.end,
            );
          break;
        }
        case "value": {
          finish();
          if (unknownPending) state.subject = "unknown";
          unknownPending = false;
          if (span.v.vin) state.vintage = span.v.vin === "sơ bộ" ? "preliminary" : "estimate";
          pending = { span, cmp: span.v.attached, vintage: state.vintage, spoiled: false, end: span.end };
          if (
            span.v.attached &&
            (span.v.attached.kind === "mom" ||
              span.v.attached.kind === "yoy" ||
              span.v.attached.kind === "base")
          )
            lastCompare = span.v.attached;
          break;
        }
        case "filler":
          break;
      }
    }
    finish();
  }
  return { figures, unmatched };
}
