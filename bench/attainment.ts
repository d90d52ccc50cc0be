/**
 * Dashboard and attainment API at national scale: every province × every indicator × ten years of
 * months (2017–2026), on PGlite and on PostgreSQL. Reports p50 / p95 server time of
 * getDashboard (the province dashboard's data) and of the attainment API's functions (province
 * and national) under 1 and 20 concurrent users. Run: npm run bench:attainment
 */
import { sql } from "drizzle-orm";
import { nationalAttainment, provinceAttainment } from "../app/_server/attainment";
import { getDashboard } from "../app/_server/dashboard";
import { indicators, provinces } from "../db/schema";
import { benchDatabases, summary } from "./lib";
import { loadNationalData } from "./national-data";

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const REQUESTS = Number(process.env.REQUESTS ?? 60);

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
  const count = await loadNationalData(handle.db, YEARS, 2026);
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
