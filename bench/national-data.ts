import { sql } from "drizzle-orm";
import type { Db } from "../db/index";
import { figures, indicators, provinces, targets } from "../db/schema";
import { readIndicators, readProvinces } from "../db/seed";

/** A deterministic pseudo-random series: seasonal, trending, different per province and indicator. */
export function syntheticValue(p: number, i: number, year: number, month: number) {
  const base = 100 + ((p * 37 + i * 11) % 900);
  const trend = 1 + 0.06 * (year - 2017);
  const season = 1 + 0.15 * Math.sin((month / 12) * 2 * Math.PI + p);
  return Math.round(base * trend * season * 100) / 100;
}

/**
 * National-scale data for benchmarks: every province (former and current) × every monthly
 * indicator × every month of `years`, and a target for each in `targetYear`. Returns the figures count.
 */
export async function loadNationalData(db: Db, years: number[], targetYear: number) {
  const provinceRows = readProvinces();
  const indicatorRows = readIndicators();
  await db.insert(provinces).values(provinceRows);
  await db.insert(indicators).values(indicatorRows);
  let batch: (typeof figures.$inferInsert)[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.insert(figures).values(batch);
    count += batch.length;
    batch = [];
  };
  for (const [p, province] of provinceRows.entries()) {
    for (const [i, indicator] of indicatorRows.entries()) {
      if (indicator.frequency !== "month") continue;
      for (const year of years) {
        for (let month = 1; month <= 12; month++) {
          const period = `${year}-${String(month).padStart(2, "0")}`;
          const value = syntheticValue(p, i, year, month);
          const measure = indicator.kind === "index" ? "level" : "value";
          batch.push({
            provinceId: province.id,
            indicatorCode: indicator.code,
            period,
            year,
            measure,
            value: String(value),
            vintage: "official",
          });
          if (batch.length >= 4000) await flush();
        }
      }
    }
  }
  await flush();
  await db.insert(targets).values(
    provinceRows.flatMap((province) =>
      indicatorRows
        .filter((i) => i.frequency === "month")
        .map((i) => ({
          provinceId: province.id,
          indicatorCode: i.code,
          year: targetYear,
          basis: i.targetBasis,
          value: i.targetBasis === "growth" ? "8" : "20000",
        })),
    ),
  );
  await db.execute(sql`analyze`);
  return count;
}
