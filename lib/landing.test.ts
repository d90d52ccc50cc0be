import { describe, expect, it } from "vitest";
import { defaultComparisonPeriod, landingPath } from "./landing";

describe("landingPath (issue 8.11)", () => {
  it("sends a national viewer to the submission board, not to an arbitrary province's overview", () => {
    expect(landingPath({ id: 1, role: "national", provinceId: null })).toBe("/submissions");
  });

  it("does the same for a system admin, who has no province either", () => {
    expect(landingPath({ id: 2, role: "system_admin", provinceId: null })).toBe("/submissions");
  });

  it("keeps a province's people on their own overview", () => {
    for (const role of ["staff", "leader", "province_admin"] as const) {
      expect(landingPath({ id: 1, role, provinceId: "15-2025" })).toBeNull();
    }
  });
});

describe("defaultComparisonPeriod", () => {
  it("opens on the latest approved month, not on a newer draft", () => {
    expect(defaultComparisonPeriod("2026-09", "2026-10")).toBe("2026-09");
  });

  it("falls back to the latest month with figures when nothing is approved yet", () => {
    expect(defaultComparisonPeriod(null, "2026-10")).toBe("2026-10");
    expect(defaultComparisonPeriod(null, null)).toBeNull();
  });
});
