import { describe, expect, it } from "vitest";
import { type Candidate, pickLatest } from "./latest";

const c = (measure: Candidate["measure"], endMonth: string): Candidate => ({
  indicator: "X",
  measure,
  period: endMonth,
  endMonth,
});

describe("pickLatest", () => {
  it("takes the most recent period whatever the measure", () => {
    expect(pickLatest("flow", [c("value", "2024-01"), c("yoy_pct", "2024-03")])?.endMonth).toBe("2024-03");
  });
  it("leads with growth on the same period for an index", () => {
    expect(
      pickLatest("index", [c("mom_pct", "2024-02"), c("yoy_pct", "2024-02"), c("level", "2024-02")])?.measure,
    ).toBe("yoy_pct");
  });
  it("leads with the amount for a flow", () => {
    expect(pickLatest("flow", [c("yoy_pct", "2024-02"), c("value", "2024-02")])?.measure).toBe("value");
  });
  it("has nothing to show without figures", () => {
    expect(pickLatest("stock", [])).toBeNull();
  });
});
