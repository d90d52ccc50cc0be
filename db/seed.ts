import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { count, sql } from "drizzle-orm";
import { readEnv } from "@/lib/env";
import { hashPassword } from "@/lib/passwords";
import { type Db, openDbFromEnv } from "./index";
import { migrate } from "./migrate";
import {
  auditLog,
  figureRevisions,
  figures,
  indicators,
  type NewFigure,
  type NewIndicator,
  type NewProvince,
  type NewTarget,
  periodStatuses,
  periodTransitions,
  provinces,
  targetRevisions,
  targets,
  users,
} from "./schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo-accounts";
import { demoTargets } from "./seed/demo-targets";
import { type ArticleRow, type SeedFigure, syntheticFigures } from "./seed/synthetic";

const dataDir = path.join(import.meta.dirname, "data");
/** The last month of the demo series: the month before "today" in the demo story. */
export const DEMO_LAST_MONTH = "2026-10";

type CsvRow = Record<string, string>;
function readCsv(file: string): CsvRow[] {
  return parse(fs.readFileSync(path.join(dataDir, file), "utf8"), { columns: true, skip_empty_lines: true });
}

export function readProvinces(): NewProvince[] {
  return readCsv("provinces.csv").map((r) => ({
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    kind: r.kind,
    validFrom: r.valid_from || null,
    validTo: r.valid_to || null,
    successorId: r.successor_id || null,
  }));
}

export function readIndicators(): NewIndicator[] {
  return readCsv("indicators.csv").map((r, i) => ({
    code: r.code,
    parentCode: r.parent_code || null,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    unit: r.unit,
    kind: r.kind as NewIndicator["kind"],
    direction: r.direction as NewIndicator["direction"],
    decimals: Number(r.decimals),
    targetBasis: r.target_basis as NewIndicator["targetBasis"],
    frequency: r.frequency,
    sortOrder: i + 1,
  }));
}

/**
 * The published figures. A source of "same …" means the article of the rows above; a "derived: …"
 * source explains how a figure follows from that article, so it is kept beside the article's name.
 */
export function readArticleRows(): (ArticleRow & { source: string })[] {
  let article = "";
  return readCsv("article-figures.csv").map((r) => {
    let source = r.source;
    if (r.source.startsWith("same")) source = `${article}${r.source.slice(4)}`;
    else if (r.source.startsWith("derived:")) source = `${article} (${r.source})`;
    else article = r.source;
    return {
      provinceId: r.province_id,
      indicator: r.indicator,
      period: r.period,
      measure: r.measure,
      value: Number(r.value),
      valueMax: r.value_max ? Number(r.value_max) : null,
      vintage: r.vintage || null,
      role: r.role as ArticleRow["role"],
      source,
    };
  });
}

const FIGURE_MEASURES = new Set(["value", "level", "yoy_pct", "mom_pct"]);

/** Published inputs that are figures, as seed rows. */
function articleFigures(rows: ReturnType<typeof readArticleRows>): SeedFigure[] {
  return rows
    .filter((r) => r.role === "input" && FIGURE_MEASURES.has(r.measure))
    .map((r) => ({
      provinceId: r.provinceId,
      indicator: r.indicator,
      period: r.period,
      measure: r.measure as SeedFigure["measure"],
      value: r.value,
      vintage: (r.vintage ?? "official") as SeedFigure["vintage"],
      note: `Theo: ${r.source}`,
    }));
}

/** Published inputs that are targets: a level, a growth rate, a range, or a quarterly scenario. */
export function articleTargets(rows: ReturnType<typeof readArticleRows>): NewTarget[] {
  return rows
    .filter(
      (r) => r.role === "input" && (r.measure.startsWith("target_") || r.measure.startsWith("scenario_")),
    )
    .map((r) => {
      const quarter = /-Q([1-4])$/.exec(r.period);
      return {
        provinceId: r.provinceId,
        indicatorCode: r.indicator,
        year: Number(r.period.slice(0, 4)),
        quarter: quarter ? Number(quarter[1]) : null,
        basis: r.measure === "target_value" ? "level" : "growth",
        value: String(r.value),
        valueMax: r.valueMax === null ? null : String(r.valueMax),
        // "trên 16%" is published as a lower bound; the file says so in its source column.
        bound: /lower bound|'trên /.test(r.source) ? "at_least" : "exact",
        document: r.source,
      } satisfies NewTarget;
    });
}

function toFigureRow(f: SeedFigure): NewFigure {
  return {
    provinceId: f.provinceId,
    indicatorCode: f.indicator,
    period: f.period,
    year: Number(f.period.slice(0, 4)),
    measure: f.measure,
    value: String(f.value),
    vintage: f.vintage,
    note: f.note,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type SeedOptions = { demoAccounts: boolean; lastMonth?: string };

/**
 * Seeds reference data, the published figures and targets, the synthetic demo series and (in demo
 * mode) the demo accounts. Safe to run twice: existing rows are left as they are.
 */
export async function seed(db: Db, options: SeedOptions): Promise<Record<string, number>> {
  const lastMonth = options.lastMonth ?? DEMO_LAST_MONTH;
  const article = readArticleRows();
  const seedFigures = [...articleFigures(article), ...syntheticFigures(article, { lastMonth })];
  const passwordHash = options.demoAccounts ? await hashPassword(DEMO_PASSWORD) : "";

  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    const provinceRows = readProvinces();
    // Successors first would break nothing (no foreign key), but keep the file's order for readability.
    await tx
      .insert(provinces)
      .values(provinceRows)
      .onConflictDoUpdate({
        target: provinces.id,
        set: {
          code: sql`excluded.code`,
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          kind: sql`excluded.kind`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
          successorId: sql`excluded.successor_id`,
        },
      });
    counts.provinces = provinceRows.length;

    const indicatorRows = readIndicators();
    await tx
      .insert(indicators)
      .values(indicatorRows)
      .onConflictDoUpdate({
        target: indicators.code,
        set: {
          parentCode: sql`excluded.parent_code`,
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          unit: sql`excluded.unit`,
          kind: sql`excluded.kind`,
          direction: sql`excluded.direction`,
          decimals: sql`excluded.decimals`,
          targetBasis: sql`excluded.target_basis`,
          frequency: sql`excluded.frequency`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    counts.indicators = indicatorRows.length;

    if (options.demoAccounts) {
      const inserted = await tx
        .insert(users)
        .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash, isDemo: true })))
        .onConflictDoNothing({ target: users.username })
        .returning({ id: users.id });
      counts.users = inserted.length;
    }

    counts.figures = 0;
    for (const batch of chunks(seedFigures.map(toFigureRow), 1000)) {
      const inserted = await tx.insert(figures).values(batch).onConflictDoNothing().returning();
      if (inserted.length > 0) {
        await tx.insert(figureRevisions).values(
          inserted.map((f) => ({
            figureId: f.id,
            version: f.version,
            value: f.value,
            vintage: f.vintage,
            note: f.note,
            enteredAt: f.enteredAt,
          })),
        );
      }
      counts.figures += inserted.length;
    }

    const insertedTargets = await tx
      .insert(targets)
      .values([...articleTargets(article), ...demoTargets()])
      .onConflictDoNothing()
      .returning();
    if (insertedTargets.length > 0) {
      await tx.insert(targetRevisions).values(
        insertedTargets.map((t) => ({
          targetId: t.id,
          version: t.version,
          basis: t.basis,
          value: t.value,
          valueMax: t.valueMax,
          bound: t.bound,
          document: t.document,
          updatedAt: t.updatedAt,
        })),
      );
    }
    counts.targets = insertedTargets.length;

    // Every seeded month before the last is approved, as a real department's history would be;
    // the last month stays a draft for the demo staff to work on.
    const months = new Map<string, string>();
    for (const f of seedFigures) {
      if (/^\d{4}-\d{2}$/.test(f.period) && f.period < lastMonth)
        months.set(`${f.provinceId}|${f.period}`, f.period);
    }
    const statusRows = [...months.keys()].map((key) => {
      const [provinceId, period] = key.split("|");
      return { provinceId, period, status: "approved" as const };
    });
    counts.approvedMonths = 0;
    for (const batch of chunks(statusRows, 1000)) {
      const inserted = await tx.insert(periodStatuses).values(batch).onConflictDoNothing().returning();
      if (inserted.length > 0) {
        await tx.insert(periodTransitions).values(
          inserted.map((s) => ({
            provinceId: s.provinceId,
            period: s.period,
            action: "seed",
            fromStatus: "draft" as const,
            toStatus: "approved" as const,
            reason: "Dữ liệu demo / demo data",
          })),
        );
      }
      counts.approvedMonths += inserted.length;
    }

    if (counts.figures + counts.targets + (counts.users ?? 0) > 0) {
      await tx
        .insert(auditLog)
        .values({ action: "seed", entity: "database", entityId: "seed", after: counts });
    }
    return counts;
  });
}

/** True when the database has never been seeded (used by the embedded first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(provinces);
  return row.n === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = readEnv();
  const handle = openDbFromEnv();
  const started = Date.now();
  migrate(handle)
    .then(() => seed(handle.db, { demoAccounts: env.demoMode }))
    .then((counts) => {
      const added = Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      console.log(`Seeded (${handle.kind}) in ${Date.now() - started} ms: ${added}.`);
      if (!env.demoMode)
        console.log("Demo accounts were not created: not in demo mode (set CHITIEU_DEMO=1).");
    })
    .finally(() => handle.close());
}
