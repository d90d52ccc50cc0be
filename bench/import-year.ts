/**
 * How long importing a full year for one province takes (issue 11: about 330 figures, < 2 s):
 * a statistics-office table of every indicator × 12 months, read, previewed (with the sheet's
 * warnings) and confirmed through the save path — against a floor measured in the same run, the
 * plain save path writing the same figures in one transaction. On PGlite and on PostgreSQL.
 * Run: npm run bench:import
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { commitImport, previewImport } from "../app/_server/imports";
import type { CurrentUser } from "../app/_server/session";
import { writeAudit } from "../db/queries/audit";
import { type FigureWrite, saveFigures } from "../db/queries/figure-writes";
import { indicators, provinces, users } from "../db/schema";
import { seed } from "../db/seed";
import type { LayoutMapping } from "../lib/import/layout";
import { benchDatabases, percentile, summary } from "./lib";

const ROUNDS = Number(process.env.ROUNDS ?? 8);
// Cao Bằng has no demo series: two whole past years without figures (months to come are refused, issue 9).
const PROVINCE = "04";
const IMPORT_YEAR = 2023;
const FLOOR_YEAR = 2024;

type Row = { code: string; nameVi: string; kind: string };

/** A plausible value of an indicator in a month (indices as index %, 100 = no change). */
function sampleValue(row: Row, month: number, round: number): number {
  if (row.kind === "index") return 100 + ((month * 7 + round) % 15) + 0.25;
  if (row.kind === "rate") return 50 + ((month + round) % 40);
  if (row.kind === "count") return (month + round) % 9;
  return 100 + month * 10 + round + 0.5;
}

async function yearTable(rows: Row[], round: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu năm");
  ws.getRow(3).values = [
    "STT",
    "Chỉ tiêu",
    ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}/${IMPORT_YEAR}`),
  ];
  rows.forEach((row, i) => {
    ws.getRow(4 + i).values = [
      i + 1,
      row.nameVi,
      ...Array.from({ length: 12 }, (_, m) => sampleValue(row, m + 1, round)),
    ];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function mappingFor(rows: Row[]): LayoutMapping {
  return {
    sheet: "Số liệu năm",
    labelColumn: 2,
    headerRow: 3,
    rows: rows.map((r) => ({
      label: r.nameVi.toLowerCase(),
      indicator: r.code,
      measure: r.kind === "index" ? "yoy_pct" : "value",
      index100: r.kind === "index",
    })),
    columns: Array.from({ length: 12 }, (_, i) => ({
      header: `tháng ${i + 1}`,
      kind: "month" as const,
      month: i + 1,
    })),
  };
}

for (const target of await benchDatabases()) {
  const handle = await target.open();
  await seed(handle.db, { demoAccounts: true });
  const [u] = await handle.db.select().from(users).where(eq(users.username, "thainguyen.canbo"));
  const staff: CurrentUser = { ...u, mustChangePassword: false };
  const [province] = await handle.db.select().from(provinces).where(eq(provinces.id, PROVINCE));
  const rows: Row[] = (await handle.db.select().from(indicators)).map((i) => ({
    code: i.code,
    nameVi: i.nameVi,
    kind: i.kind,
  }));
  const mapping = mappingFor(rows);
  const floorVersions = new Map<string, number>();
  const floor: number[] = [];
  const preview: number[] = [];
  const total: number[] = [];
  let figuresPerImport = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The floor: the same number of figures through the plain save path, one transaction.
    const writes: FigureWrite[] = rows.flatMap((row) =>
      Array.from({ length: 12 }, (_, m) => {
        const period = `${FLOOR_YEAR}-${String(m + 1).padStart(2, "0")}`;
        const measure = row.kind === "index" ? ("yoy_pct" as const) : ("value" as const);
        const v = sampleValue(row, m + 1, round);
        return {
          indicator: row.code,
          period,
          measure,
          value: row.kind === "index" ? Math.round((v - 100) * 1e6) / 1e6 : v,
          vintage: "official" as const,
          version: floorVersions.get(`${row.code}|${period}`) ?? null,
        };
      }),
    );
    let started = performance.now();
    const saved = await handle.db.transaction((tx) => saveFigures(tx, PROVINCE, staff.id, writes));
    floor.push(performance.now() - started);
    for (const f of saved) floorVersions.set(`${f.indicator}|${f.period}`, f.version);

    const file = await yearTable(rows, round);
    started = performance.now();
    const p = await handle.db.transaction((tx) =>
      previewImport(tx, staff, province, { name: "nam.xlsx", bytes: file }, { mapping, vintage: "official" }),
    );
    preview.push(performance.now() - started);
    if (p.status !== "preview" || !p.importId)
      throw new Error(`import not committable: ${JSON.stringify(p).slice(0, 300)}`);
    figuresPerImport = p.cells.length;
    const committed = await handle.db.transaction((tx) =>
      commitImport(
        { tx, user: staff, audit: (e) => writeAudit(tx, { provinceId: PROVINCE, ...e, userId: staff.id }) },
        province,
        p.importId as string,
      ),
    );
    total.push(performance.now() - started);
    if (committed.saved !== p.cells.length) throw new Error(`saved ${committed.saved} of ${p.cells.length}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // The first round creates the year's rows and warms caches; the rest are the steady state.
  const warm = (xs: number[]) => (xs.length > 2 ? xs.slice(1) : xs);
  console.log(`${target.name}: import a year (${figuresPerImport} figures), ms`, {
    floor: summary(floor),
    preview: summary(preview),
    "preview + commit": summary(total),
    "warm preview + commit": summary(warm(total)),
    "ratio to floor (p50)": (median(total) / median(floor)).toFixed(1),
    "warm ratio to floor (p50)": (median(warm(total)) / median(warm(floor))).toFixed(1),
    "under 2 s (warm p95)": percentile(warm(total), 95) < 2000,
  });
  await handle.close();
}
process.exit(0);
