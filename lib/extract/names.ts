/**
 * How reports name the catalogue's indicators (domain.md §10): each indicator with the variants
 * seen in provincial reports and press releases, the IIP and output-value sectors that take their
 * indicator from the statement they break down, and the units an amount may be written in.
 * Pure data and text helpers shared by the report-text extractor and the spreadsheet mapping.
 */
import type { Kind, Measure } from "../sheet";

export type Family = "CN.IIP" | "CN.GTSX";
export type Sector = "B" | "C" | "D" | "E";

export type IndicatorName = {
  code: string;
  kind: Kind;
  /** The indicator's unit in the catalogue (`tỷ đồng`, `%`, `dự án`). */
  unit: string;
  /** Lower-case variants, as written (tone marks in the new style: "hòa", "lũy"). */
  names: string[];
  /** For a rate: what a bare "đạt X%" means — the share itself or a growth rate. */
  rateMeasure?: Measure;
  /** The family whose sectors a following "ngành khai khoáng" belongs to. */
  family?: Family;
};

const SECTOR_NAMES: Record<Sector, string[]> = {
  B: ["ngành công nghiệp khai khoáng", "công nghiệp khai khoáng", "ngành khai khoáng", "khai khoáng"],
  C: [
    "ngành công nghiệp chế biến, chế tạo",
    "công nghiệp chế biến, chế tạo",
    "ngành chế biến, chế tạo",
    "chế biến, chế tạo",
    "ngành chế biến chế tạo",
    "chế biến chế tạo",
  ],
  D: [
    "ngành sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    "sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    "ngành sản xuất và phân phối điện, khí đốt",
    "sản xuất và phân phối điện, khí đốt",
    "ngành sản xuất và phân phối điện",
    "sản xuất và phân phối điện",
    "ngành sản xuất, phân phối điện",
    "sản xuất, phân phối điện",
  ],
  E: [
    "ngành cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải",
    "cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải",
    "ngành cung cấp nước, quản lý và xử lý rác thải, nước thải",
    "cung cấp nước, quản lý và xử lý rác thải, nước thải",
    "ngành cung cấp nước, xử lý rác thải, nước thải",
    "cung cấp nước, xử lý rác thải, nước thải",
    "ngành cung cấp nước và xử lý rác thải, nước thải",
    "cung cấp nước và xử lý rác thải, nước thải",
    "ngành cung cấp nước",
    "cung cấp nước",
  ],
};

const SECTOR_EN: Record<Sector, string> = { B: "mining", C: "manufacturing", D: "electricity", E: "water" };

/** A sector name as written inside a full indicator name ("chỉ số sản xuất ngành khai khoáng"). */
function sectorFull(prefixes: string[], sector: Sector): string[] {
  return prefixes.flatMap((p) =>
    SECTOR_NAMES[sector].filter((n) => n.startsWith("ngành")).map((n) => `${p} ${n}`),
  );
}

export const INDICATOR_NAMES: IndicatorName[] = [
  {
    code: "CN.IIP",
    kind: "index",
    unit: "%",
    family: "CN.IIP",
    names: [
      "chỉ số sản xuất toàn ngành công nghiệp (iip)",
      "chỉ số sản xuất toàn ngành công nghiệp",
      "chỉ số sản xuất công nghiệp toàn tỉnh (iip)",
      "chỉ số sản xuất công nghiệp toàn tỉnh",
      "chỉ số sản xuất công nghiệp (iip) toàn ngành",
      "chỉ số sản xuất công nghiệp (iip)",
      "chỉ số sản xuất công nghiệp",
      "chỉ số sản xuất ngành công nghiệp",
      "chỉ số iip",
      "iip",
    ],
  },
  ...(["B", "C", "D", "E"] as const).map(
    (s): IndicatorName => ({
      code: `CN.IIP.${s}`,
      kind: "index",
      unit: "%",
      family: "CN.IIP",
      names: sectorFull(["chỉ số sản xuất", "chỉ số iip", "iip"], s),
    }),
  ),
  {
    code: "CN.VA",
    kind: "rate",
    unit: "%",
    rateMeasure: "yoy_pct",
    names: [
      "tốc độ tăng trưởng giá trị tăng thêm ngành công nghiệp",
      "tốc độ tăng giá trị tăng thêm ngành công nghiệp",
      "giá trị tăng thêm ngành công nghiệp",
      "giá trị tăng thêm toàn ngành công nghiệp",
    ],
  },
  {
    code: "CN.GTSX",
    kind: "flow",
    unit: "tỷ đồng",
    family: "CN.GTSX",
    names: [
      "giá trị sản xuất toàn ngành công nghiệp",
      "giá trị sản xuất ngành công nghiệp",
      "giá trị sản xuất công nghiệp",
      "gtsx công nghiệp",
      "gtsxcn",
    ],
  },
  ...(["B", "C", "D", "E"] as const).map(
    (s): IndicatorName => ({
      code: `CN.GTSX.${s}`,
      kind: "flow",
      unit: "tỷ đồng",
      family: "CN.GTSX",
      names: sectorFull(["giá trị sản xuất"], s),
    }),
  ),
  {
    code: "NL.DIEN_SX",
    kind: "flow",
    unit: "triệu kWh",
    names: ["sản lượng điện sản xuất", "điện sản xuất", "sản lượng điện phát", "điện năng sản xuất"],
  },
  {
    code: "NL.DIEN_TP",
    kind: "flow",
    unit: "triệu kWh",
    names: ["sản lượng điện thương phẩm", "điện thương phẩm", "điện năng thương phẩm"],
  },
  {
    code: "NL.TD_CS",
    kind: "stock",
    unit: "MW",
    names: [
      "tổng công suất lắp máy các nhà máy điện đã phát điện",
      "tổng công suất lắp máy các nhà máy điện",
      "tổng công suất lắp máy",
      "công suất lắp máy",
      "tổng công suất các nhà máy điện",
    ],
  },
  {
    code: "NL.TD_SO",
    kind: "stock",
    unit: "dự án",
    names: [
      "số dự án điện đã hoàn thành phát điện",
      "số dự án điện đã phát điện",
      "số dự án điện đang vận hành",
    ],
  },
  {
    code: "NL.THON_DIEN",
    kind: "count",
    unit: "thôn",
    names: [
      "số thôn biên giới được cấp điện lưới quốc gia",
      "số thôn biên giới được cấp điện",
      "số thôn, bản biên giới được cấp điện lưới quốc gia",
    ],
  },
  {
    code: "NL.HO_DIEN",
    kind: "rate",
    unit: "%",
    rateMeasure: "value",
    names: [
      "tỷ lệ hộ dân được sử dụng điện lưới quốc gia",
      "tỷ lệ hộ dân được sử dụng điện",
      "tỷ lệ hộ dân sử dụng điện lưới quốc gia",
      "tỷ lệ hộ dân sử dụng điện",
      "tỷ lệ hộ được sử dụng điện lưới quốc gia",
      "tỷ lệ hộ được sử dụng điện",
      "tỷ lệ hộ sử dụng điện lưới quốc gia",
      "tỷ lệ hộ sử dụng điện",
    ],
  },
  {
    code: "TM.BLDV",
    kind: "flow",
    unit: "tỷ đồng",
    names: [
      "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
      "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
      "tổng mức bán lẻ hàng hóa",
      "tổng mức bán lẻ",
      "tổng mức blhh và dtdvtd",
      "tổng mức blhh",
    ],
  },
  {
    code: "TM.BLDV.BL",
    kind: "flow",
    unit: "tỷ đồng",
    names: ["doanh thu bán lẻ hàng hóa", "bán lẻ hàng hóa"],
  },
  {
    code: "TM.BLDV.LTAU",
    kind: "flow",
    unit: "tỷ đồng",
    // Only the combined part: the catalogue does not split accommodation and food from travel.
    names: [
      "doanh thu dịch vụ lưu trú, ăn uống và du lịch lữ hành",
      "dịch vụ lưu trú, ăn uống và du lịch lữ hành",
      "doanh thu dịch vụ lưu trú, ăn uống, du lịch lữ hành",
      "dịch vụ lưu trú, ăn uống, du lịch lữ hành",
      "lưu trú, ăn uống và du lịch lữ hành",
    ],
  },
  {
    code: "TM.BLDV.DVK",
    kind: "flow",
    unit: "tỷ đồng",
    names: [
      "doanh thu dịch vụ tiêu dùng khác",
      "doanh thu dịch vụ khác",
      "dịch vụ tiêu dùng khác",
      "dịch vụ khác",
    ],
  },
  {
    code: "TM.XNK",
    kind: "flow",
    unit: "triệu USD",
    names: [
      "tổng giá trị hàng hóa xuất nhập khẩu",
      "tổng giá trị xuất nhập khẩu",
      "tổng kim ngạch xuất nhập khẩu",
      "kim ngạch xuất nhập khẩu hàng hóa",
      "kim ngạch xuất nhập khẩu",
      "giá trị xuất nhập khẩu",
      "xuất nhập khẩu",
    ],
  },
  {
    code: "TM.XNK.XK",
    kind: "flow",
    unit: "triệu USD",
    names: [
      "kim ngạch xuất khẩu hàng hóa",
      "kim ngạch hàng hóa xuất khẩu",
      "kim ngạch xuất khẩu",
      "giá trị xuất khẩu",
      "xuất khẩu",
    ],
  },
  {
    code: "TM.XNK.NK",
    kind: "flow",
    unit: "triệu USD",
    names: [
      "kim ngạch nhập khẩu hàng hóa",
      "kim ngạch hàng hóa nhập khẩu",
      "kim ngạch nhập khẩu",
      "giá trị nhập khẩu",
      "nhập khẩu",
    ],
  },
  {
    code: "DT.CCN_DA",
    kind: "count",
    unit: "dự án",
    names: ["số dự án thứ cấp thu hút vào cụm công nghiệp", "số dự án thứ cấp vào cụm công nghiệp"],
  },
  {
    code: "DT.CCN_VON",
    kind: "flow",
    unit: "tỷ đồng",
    names: [
      "vốn đầu tư đăng ký của dự án vào cụm công nghiệp",
      "vốn đầu tư đăng ký vào cụm công nghiệp",
      "vốn đăng ký vào cụm công nghiệp",
    ],
  },
  {
    code: "DT.CCN_MOI",
    kind: "count",
    unit: "cụm",
    names: ["số cụm công nghiệp được thành lập mới", "số cụm công nghiệp thành lập mới"],
  },
];

/**
 * Subjects a report names that the catalogue has no indicator for. Recognising them keeps a
 * figure about them from being read as the previous subject's.
 */
export const UNMAPPED_SUBJECTS = [
  "dịch vụ lưu trú, ăn uống",
  "doanh thu dịch vụ lưu trú, ăn uống",
  "lưu trú, ăn uống",
  "du lịch lữ hành",
  "doanh thu du lịch lữ hành",
  "doanh thu du lịch",
  "tổng sản phẩm trên địa bàn",
  "grdp",
  "chỉ số giá tiêu dùng",
  "cpi",
  "vốn đầu tư thực hiện",
  "thu ngân sách",
];

export type SectorName = { sector: Sector; name: string };

/** Every sector variant, for a "trong đó, ngành khai khoáng giảm 2,01%" breakdown. */
export const SECTOR_VARIANTS: SectorName[] = (Object.keys(SECTOR_NAMES) as Sector[]).flatMap((sector) =>
  SECTOR_NAMES[sector].map((name) => ({ sector, name })),
);

export function sectorCode(family: Family, sector: Sector): string {
  return `${family}.${sector}`;
}

export function sectorLabelEn(sector: Sector): string {
  return SECTOR_EN[sector];
}

export const INDICATOR_BY_CODE = new Map(INDICATOR_NAMES.map((i) => [i.code, i]));

/** Months written as words ("tháng Mười", "tháng Giêng"). */
export const MONTH_WORDS: Record<string, number> = {
  một: 1,
  giêng: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  "mười một": 11,
  "mười hai": 12,
  chạp: 12,
};

// ── Units ────────────────────────────────────────────────────────────────────

/** The amounts an indicator's unit can be written in, with the factor to the indicator's unit. */
const UNIT_FORMS: Record<string, [string, number][]> = {
  "tỷ đồng": [
    ["nghìn tỷ đồng", 1000],
    ["ngàn tỷ đồng", 1000],
    ["tỷ đồng", 1],
    ["tỉ đồng", 1],
    ["triệu đồng", 0.001],
  ],
  "triệu USD": [
    ["tỷ usd", 1000],
    ["tỉ usd", 1000],
    ["triệu usd", 1],
    ["triệu đô la mỹ", 1],
    ["triệu đô la", 1],
    ["nghìn usd", 0.001],
    ["ngàn usd", 0.001],
  ],
  "triệu kWh": [
    ["tỷ kwh", 1000],
    ["tỉ kwh", 1000],
    ["triệu kwh", 1],
    ["nghìn kwh", 0.001],
    ["ngàn kwh", 0.001],
  ],
  MW: [
    ["gw", 1000],
    ["mw", 1],
    ["kw", 0.001],
  ],
  "dự án": [["dự án", 1]],
  thôn: [
    ["thôn, bản", 1],
    ["thôn", 1],
  ],
  cụm: [
    ["cụm công nghiệp", 1],
    ["cụm", 1],
  ],
};

/** Unit words that make a number something other than an amount of the catalogue's units. */
export const OTHER_UNITS = [
  "điểm phần trăm",
  "điểm %",
  "điểm",
  "lần",
  "tấn",
  "nghìn tấn",
  "m3",
  "usd",
  "đồng",
  "doanh nghiệp",
  "lao động",
  "người",
  "hộ",
];

/** Every unit spelling the extractor knows, longest first (so "nghìn tỷ đồng" wins over "tỷ đồng"). */
export const ALL_UNIT_FORMS: string[] = [
  ...new Set([...Object.values(UNIT_FORMS).flatMap((forms) => forms.map(([f]) => f)), ...OTHER_UNITS]),
].sort((a, b) => b.length - a.length);

/** The factor that turns an amount written in `written` into the indicator's `unit`, or null. */
export function unitFactor(unit: string, written: string): number | null {
  const form = UNIT_FORMS[unit]?.find(([f]) => f === written);
  return form ? form[1] : null;
}

// ── Text ─────────────────────────────────────────────────────────────────────

const OLD_STYLE_TONES: Record<string, string> = {
  oà: "òa",
  oá: "óa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oè: "òe",
  oé: "óe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uỳ: "ùy",
  uý: "úy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};
const OLD_STYLE_RE = /(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/gu;
const SPACES_RE = /[\u00A0\u202F\u2009\u2007\t]/g;

/**
 * A lower-case copy of NFC text with exactly the same length, for matching: tone marks moved to
 * the new style ("hoà" → "hòa", "luỹ" → "lũy"), odd spaces made plain, each character lower-cased
 * on its own so that offsets into the copy are offsets into the original.
 */
export function matchingCopy(nfc: string): string {
  let out = "";
  for (const ch of nfc) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(SPACES_RE, " ").replace(OLD_STYLE_RE, (m) => OLD_STYLE_TONES[m] ?? m);
}

/** A label as a key: NFC, lower case, tones in the new style, spaces and punctuation collapsed. */
export function labelKey(text: string): string {
  return matchingCopy(text.normalize("NFC").trim())
    .replace(/^(?:[-–—+*•]\s*|(?:[ivx]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+)+/u, "")
    .replace(/\s+/g, " ")
    .replace(/[\s:;.]+$/, "");
}

/** The province's own name as reports write it: "Tỉnh Lào Cai" → "Lào Cai". */
export function shortProvinceName(nameVi: string): string {
  return nameVi.replace(/^(Tỉnh|Thành phố)\s+/u, "").trim();
}
