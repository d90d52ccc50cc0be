import "server-only";
import { eq, inArray, or, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { cache as perRequest } from "react";
import type { DbOrTx } from "@/db";
import { latestApprovedMonth, latestFigureMonth } from "@/db/queries/months";
import { getProvinceWithPredecessors, listIndicators, listProvinces } from "@/db/queries/reference";
import { changesSince } from "@/db/queries/whats-new";
import { countSubmittedMonths } from "@/db/queries/workflow";
import { dataVersions, type Indicator, type Province, provinces } from "@/db/schema";
import { nationalAttainment, provinceAttainment } from "./attainment";
import { getDashboard } from "./dashboard";

/**
 * Computed attainment, cached per server process and keyed by the data versions it was computed
 * from (issue 12). Every write to figures, targets or month statuses bumps the version of its
 * province in the writing transaction (triggers, migration `data_versions_triggers`; provinces and
 * indicators bump `*`), so each request makes one indexed read of the versions that matter and
 * recomputes only when one moved: a saved figure shows on the next request, on every app server.
 *
 * The versions are read BEFORE the data: what is stored under a version is never older than it.
 * The engine is not changed: this wraps its calls (app/_server/attainment.ts, dashboard.ts), and
 * the leader's "what's new", which reads the revisions, transitions and target changes written in
 * the same transactions as the figures, months and targets whose writes bump the versions. Smaller
 * reads that every page makes (the units, the months waiting for a leader, the reference lists) are
 * kept the same way, so that a page makes the queries only it needs.
 *
 * Cached values are shared between requests: callers must not change them.
 */

const MAX_ENTRIES = 2000;

type Entry = { version: string; value: Promise<unknown> };
/** One cache per database handle, as each app server has its own. */
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: DbOrTx): Map<string, Entry> | null {
  // Inside a transaction the caller may see its own uncommitted writes: never cache those.
  if (db instanceof PgTransaction) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The data version of a province's attainment: the sum of the counters of the province, its
 * predecessors and `*` (each counter only grows, so the sum moves whenever one of them does; a
 * new predecessor changes `provinces`, which bumps `*`). Without a province: every counter.
 */
export async function dataVersion(db: DbOrTx, provinceId?: string): Promise<string> {
  const provinceScopes = provinceId
    ? or(
        eq(dataVersions.scope, "*"),
        inArray(
          dataVersions.scope,
          db
            .select({ id: provinces.id })
            .from(provinces)
            .where(or(eq(provinces.id, provinceId), eq(provinces.successorId, provinceId))),
        ),
      )
    : undefined;
  const [row] = await db
    .select({ v: sql<string | null>`sum(${dataVersions.version})::text` })
    .from(dataVersions)
    .where(provinceScopes);
  return row?.v ?? "0";
}

/** The data version, read once per page request however many cached reads the page makes. */
const versionOnce = perRequest(dataVersion);

/** `compute()` for `key` at the current data version of `provinceId` (or of everything), cached. */
async function cached<T>(
  db: DbOrTx,
  key: string,
  provinceId: string | undefined,
  compute: () => PromiseLike<T>,
): Promise<T> {
  const cache = cacheOf(db);
  if (!cache) return compute();
  const version = await versionOnce(db, provinceId);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Least recently used goes first: re-insert on a hit.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  // Concurrent requests for the same key and version share one computation. A query builder is a
  // thenable that runs its query each time it is awaited: resolve it once, here.
  const value = Promise.resolve(compute());
  cache.set(key, { version, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}

/** `GET /provinces/{id}/attainment?period=…`, cached: see provinceAttainment. */
export function cachedProvinceAttainment(db: DbOrTx, province: Province, period: string) {
  return cached(db, `province|${province.id}|${period}`, province.id, () =>
    provinceAttainment(db, province, period),
  );
}

/** `GET /attainment?period=…&indicator=…` and the national comparison, cached: see nationalAttainment. */
export function cachedNationalAttainment(db: DbOrTx, indicator: Indicator, period: string) {
  return cached(db, `national|${indicator.code}|${period}`, undefined, () =>
    nationalAttainment(db, indicator, period),
  );
}

/** The province dashboard's data, cached: see getDashboard. */
export function cachedDashboard(db: DbOrTx, province: Province, requestedPeriod?: string) {
  return cached(db, `dashboard|${province.id}|${requestedPeriod ?? ""}`, province.id, () =>
    getDashboard(db, province, requestedPeriod),
  );
}

/** The latest month with a figure in any province (the national page's default), cached. */
export function cachedLatestFigureMonth(db: DbOrTx) {
  return cached(db, "latest-month", undefined, () => latestFigureMonth(db));
}

/** The latest month any province has approved (the national page opens on it), cached. */
export function cachedLatestApprovedMonth(db: DbOrTx) {
  return cached(db, "latest-approved-month", undefined, () => latestApprovedMonth(db));
}

/** Every unit and every indicator, cached at the version of everything (their writes bump `*`). */
export function cachedProvinces(db: DbOrTx) {
  return cached(db, "provinces", undefined, () => listProvinces(db));
}
export function cachedIndicators(db: DbOrTx) {
  return cached(db, "indicators", undefined, () => listIndicators(db));
}

/** A province and its former units, cached at the province's version (a change to any unit bumps `*`). */
export function cachedProvinceWithPredecessors(db: DbOrTx, provinceId: string) {
  return cached(db, `units|${provinceId}`, provinceId, () => getProvinceWithPredecessors(db, provinceId));
}

/**
 * How many months wait for a leader among `units` (`provinceId` and some of its former units):
 * cached at its version, which every change of a month's status bumps.
 */
export function cachedSubmittedMonths(db: DbOrTx, provinceId: string, units: string[]) {
  return cached(db, `submitted|${provinceId}|${units.join(",")}`, provinceId, () =>
    countSubmittedMonths(db, units),
  );
}

/**
 * "What's new" in a province and its predecessors (or, without one, everywhere) since `since`,
 * cached: see changesSince. Its three queries cost the database more than the rest of the
 * dashboard (issue 12), and their answer moves only with the data versions.
 */
export function cachedChangesSince(
  db: DbOrTx,
  provinceId: string | null,
  scope: string[] | null,
  since: Date,
) {
  return cached(db, `whats-new|${provinceId ?? "*"}|${since.getTime()}`, provinceId ?? undefined, () =>
    changesSince(db, scope, since),
  );
}
