import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AttainmentInput,
  type AttainmentRow,
  computeAttainment,
  type Direction,
  type FigureInput,
  type Kind,
  type Measure,
  STATUS_ORDER,
  type Status,
  type TargetInput,
  type Vintage,
} from "./attainment";
import { parsePeriod } from "./periods";

// ---------------------------------------------------------------------------------------------
// Published reports (db/data/article-figures.csv, the project's copy of shared/data): every
// role=expected row is reproduced from the role=input rows of its province and indicator.

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/data");

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true });
}

const articleRows = readCsv("article-figures.csv");
const indicators = new Map(readCsv("indicators.csv").map((r) => [r.code, r]));
const provinceNames = new Map(readCsv("provinces.csv").map((r) => [r.id, r.name_vi]));

const FIGURE_MEASURES = new Set<string>(["value", "level", "yoy_pct", "mom_pct"]);

const EXPECTED_FIELD = {
  pct_of_plan: "pctOfPlan",
  pct_of_same_period: "pctOfSamePeriod",
  yoy_pct: "growthPct",
  mom_pct: "momPct",
  gap_pp: "gapPp",
} as const satisfies Record<string, keyof AttainmentRow>;

type CsvRow = Record<string, string>;

/** The attainment input a province would have for this expected row: its figures and year's targets. */
function inputFor(expected: CsvRow): AttainmentInput {
  const period = parsePeriod(expected.period);
  if (!period) throw new Error(`bad period ${expected.period}`);
  const y = period.year;
  const ind = indicators.get(expected.indicator);
  if (!ind) throw new Error(`unknown indicator ${expected.indicator}`);
  const mine = articleRows.filter(
    (r) => r.role === "input" && r.province_id === expected.province_id && r.indicator === expected.indicator,
  );
  const figures: FigureInput[] = mine
    .filter((r) => FIGURE_MEASURES.has(r.measure))
    .filter((r) => {
      const p = parsePeriod(r.period);
      if (!p) return false;
      return p.year === y || p.year === y - 1 || (p.year === y - 2 && r.period === `${y - 2}-12`);
    })
    .map((r) => ({
      period: r.period,
      measure: r.measure as Measure,
      value: Number(r.value),
      vintage: (r.vintage || "official") as Vintage,
    }));
  const targets: TargetInput[] = mine
    .filter((r) => /^(target_value|target_growth_pct|scenario_growth_pct)$/.test(r.measure))
    .filter((r) => parsePeriod(r.period)?.year === y)
    .map((r) => ({
      basis: r.measure === "target_value" ? "level" : "growth",
      value: Number(r.value),
      valueMax: r.value_max ? Number(r.value_max) : null,
      bound: /lower bound|'trên /.test(r.source) ? "at_least" : "exact",
      quarter: r.measure === "scenario_growth_pct" ? Number(/-Q([1-4])$/.exec(r.period)?.[1]) : null,
      document: r.source,
    }));
  return {
    indicator: {
      code: expected.indicator,
      kind: ind.kind as Kind,
      direction: ind.direction as Direction,
      decimals: Number(ind.decimals),
      unit: ind.unit,
    },
    period: expected.period,
    figures,
    targets,
  };
}

/** "-2.96" -> "2,96": the number as the report writes it, without its sign. */
const vi = (s: string) => s.replace(/^-/, "").replace(".", ",");

function phrase(r: CsvRow): string {
  const v = r.value;
  const negative = v.startsWith("-");
  switch (r.measure) {
    case "pct_of_plan":
      return `đạt ${vi(v)}% kế hoạch năm`;
    case "pct_of_same_period":
      return `bằng ${vi(v)}% cùng kỳ`;
    case "yoy_pct":
      return `${negative ? "giảm" : "tăng"} ${vi(v)}% so với cùng kỳ`;
    case "mom_pct":
      return `${negative ? "giảm" : "tăng"} ${vi(v)}% so với tháng trước`;
    case "gap_pp": {
      if (!negative) return `vượt ${vi(v)} điểm %`;
      const scenario = articleRows.find(
        (s) =>
          s.measure === "scenario_growth_pct" &&
          s.province_id === r.province_id &&
          s.indicator === r.indicator &&
          s.period === r.period,
      );
      return scenario ? `chưa đạt kịch bản ${vi(scenario.value)}%` : `thấp hơn chỉ tiêu ${vi(v)} điểm %`;
    }
    default:
      return r.measure;
  }
}

const expectedRows = articleRows.filter((r) => r.role === "expected");

describe("published reports (article-figures.csv, role=expected)", () => {
  it("has expected rows to reproduce", () => {
    expect(expectedRows.length).toBeGreaterThan(0);
  });

  it.each(
    expectedRows.map(
      (r) => [`${provinceNames.get(r.province_id)} ${r.indicator} ${r.period}: ${phrase(r)}`, r] as const,
    ),
  )("%s", (_name, r) => {
    const field = EXPECTED_FIELD[r.measure as keyof typeof EXPECTED_FIELD];
    expect(field, `no row field for measure ${r.measure}`).toBeDefined();
    const row = computeAttainment(inputFor(r));
    const got = row[field];
    expect(typeof got, `${field} is null; notes: ${row.notes.join(" | ")}`).toBe("number");
    // Rounded as the report rounds: to the decimals written in the file.
    const decimals = r.value.split(".")[1]?.length ?? 0;
    expect((got as number).toFixed(decimals)).toBe(Number(r.value).toFixed(decimals));
  });

  const row = (province: string, indicator: string, period: string) =>
    computeAttainment(inputFor({ province_id: province, indicator, period }));

  it("Hà Giang IIP 2024 +13,6% against +5%: met, 8,6 points over", () => {
    const r = row("02", "CN.IIP", "2024");
    expect(r.status).toBe("met");
    expect(r.gapPp).toBeCloseTo(8.6, 10);
    expect(r.actual).toBeCloseTo(113.6, 10);
    expect(r.vintage).toBe("official");
  });

  it("Hà Giang IIP 2023 −17,22% against +10%: missed", () => {
    const r = row("02", "CN.IIP", "2023");
    expect(r.status).toBe("missed");
    expect(r.pctOfSamePeriod).toBeCloseTo(82.78, 10);
  });

  it("Bắc Kạn value added Q1 2024 +7,7% against the 10,66% scenario: missed, the quarter is over", () => {
    const r = row("06", "CN.VA", "2024-Q1");
    expect(r.target).toMatchObject({ basis: "growth", value: 10.66, quarter: 1 });
    expect(r.status).toBe("missed");
    expect(r.expectedByNow).toBe(10.66);
    expect(r.vintage).toBe("estimate");
  });

  it("Lào Cai export-import, first half 2023: the row of docs/api.md", () => {
    const r = row("10", "TM.XNK", "2023-YTD06");
    expect(r).toMatchObject({
      indicator: "TM.XNK",
      period: "2023-YTD06",
      unit: "triệu USD",
      actual: 945.04,
      samePeriodLastYear: 1037.82,
      momPct: null,
      target: { basis: "level", value: 5000 },
      gapPp: null,
      expectedByNow: 2500,
      requiredGrowthPct: null,
      projection: null,
      status: "at_risk",
      vintage: "estimate",
      approximate: false,
    });
    expect(r.pctOfSamePeriod).toBeCloseTo(91.06, 2);
    expect(r.growthPct).toBeCloseTo(-8.94, 2);
    expect(r.pctOfPlan).toBeCloseTo(18.9, 2);
    expect(r.requiredPerRemainingMonth).toBeCloseTo(675.83, 2);
  });
});

// ---------------------------------------------------------------------------------------------
// Unit tests

const FLOW = { code: "T.FLOW", kind: "flow", direction: "up", decimals: 1, unit: "tỷ đồng" } as const;
const INDEX = { code: "T.IIP", kind: "index", direction: "up", decimals: 2, unit: "%" } as const;

const f = (
  period: string,
  value: number,
  measure: Measure = "value",
  vintage: Vintage = "official",
): FigureInput => ({
  period,
  measure,
  value,
  vintage,
});

const level = (value: number, extra: Partial<TargetInput> = {}): TargetInput => ({
  basis: "level",
  value,
  valueMax: null,
  bound: "exact",
  quarter: null,
  ...extra,
});

const growth = (value: number, extra: Partial<TargetInput> = {}): TargetInput => ({
  ...level(value),
  basis: "growth",
  ...extra,
});

function compute(partial: Partial<AttainmentInput> & Pick<AttainmentInput, "period">): AttainmentRow {
  return computeAttainment({ indicator: FLOW, figures: [], targets: [], ...partial });
}

describe("index: the cumulative index is the ratio of summed levels (§4)", () => {
  const lastYear = [100, 80, 110];
  const thisYear = [118, 86, 121];

  it("quarter of 118/86/121 on 100/80/110 is 112,07, not the mean of monthly rates 111,83", () => {
    const figures = [
      ...lastYear.map((v, i) => f(`2023-0${i + 1}`, v, "level")),
      ...thisYear.map((v, i) => f(`2024-0${i + 1}`, v, "level")),
    ];
    const r = computeAttainment({ indicator: INDEX, period: "2024-Q1", figures, targets: [] });
    expect(r.actual).toBeCloseTo(112.0689655, 6);
    expect(r.actual?.toFixed(2)).toBe("112.07");
    expect(r.pctOfSamePeriod).toBe(r.actual);
    expect(r.growthPct).toBeCloseTo(12.0689655, 6);
    expect(r.samePeriodLastYear).toBeNull();
    expect(r.approximate).toBe(false);
  });

  const yoy = [
    f("2024-01", 18, "yoy_pct"),
    f("2024-02", 7.5, "yoy_pct"),
    f("2024-03", 10, "yoy_pct", "estimate"),
  ];

  it("levels rebuilt from last year's month-on-month chain and this year's rates are exact", () => {
    const chain = [f("2023-02", -20, "mom_pct"), f("2023-03", 37.5, "mom_pct")];
    const r = computeAttainment({
      indicator: INDEX,
      period: "2024-Q1",
      figures: [...chain, ...yoy],
      targets: [],
    });
    expect(r.actual).toBeCloseTo(112.0689655, 6);
    expect(r.approximate).toBe(false);
    expect(r.vintage).toBe("estimate");
  });

  it("without the chain, the mean of monthly indices is flagged approximate", () => {
    const r = computeAttainment({ indicator: INDEX, period: "2024-Q1", figures: yoy, targets: [] });
    expect(r.actual).toBeCloseTo(111.8333333, 6);
    expect(r.approximate).toBe(true);
    expect(r.notes.join(" ")).toMatch(/approximate/);
  });

  it("a reported cumulative rate wins and is not approximate", () => {
    const r = computeAttainment({
      indicator: INDEX,
      period: "2024-Q1",
      figures: [...yoy, f("2024-Q1", 12.07, "yoy_pct")],
      targets: [],
    });
    expect(r.actual).toBeCloseTo(112.07, 10);
    expect(r.growthPct).toBe(12.07); // as reported, not 100 + 12.07 − 100
    expect(r.approximate).toBe(false);
  });

  it("a month missing its rate and its level gives null with a note, never 0", () => {
    const r = computeAttainment({
      indicator: INDEX,
      period: "2024-Q1",
      figures: yoy.slice(0, 2),
      targets: [growth(5)],
    });
    expect(r.actual).toBeNull();
    expect(r.growthPct).toBeNull();
    expect(r.gapPp).toBeNull();
    expect(r.status).toBeNull();
    expect(r.notes.join(" ")).toContain("2024-03");
  });

  it("month-on-month from levels, and January against December of last year", () => {
    const figures = [f("2023-12", 125, "level"), f("2024-01", 100, "level"), f("2024-02", 110, "level")];
    expect(
      computeAttainment({ indicator: INDEX, period: "2024-02", figures, targets: [] }).momPct,
    ).toBeCloseTo(10, 10);
    expect(
      computeAttainment({ indicator: INDEX, period: "2024-01", figures, targets: [] }).momPct,
    ).toBeCloseTo(-20, 10);
    const reported = [...figures, f("2024-01", -19.9, "mom_pct")];
    expect(
      computeAttainment({ indicator: INDEX, period: "2024-01", figures: reported, targets: [] }).momPct,
    ).toBe(-19.9);
  });

  it("requiredGrowthPct on levels: what months k+1..12 need for the year to reach +g", () => {
    const figures = [
      ...Array.from({ length: 12 }, (_, i) => f(`2023-${String(i + 1).padStart(2, "0")}`, 100, "level")),
      ...Array.from({ length: 6 }, (_, i) => f(`2024-0${i + 1}`, 104, "level")),
    ];
    const r = computeAttainment({ indicator: INDEX, period: "2024-YTD06", figures, targets: [growth(5)] });
    // ((1,05 · 1200 − 624) / 600 − 1) × 100
    expect(r.requiredGrowthPct).toBeCloseTo(6, 10);
    expect(r.actual).toBeCloseTo(104, 10);
    expect(r.gapPp).toBeCloseTo(-1, 10);
    expect(r.status).toBe("at_risk");
    expect(r.expectedByNow).toBe(5);
  });

  it("expected by now for a growth target is the scenario of the current quarter", () => {
    const r = computeAttainment({
      indicator: INDEX,
      period: "2024-05",
      figures: [f("2024-05", 9, "yoy_pct")],
      targets: [growth(10), growth(8, { quarter: 2 })],
    });
    expect(r.expectedByNow).toBe(8);
    expect(r.target?.quarter).toBeNull(); // a month is judged against the year's target
    expect(r.status).toBe("at_risk");
  });
});

describe("flows: months, cumulatives and the same period last year", () => {
  it("a month derived from two cumulatives", () => {
    const r = compute({ period: "2024-03", figures: [f("2024-YTD02", 30), f("2024-YTD03", 50)] });
    expect(r.actual).toBe(20);
  });

  it("a quarter from YTD06 − YTD03, a year from its quarters, YTD01 as January", () => {
    const figures = [
      f("2024-YTD03", 50),
      f("2024-YTD06", 120),
      f("2024-Q3", 70),
      f("2024-Q4", 90),
      f("2023-YTD01", 12),
      f("2023-12", 15),
    ];
    expect(compute({ period: "2024-Q2", figures }).actual).toBe(70);
    expect(compute({ period: "2024", figures }).actual).toBe(280);
    expect(compute({ period: "2024-YTD12", figures }).actual).toBe(280);
    expect(compute({ period: "2023-01", figures }).actual).toBe(12);
  });

  it("an entered cumulative wins over its months", () => {
    const figures = [f("2024-01", 40), f("2024-02", 50), f("2024-YTD02", 100)];
    expect(compute({ period: "2024-YTD02", figures }).actual).toBe(100);
  });

  it("same period last year by the same rules: entered cumulative or summed months", () => {
    const figures = [f("2024-YTD02", 110), f("2023-01", 40), f("2023-02", 60)];
    const r = compute({ period: "2024-YTD02", figures });
    expect(r.samePeriodLastYear).toBe(100);
    expect(r.pctOfSamePeriod).toBeCloseTo(110, 10);
    expect(r.growthPct).toBeCloseTo(10, 10);
  });

  it("a reported growth for the period wins (as reported)", () => {
    const figures = [f("2024-YTD02", 110), f("2023-YTD02", 100), f("2024-YTD02", 9.5, "yoy_pct")];
    const r = compute({ period: "2024-YTD02", figures });
    expect(r.growthPct).toBe(9.5);
    expect(r.pctOfSamePeriod).toBe(109.5);
    expect(r.samePeriodLastYear).toBe(100);
  });

  it("missing months give null with a note naming them, never 0", () => {
    const r = compute({
      period: "2024-Q1",
      figures: [f("2024-01", 10), f("2024-03", 10)],
      targets: [level(100)],
    });
    expect(r.actual).toBeNull();
    expect(r.yearToDate).toBeNull();
    expect(r.pctOfPlan).toBeNull();
    expect(r.requiredPerRemainingMonth).toBeNull();
    expect(r.status).toBeNull();
    expect(r.notes.join(" ")).toContain("2024-02");
  });

  it("momPct: January against December of last year; a reported rate wins", () => {
    const figures = [f("2023-12", 200), f("2024-01", 180)];
    expect(compute({ period: "2024-01", figures }).momPct).toBeCloseTo(-10, 10);
    expect(compute({ period: "2024-01", figures: [...figures, f("2024-01", -9.8, "mom_pct")] }).momPct).toBe(
      -9.8,
    );
    expect(compute({ period: "2024-YTD01", figures }).momPct).toBeNull();
    const missing = compute({ period: "2024-01", figures: [f("2024-01", 180)] });
    expect(missing.momPct).toBeNull();
    expect(missing.notes.join(" ")).toContain("2023-12");
  });

  it("vintage is the least final of the figures used", () => {
    const figures = [
      f("2024-01", 10, "value", "official"),
      f("2024-02", 10, "value", "estimate"),
      f("2024-03", 1, "value", "preliminary"),
    ];
    expect(compute({ period: "2024-YTD02", figures }).vintage).toBe("estimate");
    expect(compute({ period: "2024-01", figures }).vintage).toBe("official");
    expect(compute({ period: "2024-03", figures: [] }).vintage).toBeNull();
  });

  it("a caller's last-year note is echoed and last-year figures stay null", () => {
    const note = "Predecessors' indices do not add up; no same period last year.";
    const r = compute({
      period: "2025-YTD06",
      figures: [f("2025-YTD06", 500), f("2024-YTD06", 400), f("2024", 900)],
      targets: [level(1000)],
      lastYearNote: note,
    });
    expect(r.notes).toContain(note);
    expect(r.samePeriodLastYear).toBeNull();
    expect(r.growthPct).toBeNull();
    expect(r.projection).toBeNull();
    expect(r.expectedByNow).toBe(500); // a straight line without last year's profile
    expect(r.pctOfPlan).toBe(50);
  });

  it("an unknown period gives an empty row with a note", () => {
    const r = compute({ period: "2024-13" });
    expect(r.actual).toBeNull();
    expect(r.notes.length).toBe(1);
  });
});

describe("targets: level, range, bound, direction", () => {
  it("over-achievement is shown, never clamped at 100%", () => {
    const r = compute({ period: "2024-YTD09", figures: [f("2024-YTD09", 130)], targets: [level(100)] });
    expect(r.pctOfPlan).toBeCloseTo(130, 10);
    expect(r.status).toBe("met");
    expect(r.requiredPerRemainingMonth).toBe(0);
  });

  it("exactly at target is met despite float noise", () => {
    const months = [f("2024-01", 0.7), f("2024-02", 0.1)];
    const r = compute({ period: "2024-YTD02", figures: months, targets: [level(0.8)] });
    expect(r.actual).toBeLessThan(0.8);
    expect(r.status).toBe("met");
    // 3,3 / 3 × 100 − 100 = 9.999999999999986
    const g = compute({ period: "2024", figures: [f("2024", 3.3), f("2023", 3)], targets: [growth(10)] });
    expect(g.growthPct).toBeLessThan(10);
    expect(g.status).toBe("met");
  });

  it("a range counts from its lower end: 5–8 projects", () => {
    const count = { ...FLOW, kind: "count" as const, unit: "dự án", decimals: 0 };
    const t = [level(5, { valueMax: 8 })];
    const r6 = computeAttainment({
      indicator: count,
      period: "2024-YTD06",
      figures: [f("2024-YTD06", 6)],
      targets: t,
    });
    expect(r6.pctOfPlan).toBeCloseTo(120, 10);
    expect(r6.status).toBe("met");
    expect(r6.target).toMatchObject({ value: 5, valueMax: 8 });
    const r9 = computeAttainment({ indicator: count, period: "2024", figures: [f("2024", 9)], targets: t });
    expect(r9.status).toBe("met");
    const r4 = computeAttainment({ indicator: count, period: "2024", figures: [f("2024", 4)], targets: t });
    expect(r4.status).toBe("missed");
    const r3 = computeAttainment({
      indicator: count,
      period: "2024-YTD06",
      figures: [f("2024-YTD06", 3)],
      targets: t,
    });
    expect(r3.expectedByNow).toBe(2.5);
    expect(r3.status).toBe("on_track");
    const r2 = computeAttainment({
      indicator: count,
      period: "2024-YTD06",
      figures: [f("2024-YTD06", 2)],
      targets: t,
    });
    expect(r2.status).toBe("at_risk");
  });

  it("at_most: within the cap and the path is on track, met only when closed, above it is missed", () => {
    const cap = [level(100, { bound: "at_most" })];
    const at = (period: string, value: number, closed?: boolean) =>
      compute({ period, figures: [f(period, value)], targets: cap, closed }).status;
    expect(at("2024-YTD06", 40)).toBe("on_track"); // path 50
    expect(at("2024-YTD06", 60)).toBe("at_risk");
    expect(at("2024-YTD06", 120)).toBe("at_risk");
    expect(at("2024", 100)).toBe("met");
    expect(at("2024", 110)).toBe("missed");
    expect(at("2024-YTD06", 40, true)).toBe("met");
  });

  it("direction down flips every comparison", () => {
    const down = { ...FLOW, direction: "down" as const };
    const at = (period: string, value: number, targets: TargetInput[]) =>
      computeAttainment({ indicator: down, period, figures: [f(period, value), f("2023", 100)], targets })
        .status;
    expect(at("2024", 90, [level(100)])).toBe("met");
    expect(at("2024", 110, [level(100)])).toBe("missed");
    expect(at("2024-YTD06", 40, [level(100)])).toBe("on_track");
    expect(at("2024-YTD06", 70, [level(100)])).toBe("at_risk");
    // a growth target of −5%: falling 8% is met, falling 3% is missed
    expect(at("2024", 92, [growth(-5)])).toBe("met");
    expect(at("2024", 97, [growth(-5)])).toBe("missed");
  });

  it("neutral: no status, the figures are still computed", () => {
    const neutral = { ...FLOW, direction: "neutral" as const };
    const r = computeAttainment({
      indicator: neutral,
      period: "2024",
      figures: [f("2024", 80)],
      targets: [level(100)],
    });
    expect(r.status).toBeNull();
    expect(r.pctOfPlan).toBeCloseTo(80, 10);
  });

  it("no target: no status, no share of plan", () => {
    const r = compute({ period: "2024", figures: [f("2024", 80)] });
    expect(r.target).toBeNull();
    expect(r.status).toBeNull();
    expect(r.pctOfPlan).toBeNull();
  });

  it("expected by now follows last year's seasonal profile where known, else a straight line", () => {
    const thisYear = [f("2024-YTD06", 400)];
    const lastYear = [f("2023-YTD06", 300), f("2023", 1000)];
    const seasonal = compute({
      period: "2024-YTD06",
      figures: [...thisYear, ...lastYear],
      targets: [level(1200)],
    });
    expect(seasonal.expectedByNow).toBeCloseTo(360, 10);
    expect(seasonal.status).toBe("on_track");
    expect(seasonal.projection).toBeCloseTo(1333.3333333, 6);
    expect(seasonal.requiredPerRemainingMonth).toBeCloseTo(800 / 6, 10);
    const linear = compute({ period: "2024-YTD06", figures: thisYear, targets: [level(1200)] });
    expect(linear.expectedByNow).toBe(600);
    expect(linear.status).toBe("at_risk");
    expect(linear.projection).toBeNull();
    expect(linear.notes.join(" ")).toMatch(/straight line/);
  });

  it("a month is judged on the year to date", () => {
    const figures = [f("2024-01", 300), f("2024-02", 200)];
    const r = compute({ period: "2024-02", figures, targets: [level(1200)] });
    expect(r.actual).toBe(200);
    expect(r.yearToDate).toBe(500);
    expect(r.pctOfPlan).toBeCloseTo(500 / 12, 10);
    expect(r.status).toBe("on_track"); // 500 ≥ 1200 · 2/12
    expect(r.requiredPerRemainingMonth).toBe(70);
  });

  it("a growth target on a flow implies a level; requiredGrowthPct as in §5", () => {
    const figures = [f("2024-YTD06", 440), f("2023-YTD06", 400), f("2023", 1000)];
    const r = compute({ period: "2024-YTD06", figures, targets: [growth(10)] });
    // T = 1,1 · 1000; ((1100 − 440) / (1000 − 400) − 1) × 100
    expect(r.pctOfPlan).toBeCloseTo(40, 10);
    expect(r.requiredPerRemainingMonth).toBeCloseTo(110, 10);
    expect(r.requiredGrowthPct).toBeCloseTo(10, 10);
    expect(r.gapPp).toBeCloseTo(0, 10);
    expect(r.status).toBe("on_track");
    expect(r.expectedByNow).toBe(10);
    const year = compute({ period: "2024", figures: [...figures, f("2024", 1100)], targets: [growth(10)] });
    expect(year.requiredGrowthPct).toBeNull();
    expect(year.requiredPerRemainingMonth).toBeNull();
    expect(year.status).toBe("met");
  });

  it("a quarter with a scenario is judged against it and is closed", () => {
    const figures = [f("2024-Q2", 120), f("2023-Q2", 100)];
    const r = compute({ period: "2024-Q2", figures, targets: [growth(15), growth(25, { quarter: 2 })] });
    expect(r.target?.quarter).toBe(2);
    expect(r.gapPp).toBeCloseTo(-5, 10);
    expect(r.status).toBe("missed");
    const noScenario = compute({ period: "2024-Q2", figures, targets: [growth(15)] });
    expect(noScenario.status).toBe("on_track");
  });

  it("stock: the level at the period's end, or the latest month of the period", () => {
    const stock = { code: "NL.TD_CS", kind: "stock", direction: "up", decimals: 2, unit: "MW" } as const;
    const figures = [f("2023-06", 1138.85), f("2023-07", 1140), f("2022-07", 1000), f("2022-06", 950)];
    const half = computeAttainment({
      indicator: stock,
      period: "2023-YTD06",
      figures,
      targets: [level(1200)],
    });
    expect(half.actual).toBe(1138.85);
    expect(half.samePeriodLastYear).toBe(950);
    expect(half.pctOfPlan).toBeCloseTo(94.904166, 5);
    expect(half.expectedByNow).toBeNull();
    expect(half.projection).toBeNull();
    expect(half.status).toBe("at_risk");
    const q3 = computeAttainment({ indicator: stock, period: "2023-Q3", figures, targets: [] });
    expect(q3.actual).toBe(1140);
    expect(q3.growthPct).toBeCloseTo(14, 10);
    expect(q3.notes.join(" ")).toContain("2023-07");
  });

  it("rate with a level target: the gap in points", () => {
    const rate = { code: "NL.HO_DIEN", kind: "rate", direction: "up", decimals: 1, unit: "%" } as const;
    const r = computeAttainment({
      indicator: rate,
      period: "2024",
      figures: [f("2024", 98.5)],
      targets: [level(99)],
    });
    expect(r.gapPp).toBeCloseTo(-0.5, 10);
    expect(r.pctOfPlan).toBeNull();
    expect(r.status).toBe("missed");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const rank = (s: Status | null) => (s === null ? -1 : STATUS_ORDER.indexOf(s));

const targetArb: fc.Arbitrary<TargetInput> = fc
  .record({
    basis: fc.constantFrom("level" as const, "growth" as const),
    value: fc.double({ min: -50, max: 5000, noNaN: true }),
    width: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
    bound: fc.constantFrom("exact" as const, "at_least" as const, "at_most" as const),
  })
  .map(({ width, ...t }) => ({ ...t, valueMax: width === null ? null : t.value + width, quarter: null }));

const periodArb = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((m) => `2024-YTD${String(m).padStart(2, "0")}`),
  fc.constant("2024"),
);

describe("properties", () => {
  it("status never worsens as the actual improves (up), and the reverse for down or an at_most cap", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>("flow", "count", "stock"),
        fc.constantFrom<Direction>("up", "down"),
        targetArb,
        periodArb,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.option(fc.boolean(), { nil: undefined }),
        (kind, direction, target, period, x1, x2, lastYear, closed) => {
          const [lo, hi] = x1 <= x2 ? [x1, x2] : [x2, x1];
          const lastKey = period === "2024" ? "2023" : period.replace("2024", "2023");
          const status = (x: number) =>
            computeAttainment({
              indicator: { code: "P", kind, direction, decimals: 1, unit: "u" },
              period,
              figures: [f(period, x), f(lastKey, lastYear), f("2023", lastYear * 2)],
              targets: [target],
              closed,
            }).status;
          const [sLo, sHi] = [status(lo), status(hi)];
          expect(sLo).not.toBeNull();
          const higherIsBetter = direction === "up" && target.bound !== "at_most";
          if (higherIsBetter) expect(rank(sHi)).toBeGreaterThanOrEqual(rank(sLo));
          else expect(rank(sHi)).toBeLessThanOrEqual(rank(sLo));
        },
      ),
    );
  });

  it("the share of plan scales linearly with the actual", () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        (period, x, c, target) => {
          const share = (v: number) =>
            compute({ period, figures: [f(period, v)], targets: [level(target)] }).pctOfPlan;
          const one = share(x);
          const scaled = share(c * x);
          expect(one).not.toBeNull();
          expect(scaled).not.toBeNull();
          expect(Math.abs((scaled as number) - c * (one as number))).toBeLessThanOrEqual(
            1e-9 * Math.abs(c * (one as number)),
          );
        },
      ),
    );
  });

  const anyPeriod = (year: number) =>
    fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((m) => `${year}-${String(m).padStart(2, "0")}`),
      fc.integer({ min: 1, max: 4 }).map((q) => `${year}-Q${q}`),
      fc.integer({ min: 1, max: 12 }).map((m) => `${year}-YTD${String(m).padStart(2, "0")}`),
      fc.constant(String(year)),
    );
  const finite = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -200, max: 200, noNaN: true }),
    fc.constantFrom(0, -100, 100, 1e308, -1e308, Number.MIN_VALUE),
  );
  const figureArb: fc.Arbitrary<FigureInput> = fc.record({
    period: fc.oneof(anyPeriod(2024), anyPeriod(2023), fc.constant("2022-12")),
    measure: fc.constantFrom<Measure>("value", "level", "yoy_pct", "mom_pct"),
    value: finite,
    vintage: fc.constantFrom<Vintage>("estimate", "preliminary", "official"),
  });
  const anyTarget: fc.Arbitrary<TargetInput> = fc.record({
    basis: fc.constantFrom("level" as const, "growth" as const),
    value: finite,
    valueMax: fc.option(finite, { nil: null }),
    bound: fc.constantFrom("exact" as const, "at_least" as const, "at_most" as const),
    quarter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  });

  it("no output is NaN or Infinity, whatever the finite input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>("flow", "index", "stock", "count", "rate"),
        fc.constantFrom<Direction>("up", "down", "neutral"),
        anyPeriod(2024),
        fc.array(figureArb, { maxLength: 30 }),
        fc.array(anyTarget, { maxLength: 3 }),
        fc.option(fc.boolean(), { nil: undefined }),
        (kind, direction, period, figures, targets, closed) => {
          const r = computeAttainment({
            indicator: { code: "P", kind, direction, decimals: 2, unit: "u" },
            period,
            figures,
            targets,
            closed,
          });
          for (const [field, value] of Object.entries(r)) {
            if (typeof value === "number") expect(Number.isFinite(value), field).toBe(true);
          }
          if (r.status !== null) expect(STATUS_ORDER).toContain(r.status);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("flows: summing the months equals an entered cumulative when they agree", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (values) => {
          const k = values.length;
          const key = `2024-YTD${String(k).padStart(2, "0")}`;
          const months = values.map((v, i) => f(`2024-${String(i + 1).padStart(2, "0")}`, v));
          const total = values.reduce((s, v) => s + v, 0);
          const fromMonths = compute({ period: key, figures: months }).actual;
          const fromCumulative = compute({ period: key, figures: [f(key, total)] }).actual;
          const both = compute({ period: key, figures: [...months, f(key, total)] }).actual;
          expect(fromMonths).not.toBeNull();
          expect(fromMonths).toBeCloseTo(fromCumulative as number, 6);
          expect(both).toBe(fromCumulative);
          // and the last month comes back from the two cumulatives around it
          if (k > 1) {
            const before = values.slice(0, -1).reduce((s, v) => s + v, 0);
            const prev = `2024-YTD${String(k - 1).padStart(2, "0")}`;
            const last = compute({
              period: `2024-${String(k).padStart(2, "0")}`,
              figures: [f(prev, before), f(key, total)],
            });
            expect(last.actual).toBeCloseTo(values[k - 1], 6);
          }
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 8: a status whenever there is something to judge, else why not; one judgement of pace.

describe("why a status or a comparison is missing (issue 8, point 1)", () => {
  it("gives a status, and no reason, whenever a target and the figure to judge exist", () => {
    const r = compute({
      period: "2024-YTD09",
      figures: [f("2024-YTD09", 116), f("2023-YTD09", 100)],
      targets: [growth(16, { bound: "at_least" })],
    });
    expect(r.status).toBe("on_track");
    expect(r.statusReason).toBeNull();
    expect(r.samePeriodReason).toBeNull();
    expect(r.judgedOn).toBe("2024-YTD09");
  });

  it("no target: the reason is no_target", () => {
    const r = compute({ period: "2024", figures: [f("2024", 80), f("2023", 70)] });
    expect(r.status).toBeNull();
    expect(r.statusReason).toBe("no_target");
    expect(r.judgedOn).toBeNull();
  });

  it("a neutral indicator is never judged, and says so", () => {
    const r = computeAttainment({
      indicator: { ...FLOW, direction: "neutral" },
      period: "2024",
      figures: [f("2024", 80)],
      targets: [level(100)],
    });
    expect(r.status).toBeNull();
    expect(r.statusReason).toBe("neutral");
  });

  it("a growth target without last year: no_same_period, for the status and the comparison", () => {
    const r = compute({ period: "2024-YTD09", figures: [f("2024-YTD09", 116)], targets: [growth(16)] });
    expect(r.status).toBeNull();
    expect(r.statusReason).toBe("no_same_period");
    expect(r.samePeriodReason).toBe("no_same_period");
    const index = computeAttainment({
      indicator: INDEX,
      period: "2024-03",
      figures: [f("2024-03", 120, "level")],
      targets: [growth(5)],
    });
    expect(index.statusReason).toBe("no_same_period");
    expect(index.samePeriodReason).toBe("no_same_period");
  });

  it("a quarter with one month in lacks this year's figures, not last year's", () => {
    const r = computeAttainment({
      indicator: INDEX,
      period: "2026-Q4",
      figures: [f("2026-10", 3, "yoy_pct")],
      targets: [growth(8), growth(9, { quarter: 4 })],
    });
    expect(r.status).toBeNull();
    expect(r.statusReason).toBe("no_actual");
    expect(r.samePeriodReason).toBe("no_actual");
  });

  it("nothing entered: no_actual; last year zero: zero_base", () => {
    const none = compute({ period: "2024-05", figures: [f("2023-05", 10)], targets: [level(100)] });
    expect(none.statusReason).toBe("no_actual");
    expect(none.samePeriodReason).toBe("no_actual");
    const zero = compute({ period: "2024-05", figures: [f("2024-05", 3), f("2023-05", 0)] });
    expect(zero.samePeriodReason).toBe("zero_base");
  });

  it("every row has a status or a reason, never neither", () => {
    const kinds: Kind[] = ["flow", "index", "stock", "count", "rate"];
    const directions: Direction[] = ["up", "down", "neutral"];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom(...directions),
        fc.constantFrom("2024-03", "2024-Q2", "2024-YTD06", "2024"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<"level" | "growth" | "none">("level", "growth", "none"),
        (kind, direction, period, thisYear, lastYear, basis) => {
          const figures = [
            ...(thisYear ? [f("2024-03", 5), f("2024", 50), f("2024-YTD06", 20)] : []),
            ...(lastYear ? [f("2023-03", 4), f("2023", 40), f("2023-YTD06", 18)] : []),
          ];
          const targets = basis === "none" ? [] : [basis === "level" ? level(45) : growth(5)];
          const r = computeAttainment({
            indicator: { ...FLOW, kind, direction },
            period,
            figures,
            targets,
          });
          expect((r.status === null) !== (r.statusReason === null)).toBe(true);
          expect((r.growthPct === null) !== (r.samePeriodReason === null)).toBe(true);
        },
      ),
    );
  });
});

describe("one judgement of pace: a month is judged on the year to date (issue 8, point 3)", () => {
  // Last year flat at 100; this year 100 for nine months, then October jumps to 110.
  const months = (year: number, values: number[]) =>
    values.map((v, i) => f(`${year}-${String(i + 1).padStart(2, "0")}`, v, "level"));
  const figures = [...months(2025, Array(12).fill(100)), ...months(2026, [...Array(9).fill(100), 110])];

  it("October's +10% does not make the IIP on track while the ten months are at +1%", () => {
    const month = computeAttainment({ indicator: INDEX, period: "2026-10", figures, targets: [growth(5)] });
    const toDate = computeAttainment({
      indicator: INDEX,
      period: "2026-YTD10",
      figures,
      targets: [growth(5)],
    });
    expect(month.growthPct).toBeCloseTo(10, 10); // the month's own growth is still shown
    expect(toDate.status).toBe("at_risk");
    expect(month.status).toBe(toDate.status);
    expect(month.judgedOn).toBe("2026-YTD10");
    expect(month.gapPp).toBeCloseTo(toDate.gapPp as number, 10);
    expect(month.requiredGrowthPct).toBeCloseTo(toDate.requiredGrowthPct as number, 10);
  });

  it("a flow's month with a growth target is judged on its year-to-date growth", () => {
    const flows = [f("2024-01", 130), f("2024-02", 90), f("2023-01", 100), f("2023-02", 100)];
    const r = compute({ period: "2024-02", figures: flows, targets: [growth(12)] });
    expect(r.growthPct).toBeCloseTo(-10, 10);
    expect(r.judgedOn).toBe("2024-YTD02");
    expect(r.gapPp).toBeCloseTo(-2, 10); // +10% to date against +12%
    expect(r.status).toBe("at_risk");
  });

  it("a quarter with its own scenario is judged on the quarter; without one, on the year to date", () => {
    const flows = [f("2024-Q1", 100), f("2024-Q2", 120), f("2023-Q1", 100), f("2023-Q2", 100)];
    const withScenario = compute({
      period: "2024-Q2",
      figures: flows,
      targets: [growth(15), growth(25, { quarter: 2 })],
    });
    expect(withScenario.judgedOn).toBe("2024-Q2");
    const withoutScenario = compute({ period: "2024-Q2", figures: flows, targets: [growth(15)] });
    expect(withoutScenario.judgedOn).toBe("2024-YTD06");
    expect(withoutScenario.gapPp).toBeCloseTo(-5, 10); // +10% on the half year
    expect(withoutScenario.status).toBe("at_risk");
  });

  it("a stock is judged on its level at the month's end: no year to date to speak of", () => {
    const r = computeAttainment({
      indicator: { ...FLOW, kind: "stock" },
      period: "2024-10",
      figures: [f("2024-10", 90), f("2023-10", 80)],
      targets: [level(100)],
    });
    expect(r.judgedOn).toBe("2024-10");
    expect(r.status).toBe("at_risk");
  });

  it("falls back to the period itself when the year to date cannot be had, and says so", () => {
    const r = computeAttainment({
      indicator: INDEX,
      period: "2024-05",
      figures: [f("2024-05", 9, "yoy_pct")],
      targets: [growth(10)],
    });
    expect(r.judgedOn).toBe("2024-05");
    expect(r.status).toBe("at_risk");
  });
});
