import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalAttainment, provinceAttainment } from "@/app/_server/attainment";
import type { DbHandle } from "@/db";
import { getIndicator, getProvince } from "@/db/queries/reference";
import { readArticleRows, seed } from "@/db/seed";
import { DB_KINDS, openTestDb } from "./db";

/** The attainment field each published phrase is about. */
const FIELD: Record<string, "pctOfPlan" | "pctOfSamePeriod" | "growthPct" | "momPct" | "gapPp"> = {
  pct_of_plan: "pctOfPlan",
  pct_of_same_period: "pctOfSamePeriod",
  yoy_pct: "growthPct",
  mom_pct: "momPct",
  gap_pp: "gapPp",
};

const decimalsOf = (value: string) => (value.includes(".") ? value.split(".")[1].length : 0);
const roundTo = (value: number, decimals: number) => Number(value.toFixed(decimals));

describe.each(DB_KINDS)("attainment from the seeded database on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: false });
  }, 120_000);
  afterAll(() => handle?.close());

  // Every published expectation is a test: a new row in the file is a new test.
  const expected = readArticleRows().filter((r) => r.role === "expected");
  it("has published expectations to check", () => {
    expect(expected.length).toBeGreaterThanOrEqual(12);
  });
  for (const row of expected) {
    const written = String(row.value);
    it(`${row.provinceId} ${row.indicator} ${row.period}: ${row.measure} = ${written} (${row.source})`, async () => {
      const province = await getProvince(handle.db, row.provinceId);
      if (!province) throw new Error(`no province ${row.provinceId}`);
      const rows = await provinceAttainment(handle.db, province, row.period);
      const result = rows.find((r) => r.indicator === row.indicator);
      const value = result?.[FIELD[row.measure]];
      expect(value, JSON.stringify(result)).not.toBeNull();
      // Rounded as the report rounds: to the decimals the published figure is written with.
      const csvText = readRawValue(row.provinceId, row.indicator, row.period, row.measure);
      expect(roundTo(value as number, decimalsOf(csvText))).toBe(row.value);
    });
  }

  it("a successor's same period before the merger is the sum of its predecessors' (Lào Cai + Yên Bái)", async () => {
    const at = async (id: string, period: string) => {
      const province = await getProvince(handle.db, id);
      const rows = await provinceAttainment(handle.db, province as NonNullable<typeof province>, period);
      return rows.find((r) => r.indicator === "TM.XNK");
    };
    const xnk = await at("15-2025", "2026-YTD06");
    expect(xnk?.actual).toBeGreaterThan(0);
    const parts = [(await at("10", "2025-YTD06"))?.actual, (await at("15", "2025-YTD06"))?.actual];
    expect(parts.every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(xnk?.samePeriodLastYear).toBeCloseTo((parts[0] as number) + (parts[1] as number), 2);
    expect(xnk?.growthPct).not.toBeNull();
  });

  it("a successor compares its own months after the merger", async () => {
    const province = await getProvince(handle.db, "15-2025");
    const rows = await provinceAttainment(handle.db, province as NonNullable<typeof province>, "2026-Q3");
    expect(rows.find((r) => r.indicator === "TM.XNK")?.growthPct).not.toBeNull();
  });

  it("the national view has one row per province with figures for the period", async () => {
    const indicator = await getIndicator(handle.db, "CN.IIP");
    const rows = await nationalAttainment(
      handle.db,
      indicator as NonNullable<typeof indicator>,
      "2024-YTD03",
    );
    // The four that published, and the provinces merged with them (synthetic series).
    expect(rows.map((r) => r.provinceId).sort()).toEqual([
      "02",
      "06",
      "08",
      "10",
      "15",
      "17",
      "19",
      "25",
      "26",
    ]);
    expect(rows.every((r) => r.growthPct !== null)).toBe(true);
  });
});

import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

/** The value as written in the file ("40.0" keeps its decimal), to round as the report rounds. */
function readRawValue(provinceId: string, indicator: string, period: string, measure: string): string {
  const rows = parse(
    fs.readFileSync(path.join(import.meta.dirname, "..", "db", "data", "article-figures.csv"), "utf8"),
    {
      columns: true,
    },
  ) as Record<string, string>[];
  const row = rows.find(
    (r) =>
      r.province_id === provinceId &&
      r.indicator === indicator &&
      r.period === period &&
      r.measure === measure &&
      r.role === "expected",
  );
  if (!row) throw new Error("row not found");
  return row.value;
}
