import { describe, expect, it } from "vitest";
import type { FigureInput } from "./attainment";
import { monthSeries, targetPath } from "./indicator-series";

const f = (period: string, value: number, measure: FigureInput["measure"] = "value"): FigureInput => ({
  period,
  measure,
  value,
  vintage: "official",
});

describe("an indicator's months", () => {
  it("derives a flow's months from cumulatives and its cumulatives from months", () => {
    const points = monthSeries("flow", [f("2023-01", 100), f("2023-YTD03", 330), f("2023-02", 110)], 2023);
    expect(points.slice(0, 3).map((p) => [p.value, p.cumulative])).toEqual([
      [100, 100],
      [110, 210],
      [120, 330],
    ]);
    expect(points[3].value).toBeNull();
  });

  it("keeps an index's reported growth and levels", () => {
    const [jan] = monthSeries("index", [f("2024-01", 16.95, "yoy_pct"), f("2024-01", 104.1, "level")], 2024);
    expect(jan).toMatchObject({ yoyPct: 16.95, level: 104.1, value: null });
  });
});

describe("target path", () => {
  it("follows last year's seasonal profile when last year is complete", () => {
    const lastYear = monthSeries(
      "flow",
      Array.from({ length: 12 }, (_, i) => f(`2023-${String(i + 1).padStart(2, "0")}`, i < 6 ? 50 : 150)),
      2023,
    );
    const path = targetPath(1200, lastYear);
    expect(path[5]).toBeCloseTo(300);
    expect(path[11]).toBeCloseTo(1200);
  });
  it("is a straight line without last year", () => {
    const path = targetPath(1200, monthSeries("flow", [], 2023));
    expect(path[2]).toBeCloseTo(300);
  });
});
