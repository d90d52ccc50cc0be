import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { unitLabel } from "./units";

describe("units", () => {
  it("says the catalogue's units in English on English pages, and keeps them in Vietnamese", () => {
    expect(unitLabel("tỷ đồng", "en")).toBe("billion VND");
    expect(unitLabel("triệu kWh", "en")).toBe("million kWh");
    expect(unitLabel("triệu USD", "en")).toBe("million USD");
    expect(unitLabel("thôn", "en")).toBe("villages");
    expect(unitLabel("dự án", "en")).toBe("projects");
    expect(unitLabel("tỷ đồng", "vi")).toBe("tỷ đồng");
    expect(unitLabel("MW", "en")).toBe("MW");
  });

  it("leaves no Vietnamese word in any unit of the catalogue in English", () => {
    const csv = fs.readFileSync(path.join(import.meta.dirname, "..", "db", "data", "indicators.csv"), "utf8");
    const units = new Set((parse(csv, { columns: true }) as { unit: string }[]).map((r) => r.unit));
    for (const unit of units) expect(unitLabel(unit, "en"), unit).toMatch(/^[A-Za-z% ]+$/);
  });
});
