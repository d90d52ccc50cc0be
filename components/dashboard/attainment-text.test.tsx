import { describe, expect, it } from "vitest";
import { type AttainmentRow, emptyRow } from "@/lib/attainment";
import { attainmentText } from "./attainment-text";

const row = (over: Partial<AttainmentRow>): AttainmentRow => ({
  ...emptyRow("CN.IIP", "2026-10", "%"),
  ...over,
});

describe("attainmentText: the scorecard's, detail page's and comparison's numbers", () => {
  const iip = { kind: "index", decimals: 2, unit: "%" };

  it("shows an index as its growth with a sign, the reports' way (issue 8.6)", () => {
    const text = attainmentText(
      row({ actual: 103.22, pctOfSamePeriod: 103.22, growthPct: 3.22, gapPp: -1.78 }),
      iip,
      "vi",
    );
    expect(text.actual).toBe("+3,22%");
    expect(text.growth).toBe("+3,22%");
    // The index form only under its label ("bằng …" on the page), the gap in points.
    expect(text.pctOfSamePeriod).toBe("103,22%");
    expect(text.gap).toBe("-1,78 điểm %");
    expect(attainmentText(row({ actual: 96.5, growthPct: -3.5, gapPp: 1 }), iip, "en")).toMatchObject({
      actual: "-3.50%",
      gap: "+1.00 pp",
    });
  });

  it("keeps an amount an amount", () => {
    const text = attainmentText(
      row({ indicator: "TM.XNK", actual: 945.04, growthPct: -8.94 }),
      { kind: "flow", decimals: 2, unit: "triệu USD" },
      "vi",
    );
    expect(text.actual).toBe("945,04");
    expect(text.growth).toBe("-8,94%");
  });
});
