import postgres from "postgres";
import { type DbHandle, openDb } from "../db/index";
import { migrate } from "../db/migrate";

/** p-th percentile (nearest rank) of durations in milliseconds. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(samples: number[]) {
  return {
    n: samples.length,
    p50: percentile(samples, 50).toFixed(1),
    p95: percentile(samples, 95).toFixed(1),
  };
}

/**
 * The databases a benchmark runs on: an in-memory PGlite, and a throwaway database on the
 * PostgreSQL server named by BENCH_DATABASE_URL (default: the local server), dropped afterwards.
 */
export async function benchDatabases(): Promise<{ name: string; open: () => Promise<DbHandle> }[]> {
  const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const targets: { name: string; open: () => Promise<DbHandle> }[] = [
    {
      name: "PGlite",
      open: async () => {
        const h = openDb({ dataDir: undefined });
        await migrate(h);
        return h;
      },
    },
  ];
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
    targets.push({
      name: "PostgreSQL",
      open: async () => {
        const name = `chitieu_bench_${Date.now()}`;
        await admin.unsafe(`create database "${name}"`);
        const url = new URL(base);
        url.pathname = `/${name}`;
        const h = openDb({ url: url.toString() });
        await migrate(h);
        return {
          ...h,
          close: async () => {
            await h.close();
            await admin.unsafe(`drop database if exists "${name}" with (force)`);
          },
        };
      },
    });
  } catch {
    console.log(`PostgreSQL not reachable at ${base}: PGlite only.`);
  }
  return targets;
}
