/**
 * Synthetic monthly series for the demo provinces.
 *
 * The published articles give only a handful of figures (half-year sums, a few monthly rates, some
 * annual growth rates). The demo needs complete monthly series around them, so this module invents
 * plausible ones (trend, seasonality with the Lunar New Year, noise) and then bends them until every
 * published input row (`role = input` in data/article-figures.csv) follows from them, rounded as the
 * report rounds. The published rows themselves are seeded separately, so no figure is emitted for a
 * (province, indicator, period, measure) that one of them already covers.
 *
 * Pure and deterministic: no I/O, no clock, no Math.random (every random draw comes from mulberry32
 * seeded by the series' name), so two calls give the same figures, and changing `lastMonth` only
 * adds or removes months at the end (earlier values do not move; only their vintage may change).
 */

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export type SeedFigure = {
  provinceId: string;
  indicator: string;
  period: string;
  measure: "value" | "level" | "yoy_pct" | "mom_pct";
  value: number;
  vintage: "estimate" | "preliminary" | "official";
  note: string;
};

export type ArticleRow = {
  provinceId: string;
  indicator: string;
  period: string;
  measure: string;
  value: number;
  valueMax: number | null;
  vintage: string | null;
  role: "input" | "expected";
};

const DEFAULT_LAST_MONTH = "2026-10";

/**
 * Monthly figures for every predecessor of the four demo provinces (2022-01 .. 2025-06: the four
 * that published figures and the provinces merged with them) and for the successors
 * (2025-07 .. lastMonth): flows with their breakdowns, counts, stocks, and IIP levels with their
 * year-on-year and month-on-month rates.
 */
export function syntheticFigures(articleRows: ArticleRow[], opts: { lastMonth?: string } = {}): SeedFigure[] {
  const lastMonth = parseLastMonth(opts.lastMonth ?? DEFAULT_LAST_MONTH);
  const facts = parsePublishedFacts(articleRows);
  const published = new Set(articleRows.filter((r) => r.role === "input").map(figureKey));
  const figures: SeedFigure[] = [];
  const emit = (series: ProvinceSeries, first: MonthIndex, last: MonthIndex) =>
    figures.push(...seriesToFigures(series, first, last, lastMonth, published));

  const formers = new Map<string, ProvinceSeries>();
  for (const profile of FORMER_PROVINCES) {
    const series = buildProvince(profile, factsFor(facts, profile.id), lastMonth, null);
    formers.set(profile.id, series);
    emit(series, FORMER_FIRST, FORMER_LAST);
  }
  for (const successor of SUCCESSORS) {
    const predecessor = formers.get(successor.predecessorId);
    const profile = FORMER_PROVINCES.find((p) => p.id === successor.predecessorId);
    if (!predecessor || !profile) throw new Error(`No predecessor ${successor.predecessorId}`);
    // The provinces it absorbed: together they are the successor's size less the main predecessor's
    // over the last year before the merger, so that the predecessors add up to the successor there.
    for (const absorbed of successor.absorbed) {
      const own = { ...profile, id: absorbed.id, border: false };
      const series = buildProvince(own, factsFor(facts, absorbed.id), lastMonth, {
        predecessor,
        scale: absorbed.weight * (successor.scale - 1),
        absorbed: true,
      });
      emit(series, FORMER_FIRST, FORMER_LAST);
    }
    const series = buildProvince(
      { ...profile, id: successor.id, border: successor.border },
      factsFor(facts, successor.id),
      lastMonth,
      { predecessor, scale: successor.scale, absorbed: false },
    );
    emit(series, SUCCESSOR_FIRST, lastMonth);
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// The demo provinces
// ---------------------------------------------------------------------------------------------

type ProvinceProfile = {
  id: string;
  /** Border provinces connect border villages to the grid (NL.THON_DIEN); the others never do. */
  border: boolean;
  /** Monthly magnitudes around 2023; published figures recalibrate them where they exist. */
  gtsx: number;
  /** Shares of CN.GTSX by sector B (mining), C (manufacturing), D (electricity), E (water, waste). */
  gtsxShares: readonly number[];
  bldv: number;
  /** Shares of TM.BLDV: retail goods, accommodation-food-travel, other services. */
  bldvShares: readonly number[];
  xnk: number;
  exportShare: number;
  dienSx: number;
  dienTp: number;
  /** Installed capacity (MW) and plants in operation at the start of 2020. */
  capacityMw: number;
  plants: number;
  /** Chance that a new power plant starts generating in a given month. */
  newPlantChance: number;
};

// Mountain provinces: hydro dominates electricity, Lào Cai has the big border gate and the copper
// and apatite industry, Hòa Bình has the Hòa Bình hydro plant.
const FORMER_PROVINCES: readonly ProvinceProfile[] = [
  {
    id: "02", // Hà Giang
    border: true,
    gtsx: 2200,
    gtsxShares: [0.2, 0.25, 0.5, 0.05],
    bldv: 1250,
    bldvShares: [0.66, 0.24, 0.1],
    xnk: 26,
    exportShare: 0.55,
    dienSx: 130,
    dienTp: 45,
    capacityMw: 700,
    plants: 50,
    newPlantChance: 0.12,
  },
  {
    id: "10", // Lào Cai
    border: true,
    gtsx: 3400,
    gtsxShares: [0.25, 0.55, 0.17, 0.03],
    bldv: 2900,
    bldvShares: [0.7, 0.2, 0.1],
    xnk: 165,
    exportShare: 0.45,
    dienSx: 205,
    dienTp: 170,
    capacityMw: 1050,
    plants: 68,
    newPlantChance: 0.12,
  },
  {
    id: "06", // Bắc Kạn
    border: false,
    gtsx: 2000,
    gtsxShares: [0.4, 0.45, 0.12, 0.03],
    bldv: 1100,
    bldvShares: [0.8, 0.12, 0.08],
    xnk: 8,
    exportShare: 0.7,
    dienSx: 45,
    dienTp: 30,
    capacityMw: 95,
    plants: 14,
    newPlantChance: 0.07,
  },
  {
    id: "17", // Hòa Bình
    border: false,
    gtsx: 3000,
    gtsxShares: [0.03, 0.55, 0.38, 0.04],
    bldv: 1450,
    bldvShares: [0.7, 0.2, 0.1],
    xnk: 17,
    exportShare: 0.65,
    dienSx: 650,
    dienTp: 75,
    capacityMw: 2150,
    plants: 38,
    newPlantChance: 0.07,
  },
];

/**
 * A former province absorbed into a successor beside the main predecessor. Nothing of it is
 * published in the article file, so it is sized from the successor: `weight` is its share of what
 * the successor is beyond the main predecessor (`scale − 1`) over the year before the merger. It
 * takes the main predecessor's mix (sector shares, exports), so that the predecessors' parts add up
 * to the successor's parts as well as their totals.
 */
type Absorbed = { id: string; weight: number };

/**
 * The merged provinces from 1 July 2025; `scale` is their size against the main predecessor over
 * the year before the merger, and `absorbed` the other predecessors (provinces.csv), which make up
 * the difference: the predecessors add up to the successor, month by month, across the merger.
 */
const SUCCESSORS: readonly {
  id: string;
  predecessorId: string;
  scale: number;
  border: boolean;
  absorbed: readonly Absorbed[];
}[] = [
  {
    id: "08-2025", // Tuyên Quang: former Tuyên Quang + Hà Giang
    predecessorId: "02",
    scale: 2.2,
    border: true,
    absorbed: [{ id: "08", weight: 1 }],
  },
  {
    id: "15-2025", // Lào Cai: former Lào Cai + Yên Bái
    predecessorId: "10",
    scale: 1.8,
    border: true,
    absorbed: [{ id: "15", weight: 1 }],
  },
  {
    id: "19-2025", // Thái Nguyên: former Thái Nguyên + Bắc Kạn
    predecessorId: "06",
    scale: 3.0,
    border: false,
    absorbed: [{ id: "19", weight: 1 }],
  },
  {
    id: "25-2025", // Phú Thọ: former Phú Thọ + Vĩnh Phúc + Hòa Bình
    predecessorId: "17",
    scale: 2.5,
    border: false,
    absorbed: [
      { id: "25", weight: 0.45 },
      { id: "26", weight: 0.55 },
    ],
  },
];

/** Every former province the synthetic series cover: the four that published, then the absorbed ones. */
export const SYNTHETIC_FORMERS: readonly string[] = [
  ...["02", "10", "06", "17"],
  ...SUCCESSORS.flatMap((s) => s.absorbed.map((a) => a.id)),
];
export const SYNTHETIC_SUCCESSORS: readonly string[] = SUCCESSORS.map((s) => s.id);

// ---------------------------------------------------------------------------------------------
// Months and the Lunar New Year
// ---------------------------------------------------------------------------------------------

/** A month as year * 12 + (month - 1), so consecutive months are consecutive integers. */
type MonthIndex = number;
type Block = { first: MonthIndex; last: MonthIndex };

function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}
const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
const monthOf = (m: MonthIndex): number => (m % 12) + 1;
const formatMonth = (m: MonthIndex): string => `${yearOf(m)}-${String(monthOf(m)).padStart(2, "0")}`;
const daysInMonth = (m: MonthIndex): number => new Date(Date.UTC(yearOf(m), monthOf(m), 0)).getUTCDate();

function parseMonth(text: string): MonthIndex | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return match ? monthIndex(Number(match[1]), Number(match[2])) : null;
}

function blockMonths(block: Block): MonthIndex[] {
  const months: MonthIndex[] = [];
  for (let m = block.first; m <= block.last; m++) months.push(m);
  return months;
}
const shiftBlock = (block: Block, by: number): Block => ({ first: block.first + by, last: block.last + by });

// Indices need 2020 (the base year, average = 100) and 2021 (so 2022 has a year-on-year rate).
const INTERNAL_FIRST = monthIndex(2020, 1);
const FORMER_FIRST = monthIndex(2022, 1);
const FORMER_LAST = monthIndex(2025, 6);
const SUCCESSOR_FIRST = monthIndex(2025, 7);

/** Lunar New Year (mùng 1 Tết), month and day. The table bounds the years this module can generate. */
const TET_DATES: Record<number, readonly [number, number]> = {
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
  2031: [1, 23],
  2032: [2, 11],
  2033: [1, 31],
  2034: [2, 19],
  2035: [2, 8],
};
const LAST_SUPPORTED_MONTH = monthIndex(2035, 12);

// Days relative to mùng 1: the holiday when offices, factories and border gates close, and the
// shopping weeks before it.
const HOLIDAY: readonly [number, number] = [-3, 7];
const PRE_TET: readonly [number, number] = [-20, -1];

/** Share of the days of a window around Tết that fall in the given month (0 when none do). */
function tetWindowShare(month: MonthIndex, [fromDay, toDay]: readonly [number, number]): number {
  const year = yearOf(month);
  const tet = TET_DATES[year];
  if (tet === undefined) throw new RangeError(`No Lunar New Year date for ${year}`);
  const tetTime = Date.UTC(year, tet[0] - 1, tet[1]);
  let inMonth = 0;
  for (let day = fromDay; day <= toDay; day++) {
    const date = new Date(tetTime + day * 86_400_000);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === monthOf(month) - 1) inMonth++;
  }
  return inMonth / (toDay - fromDay + 1);
}

function parseLastMonth(text: string): MonthIndex {
  const month = parseMonth(text);
  if (month === null) throw new RangeError(`lastMonth must look like "2026-10", got "${text}"`);
  if (month < SUCCESSOR_FIRST || month > LAST_SUPPORTED_MONTH) {
    throw new RangeError(
      `lastMonth must be between ${formatMonth(SUCCESSOR_FIRST)} and ${formatMonth(LAST_SUPPORTED_MONTH)}`,
    );
  }
  return month;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per purpose and series, so adding a series never shifts another one. */
function rngFor(name: string): Rng {
  let hash = 0x811c9dc5; // FNV-1a
  for (const ch of name) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash >>> 0);
}

const uniform = (rng: Rng, low: number, high: number): number => low + (high - low) * rng();

/** A multiplicative shock exp(sigma * z), z standard normal clipped at ±3: always positive. */
function noiseFactor(rng: Rng, sigma: number): number {
  const u1 = 1 - rng();
  const u2 = rng();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.exp(sigma * Math.max(-3, Math.min(3, z)));
}

// ---------------------------------------------------------------------------------------------
// Seasonality and trend
// ---------------------------------------------------------------------------------------------

type Season = {
  /** Relative daily intensity by calendar month (normalised to a mean of 1). */
  monthly: readonly number[];
  /** Effect of the Tết holiday on a month that contains all of it (-0.16 = 16% lower). */
  holiday: number;
  /** Effect of the pre-Tết shopping weeks. */
  preTet: number;
};

const INDUSTRY: Season = {
  monthly: [1, 1, 1, 0.99, 1, 1, 1, 1, 1, 1.01, 1.02, 1.04],
  holiday: -0.16,
  preTet: 0.03,
};
const MINING: Season = {
  monthly: [0.98, 1, 1, 1, 0.99, 0.97, 0.96, 0.96, 0.98, 1.02, 1.05, 1.07],
  holiday: -0.2,
  preTet: 0,
};
// Run-of-river hydro follows the rains: low in the dry season, high from June to September.
const HYDRO: Season = {
  monthly: [0.76, 0.74, 0.72, 0.76, 0.9, 1.08, 1.26, 1.32, 1.24, 1.04, 0.9, 0.82],
  holiday: -0.02,
  preTet: 0,
};
const UTILITIES: Season = {
  monthly: [1, 1, 1, 1, 1.02, 1.03, 1.03, 1.02, 1, 1, 0.99, 1],
  holiday: -0.05,
  preTet: 0,
};
const RETAIL: Season = {
  monthly: [1, 0.99, 0.97, 0.97, 0.98, 0.98, 1, 1, 0.99, 1, 1.02, 1.06],
  holiday: -0.08,
  preTet: 0.1,
};
// Spring festivals fill hotels and restaurants during the holiday itself.
const TOURISM: Season = {
  monthly: [1, 1.05, 1.02, 1.02, 1.05, 1.02, 1.05, 1.04, 0.92, 0.95, 0.95, 1],
  holiday: 0.08,
  preTet: 0,
};
// Border gates close for the holiday; traders rush goods through before it.
const TRADE: Season = {
  monthly: [0.96, 1, 1, 1, 1, 1, 0.99, 1, 1, 1.01, 1.02, 1.04],
  holiday: -0.25,
  preTet: 0.05,
};
// Household consumption peaks with summer air conditioning.
const POWER_USE: Season = {
  monthly: [0.95, 0.88, 0.92, 0.98, 1.06, 1.12, 1.14, 1.12, 1.03, 0.98, 0.94, 0.96],
  holiday: -0.08,
  preTet: 0,
};

const AVERAGE_DAYS = 365.25 / 12;

/** Expected size of a month relative to an average one: calendar profile, length and Tết. */
function seasonalFactor(season: Season, month: MonthIndex): number {
  const mean = season.monthly.reduce((a, b) => a + b, 0) / season.monthly.length;
  const profile = (season.monthly[monthOf(month) - 1] ?? mean) / mean;
  const length = daysInMonth(month) / AVERAGE_DAYS;
  const holiday = 1 + season.holiday * tetWindowShare(month, HOLIDAY);
  const preTet = 1 + season.preTet * tetWindowShare(month, PRE_TET);
  return profile * length * holiday * preTet;
}

const TREND_FIRST_YEAR = 2020;
const TREND_LAST_YEAR = 2035;

/** Growth factor into each year (level of year y / level of year y-1). */
type YearGrowth = Map<number, number>;

/** A gentle random growth path: a series-specific pace with a little year-to-year wobble. */
function drawYearGrowth(rng: Rng, low: number, high: number): YearGrowth {
  const pace = uniform(rng, low, high);
  const growth: YearGrowth = new Map();
  // Every year is drawn whatever lastMonth is, so the draws for early years never depend on it.
  for (let year = TREND_FIRST_YEAR + 1; year <= TREND_LAST_YEAR; year++) {
    growth.set(year, pace + uniform(rng, -0.025, 0.025));
  }
  return growth;
}

/**
 * Trend level of a month relative to the middle of `referenceYear`: log-linear between the
 * middles of consecutive years, so a year's growth shows as a smooth slope rather than a January step.
 */
function trendFactor(growth: YearGrowth, referenceYear: number, month: MonthIndex): number {
  const logAtCentre = new Map<number, number>([[TREND_FIRST_YEAR, 0]]);
  for (let year = TREND_FIRST_YEAR + 1; year <= TREND_LAST_YEAR; year++) {
    logAtCentre.set(year, (logAtCentre.get(year - 1) ?? 0) + Math.log(growth.get(year) ?? 1));
  }
  const position = yearOf(month) + (monthOf(month) - 0.5) / 12 - 0.5;
  const from = Math.min(Math.max(Math.floor(position), TREND_FIRST_YEAR), TREND_LAST_YEAR - 1);
  const a = logAtCentre.get(from) ?? 0;
  const b = logAtCentre.get(from + 1) ?? 0;
  const log = a + (position - from) * (b - a) - (logAtCentre.get(referenceYear) ?? 0);
  return Math.exp(log);
}

// ---------------------------------------------------------------------------------------------
// Published facts (role = input rows) as constraints on the series
// ---------------------------------------------------------------------------------------------

/** A published amount: the sum of an indicator over a block of months (a single month included). */
type AmountFact = { indicator: string; block: Block; value: number };
/** A published growth on the same period a year earlier, in %, over a block of months. */
type GrowthFact = { indicator: string; block: Block; pct: number };
/** Published month rates of an index, in % (year-on-year and/or month-on-month). */
type RateFact = { indicator: string; month: MonthIndex; yoyPct: number | null; momPct: number | null };
type ProvinceFacts = { amounts: AmountFact[]; growths: GrowthFact[]; rates: RateFact[] };

/** Tolerance on a published ratio: half a unit of a rate published with two decimals. */
const RATIO_TOLERANCE = 0.00005;

/** Period strings of the article file: "2024-02", "2023-YTD06", "2024-Q1", "2025-H1", "2024". */
function parsePeriod(period: string): Block | null {
  const month = parseMonth(period);
  if (month !== null) return { first: month, last: month };
  const ytd = /^(\d{4})-YTD(0[1-9]|1[0-2])$/.exec(period);
  if (ytd) return { first: monthIndex(Number(ytd[1]), 1), last: monthIndex(Number(ytd[1]), Number(ytd[2])) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = monthIndex(Number(quarter[1]), Number(quarter[2]) * 3 - 2);
    return { first, last: first + 2 };
  }
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) {
    const first = monthIndex(Number(half[1]), Number(half[2]) * 6 - 5);
    return { first, last: first + 5 };
  }
  const year = /^(\d{4})$/.exec(period);
  if (year) return { first: monthIndex(Number(year[1]), 1), last: monthIndex(Number(year[1]), 12) };
  return null;
}

/**
 * Reads the input rows that say something about a generated series. Targets, plan shares, gaps
 * and indicators this module does not generate (CN.VA, DT.CCN_VON, ...) constrain no series.
 */
function parsePublishedFacts(rows: readonly ArticleRow[]): Map<string, ProvinceFacts> {
  const byProvince = new Map<string, ProvinceFacts>();
  for (const row of rows) {
    const kind = CATALOGUE.get(row.indicator)?.kind;
    const block = parsePeriod(row.period);
    if (row.role !== "input" || kind === undefined || block === null || !Number.isFinite(row.value)) continue;
    const facts = factsFor(byProvince, row.provinceId, true);
    const singleMonth = block.first === block.last;
    if (row.measure === "value") {
      facts.amounts.push({ indicator: row.indicator, block, value: row.value });
    } else if (row.measure === "yoy_pct" && !(kind === "index" && singleMonth)) {
      facts.growths.push({ indicator: row.indicator, block, pct: row.value });
    } else if ((row.measure === "yoy_pct" || row.measure === "mom_pct") && kind === "index" && singleMonth) {
      let rate = facts.rates.find((r) => r.indicator === row.indicator && r.month === block.first);
      if (!rate) {
        rate = { indicator: row.indicator, month: block.first, yoyPct: null, momPct: null };
        facts.rates.push(rate);
      }
      if (row.measure === "yoy_pct") rate.yoyPct = row.value;
      else rate.momPct = row.value;
    }
  }
  return byProvince;
}

function factsFor(all: Map<string, ProvinceFacts>, provinceId: string, create = false): ProvinceFacts {
  const existing = all.get(provinceId);
  if (existing) return existing;
  const empty: ProvinceFacts = { amounts: [], growths: [], rates: [] };
  if (create) all.set(provinceId, empty);
  return empty;
}

const figureKey = (r: { provinceId: string; indicator: string; period: string; measure: string }): string =>
  `${r.provinceId}|${r.indicator}|${r.period}|${r.measure}`;

/** A published ratio of a block of months to the same block a year earlier. */
type GrowthHint = { block: Block; ratio: number };

/**
 * The published growth of one indicator, at most one per year (the longest period wins): growth
 * rates, rates of a single month, and amounts published for the same months of two years.
 */
function publishedHints(indicator: string, facts: ProvinceFacts): Map<number, GrowthHint> {
  const candidates: GrowthHint[] = [];
  for (const g of facts.growths) {
    if (g.indicator === indicator) candidates.push({ block: g.block, ratio: 1 + g.pct / 100 });
  }
  for (const r of facts.rates) {
    if (r.indicator === indicator && r.yoyPct !== null) {
      candidates.push({ block: { first: r.month, last: r.month }, ratio: 1 + r.yoyPct / 100 });
    }
  }
  for (const a of facts.amounts) {
    if (a.indicator !== indicator) continue;
    const earlier = facts.amounts.find(
      (b) =>
        b.indicator === indicator &&
        b.block.first === a.block.first - 12 &&
        b.block.last === a.block.last - 12,
    );
    if (earlier && earlier.value > 0) candidates.push({ block: a.block, ratio: a.value / earlier.value });
  }
  const hints = new Map<number, GrowthHint>();
  const length = (b: Block) => b.last - b.first + 1;
  for (const c of candidates) {
    const year = yearOf(c.block.last);
    const current = hints.get(year);
    if (c.ratio > 0 && (!current || length(current.block) < length(c.block))) hints.set(year, c);
  }
  return hints;
}

/**
 * The trend of a series: random growth, except in years with published growth, where the trend
 * is steered so the noise-free series (trend x season) already shows the published ratio. The
 * later exact fitting then only has to absorb noise, which keeps its seams small.
 */
function steeredGrowth(
  rng: Rng,
  low: number,
  high: number,
  hints: ReadonlyMap<number, GrowthHint>,
  seasonal: (m: MonthIndex) => number,
): YearGrowth {
  const growth = drawYearGrowth(rng, low, high);
  const modelRatio = (block: Block) => {
    const sum = (b: Block) =>
      blockMonths(b).reduce((s, m) => s + trendFactor(growth, 2020, m) * seasonal(m), 0);
    return sum(block) / sum(shiftBlock(block, -12));
  };
  const seasonalSum = (b: Block) => blockMonths(b).reduce((s, m) => s + seasonal(m), 0);
  for (const [year, { block, ratio }] of hints) {
    // First guess: the published ratio net of seasonality (a February with Tết against one without).
    growth.set(year, (ratio * seasonalSum(shiftBlock(block, -12))) / seasonalSum(block));
  }
  // The smooth trend blends each year into its neighbours, so a year's growth factor is not quite
  // the ratio of its months to last year's: refine by fixed-point iteration. A single month says
  // too little about its year to be allowed to bend the whole trend that far, so it keeps its guess.
  for (let pass = 0; pass < 25; pass++) {
    for (const [year, { block, ratio }] of hints) {
      if (block.last - block.first < 2) continue;
      growth.set(year, (growth.get(year) ?? 1) * (ratio / modelRatio(block)));
    }
  }
  return growth;
}

// ---------------------------------------------------------------------------------------------
// The indicator catalogue (mirrors data/indicators.csv for the generated indicators)
// ---------------------------------------------------------------------------------------------

type Kind = "flow" | "index" | "stock" | "count";

type FlowPart = { code: string; season: Season };
type FlowFamilySpec = {
  code: string;
  decimals: number;
  noise: number;
  /** The children, which add up to the parent; an indicator without children is its own only part. */
  parts: readonly FlowPart[];
  magnitude: (p: ProvinceProfile) => number;
  shares: (p: ProvinceProfile) => readonly number[];
};

const FLOW_FAMILIES: readonly FlowFamilySpec[] = [
  {
    code: "CN.GTSX",
    decimals: 1,
    noise: 0.04,
    parts: [
      { code: "CN.GTSX.B", season: MINING },
      { code: "CN.GTSX.C", season: INDUSTRY },
      { code: "CN.GTSX.D", season: HYDRO },
      { code: "CN.GTSX.E", season: UTILITIES },
    ],
    magnitude: (p) => p.gtsx,
    shares: (p) => p.gtsxShares,
  },
  {
    code: "NL.DIEN_SX",
    decimals: 2,
    noise: 0.05,
    parts: [{ code: "NL.DIEN_SX", season: HYDRO }],
    magnitude: (p) => p.dienSx,
    shares: () => [1],
  },
  {
    code: "NL.DIEN_TP",
    decimals: 2,
    noise: 0.03,
    parts: [{ code: "NL.DIEN_TP", season: POWER_USE }],
    magnitude: (p) => p.dienTp,
    shares: () => [1],
  },
  {
    code: "TM.BLDV",
    decimals: 1,
    noise: 0.03,
    parts: [
      { code: "TM.BLDV.BL", season: RETAIL },
      { code: "TM.BLDV.LTAU", season: TOURISM },
      { code: "TM.BLDV.DVK", season: RETAIL },
    ],
    magnitude: (p) => p.bldv,
    shares: (p) => p.bldvShares,
  },
  {
    code: "TM.XNK",
    decimals: 2,
    noise: 0.06,
    parts: [
      { code: "TM.XNK.XK", season: TRADE },
      { code: "TM.XNK.NK", season: TRADE },
    ],
    magnitude: (p) => p.xnk,
    shares: (p) => [p.exportShare, 1 - p.exportShare],
  },
];

const INDEX_SEASONS: ReadonlyMap<string, Season> = new Map([
  ["CN.IIP", INDUSTRY],
  ["CN.IIP.B", MINING],
  ["CN.IIP.C", INDUSTRY],
  ["CN.IIP.D", HYDRO],
  ["CN.IIP.E", UTILITIES],
]);

/** Emission order and rounding of every generated indicator. */
const CATALOGUE: ReadonlyMap<string, { kind: Kind; decimals: number }> = new Map([
  ...[...INDEX_SEASONS.keys()].map((code) => [code, { kind: "index" as Kind, decimals: 2 }] as const),
  ...FLOW_FAMILIES.flatMap((f) =>
    [f.code, ...f.parts.map((p) => p.code)]
      .filter((code, i, all) => all.indexOf(code) === i)
      .map((code) => [code, { kind: "flow" as Kind, decimals: f.decimals }] as const),
  ),
  ["NL.TD_CS", { kind: "stock", decimals: 2 }],
  ["NL.TD_SO", { kind: "stock", decimals: 0 }],
  ["NL.THON_DIEN", { kind: "count", decimals: 0 }],
  ["DT.CCN_DA", { kind: "count", decimals: 0 }],
]);

// ---------------------------------------------------------------------------------------------
// Building one province
// ---------------------------------------------------------------------------------------------

/** Offsets into every series array: position 0 is INTERNAL_FIRST. */
const offset = (m: MonthIndex): number => m - INTERNAL_FIRST;

type ProvinceSeries = {
  provinceId: string;
  /** Flows, stocks and counts: final (already rounded) monthly values by indicator. */
  values: Map<string, number[]>;
  /** Indices: unrounded fixed-base levels (2020 = 100) by indicator. */
  levels: Map<string, number[]>;
};

/**
 * A successor province (or a province it absorbed) sized on its main predecessor's last year before
 * the merger, times `scale`. `absorbed`: a former province that stays one (its own counts and pace).
 */
type SuccessorOf = { predecessor: ProvinceSeries; scale: number; absorbed: boolean };

function buildProvince(
  profile: ProvinceProfile,
  facts: ProvinceFacts,
  lastMonth: MonthIndex,
  successorOf: SuccessorOf | null,
): ProvinceSeries {
  const values = new Map<string, number[]>();
  const levels = new Map<string, number[]>();
  for (const spec of FLOW_FAMILIES) {
    for (const [code, series] of buildFlowFamily(spec, profile, facts, lastMonth, successorOf)) {
      values.set(code, series);
    }
  }
  for (const [code, season] of INDEX_SEASONS) {
    levels.set(code, buildIndex(code, season, profile.id, facts, lastMonth));
  }
  for (const [code, series] of buildStocks(profile, facts, lastMonth, successorOf)) values.set(code, series);
  values.set(
    "NL.THON_DIEN",
    buildCounts(`${profile.id}|NL.THON_DIEN`, profile.border ? VILLAGE_ODDS : NEVER, lastMonth),
  );
  values.set(
    "DT.CCN_DA",
    buildCounts(
      `${profile.id}|DT.CCN_DA`,
      successorOf && !successorOf.absorbed ? BIG_CLUSTER_ODDS : CLUSTER_ODDS,
      lastMonth,
    ),
  );
  return { provinceId: profile.id, values, levels };
}

// ---------------------------------------------------------------------------------------------
// Flows: a parent and the children that add up to it
// ---------------------------------------------------------------------------------------------

/**
 * Working state of one flow family. Values are real numbers while the series is shaped, then
 * integer units of the indicator's last decimal (tenths, cents) while it is made exact.
 */
type FlowWork = {
  label: string;
  spec: FlowFamilySpec;
  values: number[][]; // [part][offset]
  /** Months already fitted to a published figure: later fits must not move them. */
  frozen: boolean[];
  /** Months that carry a published single-month amount: never a place to park a rounding residual. */
  pinned: boolean[];
};

/** A set of parts whose sum a published figure speaks about (all parts for the parent). */
type Component = readonly number[];
/** Published growth rates sharing one block: per component, and optionally for the parent too. */
type GrowthGroup = {
  block: Block;
  components: { component: Component; pct: number }[];
  parentPct: number | null;
};

function buildFlowFamily(
  spec: FlowFamilySpec,
  profile: ProvinceProfile,
  facts: ProvinceFacts,
  lastMonth: MonthIndex,
  successorOf: SuccessorOf | null,
): Map<string, number[]> {
  const work = rawFlowFamily(spec, profile, facts, lastMonth);
  if (successorOf) calibrateToPredecessor(work, successorOf);
  const { points, blocks } = flowConstraints(work, facts);
  calibrateToLatestAmount(work, points, blocks);
  shapeToPublished(work, points, blocks);
  roundToUnits(work, points, blocks);
  checkFlowFamily(work, points, blocks);
  return flowOutput(work);
}

function rawFlowFamily(
  spec: FlowFamilySpec,
  profile: ProvinceProfile,
  facts: ProvinceFacts,
  lastMonth: MonthIndex,
): FlowWork {
  const length = offset(lastMonth) + 1;
  const shares = spec.shares(profile);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const magnitude = spec.magnitude(profile);
  const values = spec.parts.map((part, k) => {
    const name = `${profile.id}|${part.code}`;
    const seasonal = (m: MonthIndex) => seasonalFactor(part.season, m);
    // A child follows its own published growth, else its parent's.
    const hints = publishedHints(part.code, facts);
    for (const [year, hint] of publishedHints(spec.code, facts)) if (!hints.has(year)) hints.set(year, hint);
    const growth = steeredGrowth(rngFor(`${name}|trend`), 1.04, 1.09, hints, seasonal);
    const noise = rngFor(`${name}|noise`);
    const share = (shares[k] ?? 0) / shareTotal;
    return Array.from({ length }, (_, i) => {
      const m = INTERNAL_FIRST + i;
      return magnitude * share * trendFactor(growth, 2023, m) * seasonal(m) * noiseFactor(noise, spec.noise);
    });
  });
  return {
    label: `${profile.id} ${spec.code}`,
    spec,
    values,
    frozen: new Array<boolean>(length).fill(false),
    pinned: new Array<boolean>(length).fill(false),
  };
}

function componentOf(spec: FlowFamilySpec, code: string): Component | null {
  if (code === spec.code) return spec.parts.map((_, k) => k);
  const k = spec.parts.findIndex((p) => p.code === code);
  return k >= 0 ? [k] : null;
}

const hasChildren = (spec: FlowFamilySpec): boolean => spec.parts[0]?.code !== spec.code;

type AmountConstraint = { component: Component; block: Block; target: number; what: string };
type BlockConstraint = ({ kind: "amount" } & AmountConstraint) | ({ kind: "growth" } & GrowthGroup);

/**
 * The family's published figures in the order they are fitted: single months first (they pin the
 * month), then blocks from the latest to the earliest. Growth is fitted by moving the earlier
 * block, so fitting a later figure never undoes an earlier-in-time one that was fitted before it.
 */
function flowConstraints(
  work: FlowWork,
  facts: ProvinceFacts,
): { points: AmountConstraint[]; blocks: BlockConstraint[] } {
  const points: AmountConstraint[] = [];
  const blocks: BlockConstraint[] = [];
  for (const a of facts.amounts) {
    const component = componentOf(work.spec, a.indicator);
    if (!component) continue;
    const constraint = {
      component,
      block: a.block,
      target: a.value,
      what: `${a.indicator} ${formatMonth(a.block.first)}..${formatMonth(a.block.last)}`,
    };
    if (a.block.first === a.block.last) points.push(constraint);
    else blocks.push({ kind: "amount", ...constraint });
  }
  const groups = new Map<string, GrowthGroup>();
  for (const g of facts.growths) {
    const component = componentOf(work.spec, g.indicator);
    if (!component) continue;
    const key = `${g.block.first}-${g.block.last}`;
    const group = groups.get(key) ?? { block: g.block, components: [], parentPct: null };
    groups.set(key, group);
    if (g.indicator === work.spec.code && hasChildren(work.spec)) group.parentPct = g.pct;
    else group.components.push({ component, pct: g.pct });
  }
  for (const group of groups.values()) {
    if (group.parentPct !== null && group.components.length === 0) {
      group.components.push({
        component: componentOf(work.spec, work.spec.code) ?? [],
        pct: group.parentPct,
      });
      group.parentPct = null;
    } else if (group.parentPct !== null && group.components.length !== work.spec.parts.length) {
      // A parent rate with only some children's rates has no unique composition to fit.
      throw new Error(`${work.label}: growth published for the parent and only some children`);
    }
    blocks.push({ kind: "growth", ...group });
  }
  blocks.sort((a, b) => b.block.last - a.block.last || b.block.first - a.block.first);
  return { points, blocks };
}

function componentSum(work: FlowWork, component: Component, months: readonly MonthIndex[]): number {
  let sum = 0;
  for (const m of months) for (const k of component) sum += work.values[k]?.[offset(m)] ?? 0;
  return sum;
}

function scaleComponent(
  work: FlowWork,
  component: Component,
  months: readonly MonthIndex[],
  factor: number,
): void {
  for (const m of months) {
    for (const k of component) {
      const part = work.values[k];
      if (part) part[offset(m)] = (part[offset(m)] ?? 0) * factor;
    }
  }
}

const isFrozen = (work: { frozen: boolean[] }, m: MonthIndex): boolean => work.frozen[offset(m)] ?? false;
function freeze(work: { frozen: boolean[] }, block: Block): void {
  for (const m of blockMonths(block)) work.frozen[offset(m)] = true;
}

/**
 * Which other months move with a block being fitted: none, the history before it (so the series
 * keeps its shape there and only one seam appears, where the block ends), or the whole series (for
 * a change of mix, which is a trait of the province rather than of one period).
 */
type Spread = "block" | "history" | "series";

/** Scales the not-yet-fitted months of a block (and its spread) so the block sums to `target`. */
function fitBlockTotal(
  work: FlowWork,
  component: Component,
  block: Block,
  target: number,
  what: string,
  spread: Spread = "block",
): void {
  const months = blockMonths(block);
  const free = months.filter((m) => !isFrozen(work, m));
  const fixed = componentSum(work, component, months) - componentSum(work, component, free);
  const factor = (target - fixed) / componentSum(work, component, free);
  if (!(factor > 0 && Number.isFinite(factor))) throw new Error(`${work.label}: cannot fit ${what}`);
  const outside: MonthIndex[] = [];
  const lastOutside = spread === "series" ? INTERNAL_FIRST + work.frozen.length - 1 : block.first - 1;
  if (spread !== "block") {
    for (let m = INTERNAL_FIRST; m <= lastOutside; m++) {
      if (!isFrozen(work, m) && (m < block.first || m > block.last)) outside.push(m);
    }
  }
  scaleComponent(work, component, [...free, ...outside], factor);
}

/** Sets the overall size from the most recent published amount of the whole family. */
function calibrateToLatestAmount(
  work: FlowWork,
  points: AmountConstraint[],
  blocks: BlockConstraint[],
): void {
  const whole = work.spec.parts.length;
  const amounts = [
    ...points,
    ...blocks.filter((b): b is BlockConstraint & { kind: "amount" } => b.kind === "amount"),
  ]
    .filter((a) => a.component.length === whole)
    .sort((a, b) => b.block.last - a.block.last);
  const latest = amounts[0];
  if (!latest) return;
  const all = work.spec.parts.map((_, k) => k);
  const factor = latest.target / componentSum(work, all, blockMonths(latest.block));
  work.values = work.values.map((part) => part.map((v) => v * factor));
}

/** A successor's last pre-merger year is its predecessor's, times the absorbed provinces' weight. */
function calibrateToPredecessor(work: FlowWork, { predecessor, scale }: SuccessorOf): void {
  const year = blockMonths({ first: SUCCESSOR_FIRST - 12, last: SUCCESSOR_FIRST - 1 });
  const before = predecessor.values.get(work.spec.code);
  if (!before) return;
  const target = scale * year.reduce((sum, m) => sum + (before[offset(m)] ?? 0), 0);
  const all = work.spec.parts.map((_, k) => k);
  const factor = target / componentSum(work, all, year);
  work.values = work.values.map((part) => part.map((v) => v * factor));
}

/** Real-valued fitting: every published figure holds exactly before rounding. */
function shapeToPublished(work: FlowWork, points: AmountConstraint[], blocks: BlockConstraint[]): void {
  for (const p of points) {
    fitBlockTotal(work, p.component, p.block, p.target, p.what);
    freeze(work, p.block);
    work.pinned[offset(p.block.first)] = true;
  }
  for (const b of blocks) {
    if (b.kind === "amount") {
      fitBlockTotal(work, b.component, b.block, b.target, b.what);
      freeze(work, b.block);
      continue;
    }
    if (b.parentPct !== null) rebalanceComposition(work, b);
    const base = shiftBlock(b.block, -12);
    for (const { component, pct } of b.components) {
      const target = componentSum(work, component, blockMonths(b.block)) / (1 + pct / 100);
      fitBlockTotal(work, component, base, target, `growth over ${formatMonth(b.block.first)}`, "history");
    }
    freeze(work, b.block);
    freeze(work, base);
  }
}

/**
 * When the parent's growth and every child's growth are published for the same period, the
 * parent's is a weighted mean of the children's and only the mix decides it. Shift the mix of the
 * current block (keeping its total) along e_k = 1 - R/r_k, the direction that moves the mean.
 */
function rebalanceComposition(work: FlowWork, group: GrowthGroup): void {
  const parentRatio = 1 + (group.parentPct ?? 0) / 100;
  const months = blockMonths(group.block);
  const sums = group.components.map(({ component }) => componentSum(work, component, months));
  const e = group.components.map(({ pct }) => 1 - parentRatio / (1 + pct / 100));
  const lambda =
    -sums.reduce((s, t, k) => s + t * (e[k] ?? 0), 0) / sums.reduce((s, t, k) => s + t * (e[k] ?? 0) ** 2, 0);
  const moved = sums.map((t, k) => t * (1 + lambda * (e[k] ?? 0)));
  const keepTotal = sums.reduce((a, b) => a + b, 0) / moved.reduce((a, b) => a + b, 0);
  group.components.forEach(({ component }, k) => {
    const target = (moved[k] ?? 0) * keepTotal;
    if (!(target > 0)) throw new Error(`${work.label}: published growth rates have no positive mix`);
    fitBlockTotal(
      work,
      component,
      group.block,
      target,
      `mix over ${formatMonth(group.block.first)}`,
      "series",
    );
  });
}

// --- exact rounding -------------------------------------------------------------------------

/** How far (in units) a residual may move a block's last month while searching for exact ratios. */
const RATIO_SEARCH_UNITS = 60;

/**
 * Rounds every part to units, then makes each published figure exact again in the same order as
 * the fitting. A residual goes to the largest part in the last month of the block that is not a
 * published single month, so children still add up to the parent by construction.
 */
function roundToUnits(work: FlowWork, points: AmountConstraint[], blocks: BlockConstraint[]): void {
  const unit = 10 ** work.spec.decimals;
  work.values = work.values.map((part) => part.map((v) => Math.round(v * unit)));
  for (const p of points) {
    const residual = Math.round(p.target * unit) - componentSum(work, p.component, [p.block.first]);
    addUnits(work, p.component, p.block.first, residual);
  }
  for (const b of blocks) {
    if (b.kind === "amount") {
      const residual = Math.round(b.target * unit) - componentSum(work, b.component, blockMonths(b.block));
      addUnits(work, b.component, lastFreeMonth(work, b.block), residual);
    } else {
      fitGrowthInUnits(work, b);
    }
  }
}

function lastFreeMonth(work: FlowWork, block: Block): MonthIndex {
  for (let m = block.last; m >= block.first; m--) if (!(work.pinned[offset(m)] ?? false)) return m;
  throw new Error(`${work.label}: no month left to absorb rounding in ${formatMonth(block.first)}`);
}

function addUnits(work: FlowWork, component: Component, month: MonthIndex, units: number): void {
  if (units === 0) return;
  const largest = [...component].sort(
    (a, b) => (work.values[b]?.[offset(month)] ?? 0) - (work.values[a]?.[offset(month)] ?? 0),
  )[0];
  const part = largest === undefined ? undefined : work.values[largest];
  if (!part) return;
  part[offset(month)] = (part[offset(month)] ?? 0) + units;
}

type RatioCandidate = { shift: number; base: number; target: number; error: number };

/**
 * Integer sums rarely divide to a published ratio exactly. For each component, try small shifts of
 * the current block's sum and take the base sum that divides best; when the parent's growth is also
 * published, pick the combination of shifts whose totals divide best too.
 */
function fitGrowthInUnits(work: FlowWork, group: GrowthGroup): void {
  const base = shiftBlock(group.block, -12);
  const options = group.components.map(({ component, pct }) => {
    const current = componentSum(work, component, blockMonths(group.block));
    return ratioCandidates(current, 1 + pct / 100);
  });
  const chosen =
    group.parentPct === null
      ? options.map((o) => preferSmallShift(o))
      : bestCombination(options, 1 + group.parentPct / 100);
  group.components.forEach(({ component }, k) => {
    const pick = chosen[k];
    if (!pick) return;
    addUnits(work, component, lastFreeMonth(work, group.block), pick.shift);
    const baseResidual = pick.base - componentSum(work, component, blockMonths(base));
    addUnits(work, component, lastFreeMonth(work, base), baseResidual);
  });
}

function ratioCandidates(current: number, ratio: number): RatioCandidate[] {
  const candidates: RatioCandidate[] = [];
  for (let shift = -RATIO_SEARCH_UNITS; shift <= RATIO_SEARCH_UNITS; shift++) {
    const target = current + shift;
    const base = Math.round(target / ratio);
    if (target <= 0 || base <= 0) continue;
    candidates.push({ shift, base, target, error: Math.abs(target / base / ratio - 1) });
  }
  return candidates.sort((a, b) => a.error - b.error || Math.abs(a.shift) - Math.abs(b.shift));
}

/** The smallest shift that is good enough, so a long block usually needs none at all. */
function preferSmallShift(candidates: RatioCandidate[]): RatioCandidate | undefined {
  const goodEnough = candidates.filter((c) => c.error <= 1e-6);
  goodEnough.sort((a, b) => Math.abs(a.shift) - Math.abs(b.shift));
  return goodEnough[0] ?? candidates[0];
}

function bestCombination(options: RatioCandidate[][], parentRatio: number): RatioCandidate[] {
  const shortlists = options.map((o) => {
    const good = o.filter((c) => c.error <= 1e-5).slice(0, 8);
    return good.length > 0 ? good : o.slice(0, 3);
  });
  // Every combination of the shortlists (at most 8^4 for four children).
  let combinations: RatioCandidate[][] = [[]];
  for (const list of shortlists)
    combinations = combinations.flatMap((picks) => list.map((c) => [...picks, c]));
  const score = (picks: RatioCandidate[]) => {
    const target = picks.reduce((s, p) => s + p.target, 0);
    const base = picks.reduce((s, p) => s + p.base, 0);
    return Math.max(Math.abs(target / base / parentRatio - 1), ...picks.map((p) => p.error));
  };
  const moved = (picks: RatioCandidate[]) => picks.reduce((s, p) => s + Math.abs(p.shift), 0);
  let best: RatioCandidate[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const picks of combinations) {
    const s = score(picks);
    if (s < bestScore || (s === bestScore && moved(picks) < moved(best))) {
      best = picks;
      bestScore = s;
    }
  }
  return best;
}

/** Fails loudly rather than seed figures that contradict a published one. */
function checkFlowFamily(work: FlowWork, points: AmountConstraint[], blocks: BlockConstraint[]): void {
  const unit = 10 ** work.spec.decimals;
  const fail = (what: string) => {
    throw new Error(`${work.label}: synthetic series does not reproduce ${what}`);
  };
  for (const part of work.values) {
    if (part.some((v) => !(v >= 0) || !Number.isInteger(v))) fail("non-negative values");
  }
  const amounts: BlockConstraint[] = points.map((p) => ({ kind: "amount", ...p }));
  for (const a of [...amounts, ...blocks]) {
    if (a.kind === "growth") {
      const base = shiftBlock(a.block, -12);
      const ratio = (component: Component) =>
        componentSum(work, component, blockMonths(a.block)) /
        componentSum(work, component, blockMonths(base));
      for (const { component, pct } of a.components) {
        if (Math.abs(ratio(component) - 1 - pct / 100) > RATIO_TOLERANCE) fail(`growth ${pct}%`);
      }
      const all = work.spec.parts.map((_, k) => k);
      if (a.parentPct !== null && Math.abs(ratio(all) - 1 - a.parentPct / 100) > RATIO_TOLERANCE) {
        fail(`growth ${a.parentPct}%`);
      }
    } else if (componentSum(work, a.component, blockMonths(a.block)) !== Math.round(a.target * unit)) {
      fail(a.what);
    }
  }
}

/** Children as rounded numbers, and the parent as their sum (exact, since both are in units). */
function flowOutput(work: FlowWork): Map<string, number[]> {
  const unit = 10 ** work.spec.decimals;
  const output = new Map<string, number[]>();
  const length = work.frozen.length;
  const parent = Array.from(
    { length },
    (_, i) => work.values.reduce((sum, part) => sum + (part[i] ?? 0), 0) / unit,
  );
  output.set(work.spec.code, parent);
  if (hasChildren(work.spec)) {
    work.spec.parts.forEach((p, k) => {
      output.set(
        p.code,
        (work.values[k] ?? []).map((v) => v / unit),
      );
    });
  }
  return output;
}

// ---------------------------------------------------------------------------------------------
// Indices: fixed-base levels (2020 average = 100)
// ---------------------------------------------------------------------------------------------

type IndexWork = {
  label: string;
  levels: number[];
  /** Months fitted to a published block growth: later fits must not move them. */
  frozen: boolean[];
  /** Months tied by a published monthly rate: nothing may move them after the rate is fitted. */
  pinned: boolean[];
};

function buildIndex(
  code: string,
  season: Season,
  provinceId: string,
  facts: ProvinceFacts,
  lastMonth: MonthIndex,
): number[] {
  const name = `${provinceId}|${code}`;
  const seasonal = (m: MonthIndex) => seasonalFactor(season, m);
  const growth = steeredGrowth(rngFor(`${name}|trend`), 1.03, 1.08, publishedHints(code, facts), seasonal);
  const noise = rngFor(`${name}|noise`);
  const length = offset(lastMonth) + 1;
  const work: IndexWork = {
    label: `${provinceId} ${code}`,
    levels: Array.from({ length }, (_, i) => {
      const m = INTERNAL_FIRST + i;
      return (
        100 * trendFactor(growth, 2020, m) * seasonal(m) * noiseFactor(noise, season === HYDRO ? 0.05 : 0.03)
      );
    }),
    frozen: new Array<boolean>(length).fill(false),
    pinned: new Array<boolean>(length).fill(false),
  };
  const rates = facts.rates.filter((r) => r.indicator === code).sort((a, b) => b.month - a.month);
  const growths = facts.growths
    .filter((g) => g.indicator === code)
    .sort((a, b) => b.block.last - a.block.last || b.block.first - a.block.first);
  for (const rate of rates) pinMonthRates(work, rate);
  for (const g of growths) fitIndexGrowth(work, g);
  normaliseToBaseYear(work);
  for (const g of growths) fixRoundedGrowth(work, g);
  checkIndex(work, rates, growths);
  return work.levels;
}

/**
 * A published month rate ties the month to the same month a year earlier (yoy) and to the month
 * before (mom). Each tie fixes the ratio, not the level; choose the level (in logs) that moves the
 * three generated months least, or take it from a month an earlier fit already pinned.
 */
function pinMonthRates(work: IndexWork, rate: RateFact): void {
  const ties: { month: MonthIndex; logRatio: number }[] = [{ month: rate.month, logRatio: 0 }];
  if (rate.yoyPct !== null) ties.push({ month: rate.month - 12, logRatio: Math.log(1 + rate.yoyPct / 100) });
  if (rate.momPct !== null) ties.push({ month: rate.month - 1, logRatio: Math.log(1 + rate.momPct / 100) });
  const implied = ties.map((t) => Math.log(work.levels[offset(t.month)] ?? Number.NaN) + t.logRatio);
  const pinnedTies = ties
    .map((t, k) => ((work.pinned[offset(t.month)] ?? false) ? k : -1))
    .filter((k) => k >= 0);
  const logLevel =
    pinnedTies.length > 0
      ? (implied[pinnedTies[0] ?? 0] ?? Number.NaN)
      : implied.reduce((a, b) => a + b, 0) / implied.length;
  for (const k of pinnedTies) {
    if (Math.abs((implied[k] ?? Number.NaN) - logLevel) > 1e-12) {
      throw new Error(`${work.label}: published rates for ${formatMonth(rate.month)} contradict each other`);
    }
  }
  for (const t of ties) {
    if (!Number.isFinite(logLevel) || offset(t.month) < 0) throw new Error(`${work.label}: cannot fit rates`);
    work.levels[offset(t.month)] = Math.exp(logLevel - t.logRatio);
    work.pinned[offset(t.month)] = true;
    work.frozen[offset(t.month)] = true;
  }
}

/**
 * Cumulative index = ratio of summed levels (domain guide §4). Fit it by scaling the free months of
 * the earlier block together with the history before it, so only one seam appears.
 */
function fitIndexGrowth(work: IndexWork, fact: GrowthFact): void {
  const base = shiftBlock(fact.block, -12);
  const sum = (months: MonthIndex[]) => months.reduce((s, m) => s + (work.levels[offset(m)] ?? 0), 0);
  const baseMonths = blockMonths(base);
  const free = baseMonths.filter((m) => !isFrozen(work, m));
  const wanted = sum(blockMonths(fact.block)) / (1 + fact.pct / 100);
  const factor = (wanted - (sum(baseMonths) - sum(free))) / sum(free);
  if (!(factor > 0 && Number.isFinite(factor)) || base.first < INTERNAL_FIRST) {
    throw new Error(`${work.label}: cannot fit growth ${fact.pct}%`);
  }
  for (let m = INTERNAL_FIRST; m <= base.last; m++) {
    if (!isFrozen(work, m)) work.levels[offset(m)] = (work.levels[offset(m)] ?? 0) * factor;
  }
  freeze(work, fact.block);
  freeze(work, base);
}

/** Rates and ratios do not depend on scale, so rescaling to 2020 = 100 keeps every fit. */
function normaliseToBaseYear(work: IndexWork): void {
  const base = blockMonths({ first: INTERNAL_FIRST, last: INTERNAL_FIRST + 11 });
  const mean = base.reduce((s, m) => s + (work.levels[offset(m)] ?? 0), 0) / base.length;
  work.levels = work.levels.map((l) => (l * 100) / mean);
}

const round2 = (x: number): number => roundTo(x, 2);

/**
 * Readers recompute the cumulative index from the levels as stored, rounded to 2 decimals. Put the
 * rounding residual of the earlier block's sum into its largest month that no monthly rate pins.
 */
function fixRoundedGrowth(work: IndexWork, fact: GrowthFact): void {
  const base = blockMonths(shiftBlock(fact.block, -12));
  const roundedSum = (months: MonthIndex[]) =>
    months.reduce((s, m) => s + round2(work.levels[offset(m)] ?? 0), 0);
  const delta = round2(roundedSum(blockMonths(fact.block)) / (1 + fact.pct / 100) - roundedSum(base));
  const candidates = base.filter((m) => !(work.pinned[offset(m)] ?? false));
  const month = candidates.sort((a, b) => (work.levels[offset(b)] ?? 0) - (work.levels[offset(a)] ?? 0))[0];
  if (month === undefined) throw new Error(`${work.label}: no month left to absorb rounding`);
  work.levels[offset(month)] = round2((work.levels[offset(month)] ?? 0) + delta);
}

function checkIndex(work: IndexWork, rates: RateFact[], growths: GrowthFact[]): void {
  const level = (m: MonthIndex) => work.levels[offset(m)] ?? Number.NaN;
  const fail = (what: string) => {
    throw new Error(`${work.label}: synthetic levels do not reproduce ${what}`);
  };
  if (work.levels.some((l) => !(l > 0 && Number.isFinite(l)))) fail("positive levels");
  for (const r of rates) {
    if (r.yoyPct !== null && round2(pctChange(level(r.month), level(r.month - 12))) !== round2(r.yoyPct)) {
      fail(`yoy ${r.yoyPct}% in ${formatMonth(r.month)}`);
    }
    if (r.momPct !== null && round2(pctChange(level(r.month), level(r.month - 1))) !== round2(r.momPct)) {
      fail(`mom ${r.momPct}% in ${formatMonth(r.month)}`);
    }
  }
  for (const g of growths) {
    const sum = (block: Block) => blockMonths(block).reduce((s, m) => s + round2(level(m)), 0);
    const ratio = sum(g.block) / sum(shiftBlock(g.block, -12));
    if (Math.abs(ratio - 1 - g.pct / 100) > RATIO_TOLERANCE) fail(`growth ${g.pct}%`);
  }
}

const pctChange = (now: number, before: number): number => (now / before - 1) * 100;

// ---------------------------------------------------------------------------------------------
// Stocks (power plants) and counts
// ---------------------------------------------------------------------------------------------

/**
 * Plants in operation and their installed capacity move together: a month either brings a new
 * plant (+1, +3..30 MW) or nothing. Levels hang from an anchor month: a published figure if there
 * is one, the predecessor's last month times the merger scale for a successor, else 2020-01.
 */
function buildStocks(
  profile: ProvinceProfile,
  facts: ProvinceFacts,
  lastMonth: MonthIndex,
  successorOf: SuccessorOf | null,
): Map<string, number[]> {
  const rng = rngFor(`${profile.id}|NL.TD|plants`);
  const chance = successorOf && !successorOf.absorbed ? profile.newPlantChance * 1.5 : profile.newPlantChance;
  const length = offset(lastMonth) + 1;
  const plantSteps = [0];
  const capacitySteps = [0]; // in cents of a MW
  for (let i = 1; i < length; i++) {
    const opens = rng() < chance;
    const size = uniform(rng, 3, 30);
    plantSteps.push((plantSteps[i - 1] ?? 0) + (opens ? 1 : 0));
    capacitySteps.push((capacitySteps[i - 1] ?? 0) + (opens ? Math.round(size * 100) : 0));
  }
  const anchor = (code: string, unit: number, fallback: number): { month: MonthIndex; units: number } => {
    const published = facts.amounts.find((a) => a.indicator === code && a.block.first === a.block.last);
    if (published) return { month: published.block.first, units: Math.round(published.value * unit) };
    const before = successorOf?.predecessor.values.get(code)?.[offset(SUCCESSOR_FIRST - 1)];
    if (successorOf && before !== undefined) {
      return { month: SUCCESSOR_FIRST - 1, units: Math.round(before * successorOf.scale * unit) };
    }
    return { month: INTERNAL_FIRST, units: Math.round(fallback * unit) };
  };
  const hang = (steps: number[], code: string, unit: number, fallback: number) => {
    const { month, units } = anchor(code, unit, fallback);
    const atAnchor = steps[offset(month)] ?? 0;
    const series = steps.map((s) => (units + s - atAnchor) / unit);
    if (series.some((v) => !(v > 0)))
      throw new Error(`${profile.id} ${code}: anchor too low for its history`);
    return series;
  };
  return new Map([
    ["NL.TD_SO", hang(plantSteps, "NL.TD_SO", 1, profile.plants)],
    ["NL.TD_CS", hang(capacitySteps, "NL.TD_CS", 100, profile.capacityMw)],
  ]);
}

/** Probabilities of 0, 1, 2 and 3 new items in a month. */
type CountOdds = readonly [number, number, number, number];
const VILLAGE_ODDS: CountOdds = [0.45, 0.3, 0.17, 0.08];
const CLUSTER_ODDS: CountOdds = [0.55, 0.32, 0.1, 0.03];
const BIG_CLUSTER_ODDS: CountOdds = [0.45, 0.35, 0.14, 0.06];
// Provinces without a border have no border villages to connect.
const NEVER: CountOdds = [1, 0, 0, 0];

function buildCounts(name: string, odds: CountOdds, lastMonth: MonthIndex): number[] {
  const rng = rngFor(`${name}|count`);
  return Array.from({ length: offset(lastMonth) + 1 }, () => {
    let u = rng();
    for (let n = 0; n < odds.length; n++) {
      u -= odds[n] ?? 0;
      if (u < 0) return n;
    }
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // Half away from zero, like the reports; "+ 0" turns -0 into 0.
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f + 0;
}

function vintageOf(month: MonthIndex, lastMonth: MonthIndex): SeedFigure["vintage"] {
  if (month === lastMonth) return "estimate";
  if (month === lastMonth - 1) return "preliminary";
  return "official";
}

const NOTE = "Số liệu mô phỏng (synthetic) cho demo";

/** January and February say how Tết fell, since it explains most of their swing. */
function noteFor(month: MonthIndex): string {
  if (monthOf(month) > 2) return NOTE;
  if (tetWindowShare(month, HOLIDAY) > 0) return `${NOTE}; tháng Tết Nguyên đán`;
  return monthOf(month) === 1 ? `${NOTE}; tháng trước Tết Nguyên đán` : `${NOTE}; tháng sau Tết Nguyên đán`;
}

function seriesToFigures(
  series: ProvinceSeries,
  first: MonthIndex,
  last: MonthIndex,
  lastMonth: MonthIndex,
  published: ReadonlySet<string>,
): SeedFigure[] {
  const figures: SeedFigure[] = [];
  const add = (indicator: string, month: MonthIndex, measure: SeedFigure["measure"], value: number) => {
    const figure: SeedFigure = {
      provinceId: series.provinceId,
      indicator,
      period: formatMonth(month),
      measure,
      value,
      vintage: vintageOf(month, lastMonth),
      note: noteFor(month),
    };
    // The published figure itself is seeded from the article file.
    if (!published.has(figureKey(figure))) figures.push(figure);
  };
  for (const [code, { kind, decimals }] of CATALOGUE) {
    for (let m = first; m <= last; m++) {
      if (kind === "index") {
        const levels = series.levels.get(code) ?? [];
        const level = (month: MonthIndex) => levels[offset(month)] ?? Number.NaN;
        add(code, m, "level", round2(level(m)));
        add(code, m, "yoy_pct", round2(pctChange(level(m), level(m - 12))));
        add(code, m, "mom_pct", round2(pctChange(level(m), level(m - 1))));
      } else {
        add(code, m, "value", roundTo(series.values.get(code)?.[offset(m)] ?? Number.NaN, decimals));
      }
    }
  }
  return figures;
}
