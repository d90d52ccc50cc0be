import { describe, expect, it } from "vitest";
import type { FigureInput } from "./attainment";
import { predecessorMonths } from "./merger";

const f = (period: string, value: number, vintage: FigureInput["vintage"] = "official"): FigureInput => ({
  period,
  measure: "value",
  value,
  vintage,
});

describe("a successor's months before the merger", () => {
  it("add up the predecessors' months, with the least final vintage", () => {
    const result = predecessorMonths("flow", "2025-07", [
      {
        id: "10",
        name: "Lào Cai (cũ)",
        figures: [f("2025-05", 150.25), f("2025-06", 160, "estimate"), f("2025-07", 1)],
      },
      { id: "15", name: "Yên Bái", figures: [f("2025-05", 20.5), f("2025-06", 30)] },
    ]);
    expect(result.figures).toEqual([f("2025-05", 170.75), f("2025-06", 190, "estimate")]);
    expect(result.notes).toEqual([]);
  });

  it("leave a month missing, with the reason, when a predecessor has no figure for it", () => {
    const result = predecessorMonths("count", "2025-07", [
      { id: "10", name: "Lào Cai (cũ)", figures: [f("2025-01", 1), f("2025-02", 2)] },
      { id: "15", name: "Yên Bái", figures: [f("2025-02", 1)] },
    ]);
    expect(result.figures).toEqual([f("2025-02", 3)]);
    expect(result.notes).toEqual([expect.stringContaining("Yên Bái has no figures for 2025-01")]);
  });

  it("never add up indices, stocks or rates", () => {
    for (const kind of ["index", "stock", "rate"] as const) {
      expect(
        predecessorMonths(kind, "2025-07", [{ id: "a", name: "A", figures: [f("2025-01", 100)] }]).figures,
      ).toEqual([]);
    }
  });
});
