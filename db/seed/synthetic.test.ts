import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ArticleRow, type SeedFigure, syntheticFigures } from "./synthetic";

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data");

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true });
}

const articleRows: ArticleRow[] = readCsv("article-figures.csv").map((r) => ({
  provinceId: r.province_id ?? "",
  indicator: r.indicator ?? "",
  period: r.period ?? "",
  measure: r.measure ?? "",
  value: Number(r.value),
  valueMax: r.value_max ? Number(r.value_max) : null,
  vintage: r.vintage || null,
  role: r.role === "expected" ? "expected" : "input",
}));
const inputs = articleRows.filter((r) => r.role === "input");

const catalogue = new Map(
  readCsv("indicators.csv").map((r) => [
    r.code ?? "",
    { parent: r.parent_code || null, kind: r.kind ?? "", decimals: Number(r.decimals) },
  ]),
);

/** The four former provinces whose figures were published (article-figures.csv). */
const PUBLISHED_FORMERS = ["02", "10", "06", "17"];
/** Every predecessor of the four demo successors (provinces.csv), the publishing one first. */
const PREDECESSORS_OF: Record<string, string[]> = {
  "08-2025": ["02", "08"],
  "15-2025": ["10", "15"],
  "19-2025": ["06", "19"],
  "25-2025": ["17", "25", "26"],
};
const FORMERS = Object.values(PREDECESSORS_OF).flat();
const SUCCESSOR_OF: Record<string, string> = Object.fromEntries(
  Object.entries(PREDECESSORS_OF).map(([successor, [main]]) => [successor, main]),
);
const SUCCESSORS = Object.keys(SUCCESSOR_OF);
const FLOWS = ["CN.GTSX", "NL.DIEN_SX", "NL.DIEN_TP", "TM.BLDV", "TM.XNK"];
const INDICES = ["CN.IIP", "CN.IIP.B", "CN.IIP.C", "CN.IIP.D", "CN.IIP.E"];
const GENERATED = [
  ...INDICES,
  "CN.GTSX",
  "CN.GTSX.B",
  "CN.GTSX.C",
  "CN.GTSX.D",
  "CN.GTSX.E",
  "NL.DIEN_SX",
  "NL.DIEN_TP",
  "NL.TD_CS",
  "NL.TD_SO",
  "NL.THON_DIEN",
  "TM.BLDV",
  "TM.BLDV.BL",
  "TM.BLDV.LTAU",
  "TM.BLDV.DVK",
  "TM.XNK",
  "TM.XNK.XK",
  "TM.XNK.NK",
  "DT.CCN_DA",
];

const figures = syntheticFigures(articleRows);

// --- helpers ---------------------------------------------------------------------------------

type Key = { provinceId: string; indicator: string; period: string; measure: string };
const keyOf = (r: Key) => `${r.provinceId}|${r.indicator}|${r.period}|${r.measure}`;

function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > last) return months;
    months.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

const shiftYear = (month: string, by: number) => `${Number(month.slice(0, 4)) + by}${month.slice(4)}`;
const previousMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};

/** Months of an article period: "2024-02", "2023-YTD06", "2024-Q1", "2024". */
function periodMonths(period: string): string[] | null {
  if (/^\d{4}-\d{2}$/.test(period)) return [period];
  const y = period.slice(0, 4);
  const ytd = /^\d{4}-YTD(\d{2})$/.exec(period);
  if (ytd) return monthRange(`${y}-01`, `${y}-${ytd[1]}`);
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) {
    const first = Number(q[1]) * 3 - 2;
    return monthRange(`${y}-${String(first).padStart(2, "0")}`, `${y}-${String(first + 2).padStart(2, "0")}`);
  }
  if (/^\d{4}$/.test(period)) return monthRange(`${y}-01`, `${y}-12`);
  return null;
}

/** Synthetic figures plus the published month figures they leave out: the series as seeded. */
const seeded = new Map<string, number>();
for (const f of figures) seeded.set(keyOf(f), f.value);
for (const r of inputs)
  if (/^\d{4}-\d{2}$/.test(r.period) && !seeded.has(keyOf(r))) seeded.set(keyOf(r), r.value);

function seededValue(provinceId: string, indicator: string, period: string, measure = "value"): number {
  const value = seeded.get(keyOf({ provinceId, indicator, period, measure }));
  if (value === undefined) throw new Error(`missing ${provinceId} ${indicator} ${period} ${measure}`);
  return value;
}

const sumOf = (provinceId: string, indicator: string, months: string[], measure = "value") =>
  months.reduce((s, m) => s + seededValue(provinceId, indicator, m, measure), 0);

const decimalsOf = (indicator: string) => catalogue.get(indicator)?.decimals ?? 2;
const inUnits = (value: number, decimals: number) => Math.round(value * 10 ** decimals);

/** Growth in % of a block over the same block a year earlier, from the seeded values. */
function blockGrowth(provinceId: string, indicator: string, months: string[]): number {
  const measure = catalogue.get(indicator)?.kind === "index" ? "level" : "value";
  const now = sumOf(provinceId, indicator, months, measure);
  const before = sumOf(
    provinceId,
    indicator,
    months.map((m) => shiftYear(m, -1)),
    measure,
  );
  return (now / before - 1) * 100;
}

/**
 * Whether a rate published with two decimals can come from the levels as stored: the unrounded
 * levels lie within ±0.005 of the stored ones, so the rate lies in an interval.
 */
function rateFitsLevels(pct: number, now: number, before: number): boolean {
  const low = ((now - 0.005) / (before + 0.005) - 1) * 100;
  const high = ((now + 0.005) / (before - 0.005) - 1) * 100;
  return pct >= low - 0.005 - 1e-9 && pct <= high + 0.005 + 1e-9;
}

const RATIO_TOLERANCE_PP = 0.005 + 1e-9;

function expectedKeys(lastMonth = "2026-10"): Set<string> {
  const keys = new Set<string>();
  const add = (provinceId: string, months: string[]) => {
    for (const indicator of GENERATED) {
      const measures = INDICES.includes(indicator) ? ["level", "yoy_pct", "mom_pct"] : ["value"];
      for (const period of months)
        for (const measure of measures) keys.add(keyOf({ provinceId, indicator, period, measure }));
    }
  };
  for (const p of FORMERS) add(p, monthRange("2022-01", "2025-06"));
  for (const p of SUCCESSORS) add(p, monthRange("2025-07", lastMonth));
  return keys;
}

// --- general properties ------------------------------------------------------------------------

describe("syntheticFigures: shape of the output", () => {
  it("is deterministic", () => {
    expect(syntheticFigures(articleRows)).toEqual(figures);
  });

  it("says on every figure that it is synthetic, and on January/February that Tết explains them", () => {
    for (const f of figures) {
      expect(f.note).toContain("synthetic");
      if (/-0[12]$/.test(f.period)) expect(f.note).toContain("Tết");
    }
  });

  it("never emits a published input row, nor the same figure twice", () => {
    const published = new Set(inputs.map(keyOf));
    const seen = new Set<string>();
    for (const f of figures) {
      expect(published.has(keyOf(f)), keyOf(f)).toBe(false);
      expect(seen.has(keyOf(f)), keyOf(f)).toBe(false);
      seen.add(keyOf(f));
    }
  });

  it("gives complete series (formers 2022-01..2025-06, successors 2025-07..2026-10) and nothing else", () => {
    const expected = expectedKeys();
    const emitted = new Set(figures.map(keyOf));
    for (const key of emitted) expect(expected.has(key), key).toBe(true);
    for (const key of expected) expect(seeded.has(key), `missing ${key}`).toBe(true);
  });

  it("uses indicators of the catalogue, rounded to their decimals; values are finite, levels positive", () => {
    for (const f of figures) {
      const indicator = catalogue.get(f.indicator);
      expect(indicator, f.indicator).toBeDefined();
      expect(Number.isFinite(f.value), keyOf(f)).toBe(true);
      const decimals = f.measure === "value" ? (indicator?.decimals ?? 0) : 2;
      expect(Math.abs(f.value * 10 ** decimals - inUnits(f.value, decimals)), keyOf(f)).toBeLessThan(1e-6);
      if (f.measure === "value") expect(f.value, keyOf(f)).toBeGreaterThanOrEqual(0);
      if (f.measure === "level") expect(f.value, keyOf(f)).toBeGreaterThan(0);
    }
  });

  it("adds children up to their parent exactly, every month", () => {
    const children = [...catalogue].filter(([, c]) => c.kind === "flow" && c.parent !== null);
    const parents = new Set(children.map(([, c]) => c.parent ?? ""));
    let checked = 0;
    for (const parent of parents) {
      const kids = children.filter(([, c]) => c.parent === parent).map(([code]) => code);
      const decimals = decimalsOf(parent);
      for (const p of [...FORMERS, ...SUCCESSORS]) {
        const months = FORMERS.includes(p)
          ? monthRange("2022-01", "2025-06")
          : monthRange("2025-07", "2026-10");
        for (const m of months) {
          const total = inUnits(seededValue(p, parent, m), decimals);
          const parts = kids.reduce((s, k) => s + inUnits(seededValue(p, k, m), decimals), 0);
          expect(parts, `${p} ${parent} ${m}`).toBe(total);
          checked++;
        }
      }
    }
    expect(checked).toBe(3 * (FORMERS.length * 42 + SUCCESSORS.length * 16));
  });

  it("dates vintages from lastMonth: estimate, then preliminary, then official", () => {
    for (const f of figures) {
      const expected =
        f.period === "2026-10" ? "estimate" : f.period === "2026-09" ? "preliminary" : "official";
      expect(f.vintage, keyOf(f)).toBe(expected);
    }
  });

  it("computes every index rate from the levels (interval check against the rounded levels)", () => {
    for (const f of figures) {
      if (f.measure !== "yoy_pct" && f.measure !== "mom_pct") continue;
      const earlier = f.measure === "yoy_pct" ? shiftYear(f.period, -1) : previousMonth(f.period);
      const before = seeded.get(keyOf({ ...f, period: earlier, measure: "level" }));
      if (before === undefined) continue; // January 2022's base lies before the emitted range
      const now = seededValue(f.provinceId, f.indicator, f.period, "level");
      expect(rateFitsLevels(f.value, now, before), keyOf(f)).toBe(true);
    }
  });
});

// --- the published inputs ------------------------------------------------------------------------

describe("syntheticFigures: agrees with the published inputs", () => {
  const sumMonths = (p: string, indicator: string, first: string, last: string) =>
    inUnits(sumOf(p, indicator, monthRange(first, last)), decimalsOf(indicator));

  it("Lào Cai first-half sums (export-import, output value, retail, electricity)", () => {
    expect(sumMonths("10", "TM.XNK", "2023-01", "2023-06")).toBe(94504);
    expect(sumMonths("10", "TM.XNK", "2022-01", "2022-06")).toBe(103782);
    expect(sumMonths("10", "CN.GTSX", "2023-01", "2023-06")).toBe(202070);
    expect(sumMonths("10", "CN.GTSX", "2022-01", "2022-06")).toBe(222055);
    expect(sumMonths("10", "TM.BLDV", "2023-01", "2023-06")).toBe(181567);
    expect(sumMonths("10", "TM.BLDV", "2022-01", "2022-06")).toBe(145486);
    expect(sumMonths("10", "NL.DIEN_SX", "2023-01", "2023-06")).toBe(123498);
    expect(Math.abs(sumOf("10", "TM.XNK", monthRange("2023-01", "2023-06")) - 945.04)).toBeLessThan(1e-9);
    expect(Math.abs(sumOf("10", "CN.GTSX", monthRange("2022-01", "2022-06")) - 22205.5)).toBeLessThan(1e-9);
  });

  it("Hòa Bình electricity generated in 2023-02, 2024-01 and 2024-02", () => {
    expect(seededValue("17", "NL.DIEN_SX", "2024-01")).toBe(428);
    expect(seededValue("17", "NL.DIEN_SX", "2024-02")).toBe(441);
    expect(seededValue("17", "NL.DIEN_SX", "2023-02")).toBe(547);
    // The neighbouring synthetic months stay in the same dry-season range.
    for (const m of ["2023-01", "2023-03", "2023-12", "2024-03"]) {
      expect(seededValue("17", "NL.DIEN_SX", m)).toBeGreaterThan(350);
      expect(seededValue("17", "NL.DIEN_SX", m)).toBeLessThan(700);
    }
  });

  it("Hà Giang export-import of 2024 and retail growth of 2024", () => {
    expect(sumMonths("02", "TM.XNK", "2024-01", "2024-12")).toBe(30800);
    expect(
      Math.abs(blockGrowth("02", "TM.BLDV", monthRange("2024-01", "2024-12")) - 15.7),
    ).toBeLessThanOrEqual(RATIO_TOLERANCE_PP);
  });

  it("Hà Giang IIP: cumulative indices of 2023 and 2024 as ratios of summed levels", () => {
    const year = (y: number) => monthRange(`${y}-01`, `${y}-12`);
    expect(Math.abs(blockGrowth("02", "CN.IIP", year(2023)) - -17.22)).toBeLessThanOrEqual(
      RATIO_TOLERANCE_PP,
    );
    expect(Math.abs(blockGrowth("02", "CN.IIP", year(2024)) - 13.6)).toBeLessThanOrEqual(RATIO_TOLERANCE_PP);
    expect(Math.abs(blockGrowth("02", "CN.IIP.B", year(2023)) - -52.81)).toBeLessThanOrEqual(
      RATIO_TOLERANCE_PP,
    );
  });

  it.each([
    ["02", "2024-01", ["CN.IIP", "CN.IIP.B", "CN.IIP.C", "CN.IIP.D"]],
    ["17", "2024-02", INDICES],
  ] as const)("%s month rates of %s follow from the levels", (p, month, codes) => {
    for (const code of codes) {
      const now = seededValue(p, code, month, "level");
      for (const measure of ["yoy_pct", "mom_pct"] as const) {
        const row = inputs.find(
          (r) => r.provinceId === p && r.indicator === code && r.period === month && r.measure === measure,
        );
        expect(row, `${p} ${code} ${month} ${measure}`).toBeDefined();
        const earlier = measure === "yoy_pct" ? shiftYear(month, -1) : previousMonth(month);
        const before = seededValue(p, code, earlier, "level");
        expect(rateFitsLevels(row?.value ?? Number.NaN, now, before), `${code} ${measure}`).toBe(true);
      }
    }
  });

  it("Bắc Kạn output value: Q1 2024 on Q1 2023 for the total and each sector, and 2023 on 2022", () => {
    const q1 = monthRange("2024-01", "2024-03");
    const published: [string, number][] = [
      ["CN.GTSX", 8.26],
      ["CN.GTSX.B", 6.98],
      ["CN.GTSX.C", 8.83],
      ["CN.GTSX.D", 11.38],
      ["CN.GTSX.E", 4.06],
    ];
    for (const [code, pct] of published) {
      expect(Math.abs(blockGrowth("06", code, q1) - pct), code).toBeLessThanOrEqual(RATIO_TOLERANCE_PP);
    }
    expect(
      Math.abs(blockGrowth("06", "CN.GTSX", monthRange("2023-01", "2023-12")) - 12.22),
    ).toBeLessThanOrEqual(RATIO_TOLERANCE_PP);
  });

  // Every input row that speaks about a generated series, checked the same way whatever it is.
  const seriesRows = inputs.filter(
    (r) =>
      GENERATED.includes(r.indicator) &&
      [...FORMERS, ...SUCCESSORS].includes(r.provinceId) &&
      ["value", "yoy_pct", "mom_pct"].includes(r.measure) &&
      periodMonths(r.period) !== null,
  );

  it("covers the published rows it should", () => {
    expect(seriesRows.length).toBeGreaterThanOrEqual(41);
  });

  it.each(
    seriesRows.map((r) => [`${r.provinceId} ${r.indicator} ${r.period} ${r.measure} ${r.value}`, r] as const),
  )("%s", (_, row) => {
    const months = periodMonths(row.period) ?? [];
    const isIndex = catalogue.get(row.indicator)?.kind === "index";
    if (row.measure === "value") {
      const decimals = decimalsOf(row.indicator);
      expect(inUnits(sumOf(row.provinceId, row.indicator, months), decimals)).toBe(
        inUnits(row.value, decimals),
      );
    } else if (isIndex && months.length === 1) {
      const month = months[0] ?? "";
      const earlier = row.measure === "yoy_pct" ? shiftYear(month, -1) : previousMonth(month);
      const now = seededValue(row.provinceId, row.indicator, month, "level");
      const before = seededValue(row.provinceId, row.indicator, earlier, "level");
      expect(rateFitsLevels(row.value, now, before)).toBe(true);
    } else {
      expect(row.measure).toBe("yoy_pct");
      expect(Math.abs(blockGrowth(row.provinceId, row.indicator, months) - row.value)).toBeLessThanOrEqual(
        RATIO_TOLERANCE_PP,
      );
    }
  });

  it("keeps stocks consistent with the published level: they never fall", () => {
    for (const p of [...FORMERS, ...SUCCESSORS]) {
      const months = FORMERS.includes(p)
        ? monthRange("2022-01", "2025-06")
        : monthRange("2025-07", "2026-10");
      for (const code of ["NL.TD_CS", "NL.TD_SO"]) {
        const series = months.map((m) => seededValue(p, code, m));
        for (let i = 1; i < series.length; i++) {
          expect(series[i], `${p} ${code} ${months[i]}`).toBeGreaterThanOrEqual(series[i - 1] ?? 0);
        }
      }
    }
    expect(seededValue("10", "NL.TD_CS", "2023-06")).toBe(1138.85);
    expect(seededValue("10", "NL.TD_SO", "2023-06")).toBe(72);
  });
});

// --- plausibility ------------------------------------------------------------------------------

describe("syntheticFigures: plausible series", () => {
  const formerMonths = monthRange("2022-01", "2025-06");
  const range = (p: string, code: string) => {
    const values = formerMonths.map((m) => seededValue(p, code, m));
    return [Math.min(...values), Math.max(...values)];
  };

  it("has the magnitudes of small mountain provinces", () => {
    const bounds: [string, string, number, number][] = [
      ["10", "CN.GTSX", 2500, 4600],
      ["10", "TM.BLDV", 2000, 4000],
      ["10", "TM.XNK", 100, 260],
      ["10", "NL.DIEN_SX", 120, 450],
      ["02", "TM.XNK", 12, 45],
      ["06", "TM.XNK", 3, 25],
      ["17", "TM.XNK", 3, 25],
      ["17", "NL.DIEN_SX", 300, 1100],
      ["02", "NL.DIEN_SX", 30, 250],
      ["06", "NL.DIEN_SX", 15, 150],
      ...(["02", "06", "17"].map((p) => [p, "TM.BLDV", 700, 2000]) as [string, string, number, number][]),
      ...(PUBLISHED_FORMERS.map((p) => [p, "CN.GTSX", 1000, 4600]) as [string, string, number, number][]),
    ];
    for (const [p, code, low, high] of bounds) {
      const [min, max] = range(p, code);
      expect(min, `${p} ${code} min`).toBeGreaterThanOrEqual(low);
      expect(max, `${p} ${code} max`).toBeLessThanOrEqual(high);
    }
  });

  it("keeps counts small: 0 to 3 a month, mostly 0 or 1", () => {
    for (const code of ["DT.CCN_DA", "NL.THON_DIEN"]) {
      const values = figures.filter((f) => f.indicator === code).map((f) => f.value);
      for (const v of values) expect([0, 1, 2, 3]).toContain(v);
      if (code === "DT.CCN_DA")
        expect(values.filter((v) => v <= 1).length / values.length).toBeGreaterThan(0.75);
    }
  });

  it("covers every predecessor of the four successors in provinces.csv", () => {
    for (const successor of SUCCESSORS) {
      const fromCsv = readCsv("provinces.csv")
        .filter((r) => r.successor_id === successor && r.id !== successor)
        .map((r) => r.id);
      expect(new Set(fromCsv), successor).toEqual(new Set(PREDECESSORS_OF[successor]));
    }
  });

  it("makes predecessors add up to their successor across the merger, parts as well as totals", () => {
    // The successor's first year against its predecessors' last: a year's growth, not a jump.
    const codes = [...FLOWS, "CN.GTSX.C", "CN.GTSX.D", "TM.BLDV.BL", "TM.XNK.XK"];
    for (const [successor, predecessors] of Object.entries(PREDECESSORS_OF)) {
      for (const code of codes) {
        const after = sumOf(successor, code, monthRange("2025-07", "2026-06"));
        const before = predecessors.reduce((s, p) => s + sumOf(p, code, monthRange("2024-07", "2025-06")), 0);
        const ratio = after / before;
        expect(ratio, `${successor} ${code}`).toBeGreaterThan(0.9);
        expect(ratio, `${successor} ${code}`).toBeLessThan(1.3);
      }
    }
  });

  it("dips industrial output in the month of the Tết holiday", () => {
    // Mùng 1 Tết: 2022-02-01 (holiday mostly in February), 2023-01-22, 2024-02-10, 2025-01-29.
    const tetMonths = ["2022-02", "2023-01", "2024-02", "2025-01"];
    for (const tet of tetMonths) {
      const year = tet.slice(0, 4);
      const spring = monthRange(`${year}-03`, `${year}-06`);
      const total = (months: string[]) => FORMERS.reduce((s, p) => s + sumOf(p, "CN.GTSX", months), 0);
      expect(total([tet]), tet).toBeLessThan((0.95 * total(spring)) / spring.length);
    }
  });
});

// --- lastMonth -----------------------------------------------------------------------------------

describe("syntheticFigures: lastMonth", () => {
  const byKey = new Map(figures.map((f) => [keyOf(f), f]));

  it("rejects a malformed or out-of-range lastMonth", () => {
    expect(() => syntheticFigures(articleRows, { lastMonth: "2026-13" })).toThrow(RangeError);
    expect(() => syntheticFigures(articleRows, { lastMonth: "2025-06" })).toThrow(RangeError);
  });

  it("only adds or removes months at the end: earlier values never move, vintages follow", () => {
    const months = monthRange("2025-07", "2028-12");
    fc.assert(
      fc.property(fc.constantFrom(...months), (lastMonth) => {
        const other: SeedFigure[] = syntheticFigures(articleRows, { lastMonth });
        const published = new Set(inputs.map(keyOf));
        const expected = [...expectedKeys(lastMonth)].filter((k) => !published.has(k));
        expect(new Set(other.map(keyOf))).toEqual(new Set(expected));
        const preliminary = previousMonth(lastMonth);
        for (const f of other) {
          const vintage =
            f.period === lastMonth ? "estimate" : f.period === preliminary ? "preliminary" : "official";
          expect(f.vintage).toBe(vintage);
          const same = byKey.get(keyOf(f));
          if (same) expect(f.value, keyOf(f)).toBe(same.value);
        }
      }),
      { numRuns: 8 },
    );
  });

  it("still builds complete series without any published rows", () => {
    const free = syntheticFigures([]);
    expect(free.length).toBe(expectedKeys().size);
    expect(free.every((f) => Number.isFinite(f.value))).toBe(true);
  });
});
