import { describe, expect, it } from "vitest";
import { byShortfallFirst, periodChoices, periodsByYear } from "./scorecard";

describe("scorecard order", () => {
  it("puts shortfalls first, then on track, met, and no status; catalogue order within", () => {
    const rows = [
      { code: "a", status: "met" as const, order: 1 },
      { code: "b", status: null, order: 2 },
      { code: "c", status: "at_risk" as const, order: 3 },
      { code: "d", status: "missed" as const, order: 4 },
      { code: "e", status: "on_track" as const, order: 5 },
      { code: "f", status: "at_risk" as const, order: 0 },
    ];
    expect(byShortfallFirst(rows).map((r) => r.code)).toEqual(["d", "f", "c", "e", "a", "b"]);
  });
});

describe("period choices", () => {
  it("offers the running year's months, quarters and cumulative, then whole past years", () => {
    const choices = periodChoices("2026-10", 2);
    expect(choices.slice(0, 6)).toEqual([
      "2026-YTD10",
      "2026-YTD09",
      "2026-YTD06",
      "2026-Q4",
      "2026-Q3",
      "2026-Q2",
    ]);
    expect(choices).toContain("2026-10");
    expect(choices).not.toContain("2026-11");
    expect(choices).toContain("2025");
    expect(choices).toContain("2025-YTD06");
    expect(choices).not.toContain("2024");
  });
});

describe("periodsByYear (issue 8.13)", () => {
  it("groups the picker's ~70 periods by year, newest first, keeping each year's order", () => {
    const choices = periodChoices("2026-10", 4);
    const groups = periodsByYear(choices);
    expect(groups.map((g) => g.year)).toEqual([2026, 2025, 2024, 2023]);
    expect(groups.flatMap((g) => g.periods)).toEqual(choices);
    expect(groups[0].periods[0]).toBe("2026-YTD10");
    for (const g of groups) expect(g.periods.every((k) => k.startsWith(String(g.year)))).toBe(true);
  });

  it("puts a period of a year already seen into that year, and skips what is not a period", () => {
    expect(periodsByYear(["2026-10", "2025", "2026-Q3", "junk"])).toEqual([
      { year: 2026, periods: ["2026-10", "2026-Q3"] },
      { year: 2025, periods: ["2025"] },
    ]);
  });
});
