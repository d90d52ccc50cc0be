/**
 * How long saving a month's sheet takes: 27 figures in one transaction (saveFigures, as the sheet
 * and `PUT /figures` do), on PGlite and on PostgreSQL. Run: npm run bench:save
 */
import { eq } from "drizzle-orm";
import { saveFigures } from "../db/queries/figure-writes";
import { users } from "../db/schema";
import { seed } from "../db/seed";
import { benchDatabases, summary } from "./lib";

const ROUNDS = Number(process.env.ROUNDS ?? 60);
// Cao Bằng has no demo series: an empty past month (months to come are refused, issue 9).
const PROVINCE = "04";
const MONTH = "2024-01";

const CODES = [
  ["CN.IIP", "yoy_pct"],
  ["CN.IIP", "mom_pct"],
  ["CN.IIP.B", "yoy_pct"],
  ["CN.IIP.C", "yoy_pct"],
  ["CN.IIP.D", "yoy_pct"],
  ["CN.IIP.E", "yoy_pct"],
  ["CN.GTSX", "value"],
  ["CN.GTSX.B", "value"],
  ["CN.GTSX.C", "value"],
  ["CN.GTSX.D", "value"],
  ["CN.GTSX.E", "value"],
  ["NL.DIEN_SX", "value"],
  ["NL.DIEN_TP", "value"],
  ["NL.TD_CS", "value"],
  ["NL.TD_SO", "value"],
  ["NL.THON_DIEN", "value"],
  ["TM.BLDV", "value"],
  ["TM.BLDV.BL", "value"],
  ["TM.BLDV.LTAU", "value"],
  ["TM.BLDV.DVK", "value"],
  ["TM.XNK", "value"],
  ["TM.XNK.XK", "value"],
  ["TM.XNK.NK", "value"],
  ["DT.CCN_DA", "value"],
  ["DT.CCN_VON", "value"],
  ["DT.CCN_MOI", "value"],
  ["CN.IIP.B", "mom_pct"],
] as const;

for (const target of await benchDatabases()) {
  const handle = await target.open();
  await seed(handle.db, { demoAccounts: true });
  const [staff] = await handle.db.select().from(users).where(eq(users.username, "thainguyen.canbo"));
  const versions = new Map<string, number>();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const writes = CODES.map(([indicator, measure]) => ({
      indicator,
      period: MONTH,
      measure,
      value: measure === "value" ? 100 + round : 5 + round / 10,
      vintage: "estimate" as const,
      version: versions.get(indicator + measure) ?? null,
    }));
    const started = performance.now();
    const saved = await handle.db.transaction((tx) => saveFigures(tx, PROVINCE, staff.id, writes));
    samples.push(performance.now() - started);
    for (const f of saved) versions.set(f.indicator + f.measure, f.version);
  }
  // The first rounds warm caches and create the rows; report the steady state too.
  console.log(`${target.name}: save a ${CODES.length}-figure month, ms`, {
    all: summary(samples),
    warm: summary(samples.slice(10)),
  });
  await handle.close();
}
process.exit(0);
