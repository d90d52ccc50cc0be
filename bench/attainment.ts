/**
 * Dashboard and attainment API at national scale: every province × every indicator × ten years of
 * months (2017–2026), on PGlite and on PostgreSQL. Reports p50 / p95 server time of
 * getDashboard (the province dashboard's data) and of the attainment API's functions (province
 * and national) under 1 and 20 concurrent users. Run: npm run bench:attainment
 */
import { sql } from "drizzle-orm";
import { nationalAttainment, provinceAttainment } from "../app/_server/attainment";
import { getDashboard } from "../app/_server/dashboard";
import type { Db } from "../db/index";
import { figures, indicators, provinces, targets } from "../db/schema";
import { readIndicators, readProvinces } from "../db/seed";
import { benchDatabases, summary } from "./lib";

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const REQUESTS = Number(process.env.REQUESTS ?? 60);

/** A deterministic pseudo-random series: seasonal, trending, different per province and indicator. */
function syntheticValue(p: number, i: number, year: number, month: number) {
  const base = 100 + ((p * 37 + i * 11) % 900);
  const trend = 1 + 0.06 * (year - 2017);
  const season = 1 + 0.15 * Math.sin((month / 12) * 2 * Math.PI + p);
  return Math.round(base * trend * season * 100) / 100;
}

async function load(db: Db) {
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
      for (const year of YEARS) {
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
          year: 2026,
          basis: i.targetBasis,
          value: i.targetBasis === "growth" ? "8" : "20000",
        })),
    ),
  );
  await db.execute(sql`analyze`);
  return count;
}

async function measure(users: number, run: () => Promise<unknown>) {
  const samples: number[] = [];
  const perUser = Math.ceil(REQUESTS / users);
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (let r = 0; r < perUser; r++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
    }),
  );
  return summary(samples);
}

for (const target of await benchDatabases()) {
  const handle = await target.open();
  const started = performance.now();
  const count = await load(handle.db);
  console.log(
    `${target.name}: loaded ${count} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const [province] = await handle.db.select().from(provinces).where(sql`${provinces.id} = '15-2025'`);
  const [iip] = await handle.db.select().from(indicators).where(sql`${indicators.code} = 'CN.IIP'`);
  const cases: [string, () => Promise<unknown>][] = [
    ["dashboard (getDashboard, 15-2025, 2026-YTD10)", () => getDashboard(handle.db, province, "2026-YTD10")],
    [
      "GET /provinces/15-2025/attainment?period=2026-Q3",
      () => provinceAttainment(handle.db, province, "2026-Q3"),
    ],
    [
      "GET /attainment?period=2026-YTD06&indicator=CN.IIP",
      () => nationalAttainment(handle.db, iip, "2026-YTD06"),
    ],
  ];
  for (const [name, run] of cases) {
    await run(); // warm up
    for (const users of [1, 20]) {
      console.log(`${target.name} · ${name} · ${users} user(s): ms`, await measure(users, run));
    }
  }
  await handle.close();
}
process.exit(0);
