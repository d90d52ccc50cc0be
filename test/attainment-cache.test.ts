import { and, eq, isNull } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provinceAttainment } from "@/app/_server/attainment";
import {
  cachedChangesSince,
  cachedDashboard,
  cachedLatestApprovedMonth,
  cachedProvinceAttainment,
  cachedProvinces,
  cachedProvinceWithPredecessors,
  cachedSubmittedMonths,
  dataVersion,
} from "@/app/_server/attainment-cache";
import { type Db, openDb } from "@/db";
import { saveFigures } from "@/db/queries/figure-writes";
import { latestApprovedMonth } from "@/db/queries/months";
import { saveTargets } from "@/db/queries/targets";
import { transitionMonth } from "@/db/queries/workflow";
import * as schema from "@/db/schema";
import { figures, type Province, provinces, targets, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DB_KINDS, openTestDb } from "./db";

const PROVINCE = "15-2025";
const MONTH = "2026-10"; // a draft month of the demo data
const INDICATOR = "NL.DIEN_SX";

/**
 * Reads stay live through the attainment cache (issue 12): a saved figure, a changed target and a
 * month's approval show on the next read, on the server that wrote and on another one — two
 * database clients on one database, each with its own cache, as two app servers would have.
 */
describe.each(DB_KINDS)("the attainment cache (%s)", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  let serverA: Db;
  let serverB: Db;
  let closeB: () => Promise<void> = async () => {};
  let province: Province;
  let staffId: number;
  let leaderId: number;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    serverA = handle.db;
    if (kind === "pglite") {
      // One process per PGlite database: a second client over the same database.
      serverB = drizzlePglite((handle.db as unknown as { $client: never }).$client, {
        schema,
      }) as unknown as Db;
    } else {
      const other = openDb({ url: handle.url as string });
      serverB = other.db;
      closeB = other.close;
    }
    [province] = await serverA.select().from(provinces).where(eq(provinces.id, PROVINCE));
    const [staff] = await serverA.select().from(users).where(eq(users.username, "laocai.canbo"));
    const [leader] = await serverA.select().from(users).where(eq(users.username, "laocai.lanhdao"));
    staffId = staff.id;
    leaderId = leader.id;
  }, 180_000);
  afterAll(async () => {
    await closeB();
    await handle?.close();
  });

  /** The indicator's figure for the month, as stored now. */
  const monthFigure = async () => {
    const [figure] = await serverA
      .select()
      .from(figures)
      .where(
        and(
          eq(figures.provinceId, PROVINCE),
          eq(figures.indicatorCode, INDICATOR),
          eq(figures.period, MONTH),
          eq(figures.measure, "value"),
        ),
      );
    return figure;
  };

  /** The indicator's 2026 target for the whole year (not a quarter's scenario), as stored now. */
  const yearTarget = async () => {
    const [target] = await serverA
      .select()
      .from(targets)
      .where(
        and(
          eq(targets.provinceId, PROVINCE),
          eq(targets.indicatorCode, INDICATOR),
          eq(targets.year, 2026),
          isNull(targets.quarter),
        ),
      );
    return target;
  };

  /** Saves the indicator's figure for the month, as staff do (the version they read). */
  const saveMonthValue = (value: number, version: number | null) =>
    serverA.transaction((tx) =>
      saveFigures(tx, PROVINCE, staffId, [
        { indicator: INDICATOR, period: MONTH, measure: "value", value, vintage: "estimate", version },
      ]),
    );

  const rowOf = async (db: Db) =>
    (await cachedProvinceAttainment(db, province, MONTH)).find((r) => r.indicator === INDICATOR);

  it("serves repeated reads from the cache while nothing changes", async () => {
    const first = await cachedProvinceAttainment(serverA, province, MONTH);
    const second = await cachedProvinceAttainment(serverA, province, MONTH);
    expect(second).toBe(first); // the very same computed rows: not recomputed
    expect(second).toEqual(await provinceAttainment(serverA, province, MONTH));
    const dashboard = await cachedDashboard(serverA, province, MONTH);
    expect(await cachedDashboard(serverA, province, MONTH)).toBe(dashboard);
  });

  it("shows a saved figure on the next read, on both servers", async () => {
    const before = await rowOf(serverA);
    await rowOf(serverB); // both servers have it cached
    const figure = await monthFigure();
    const value = Number(figure?.value ?? 0) + 123.4;
    const versionBefore = await dataVersion(serverA, PROVINCE);
    await saveMonthValue(value, figure?.version ?? null);
    expect(await dataVersion(serverB, PROVINCE)).not.toBe(versionBefore);
    const afterA = await rowOf(serverA);
    const afterB = await rowOf(serverB);
    expect(afterA?.actual).toBeCloseTo(value, 1);
    expect(afterB?.actual).toBeCloseTo(value, 1);
    expect(afterA?.actual).not.toBe(before?.actual);
  });

  it("shows a changed target on the next read, on both servers", async () => {
    await rowOf(serverA);
    await rowOf(serverB);
    const target = await yearTarget();
    const basis = target?.basis ?? "level";
    const value = basis === "growth" ? 12.5 : 98765;
    await serverB.transaction((tx) =>
      saveTargets(tx, PROVINCE, leaderId, [
        { indicator: INDICATOR, year: 2026, basis, value, version: target?.version ?? null },
      ]),
    );
    expect((await rowOf(serverA))?.target?.value).toBe(value);
    expect((await rowOf(serverB))?.target?.value).toBe(value);
  });

  it("what's new is cached too, and shows a revision and a target change on the next read, on both servers", async () => {
    const scope = (await serverA.select().from(provinces)).filter(
      (p) => p.id === PROVINCE || p.successorId === PROVINCE,
    );
    const ids = scope.map((p) => p.id);
    const since = new Date(Date.now() - 1000);
    const firstA = await cachedChangesSince(serverA, PROVINCE, ids, since);
    expect(await cachedChangesSince(serverA, PROVINCE, ids, since)).toBe(firstA); // not queried again
    await cachedChangesSince(serverB, PROVINCE, ids, since);

    const figure = await monthFigure();
    const value = Number(figure.value) + 7;
    await saveMonthValue(value, figure.version);
    for (const server of [serverA, serverB]) {
      const { revised } = await cachedChangesSince(server, PROVINCE, ids, since);
      expect(revised.map((r) => Number(r.after))).toContain(value);
    }

    const target = await yearTarget();
    await serverB.transaction((tx) =>
      saveTargets(tx, PROVINCE, leaderId, [
        {
          indicator: INDICATOR,
          year: 2026,
          basis: target.basis,
          value: Number(target.value) + 1,
          version: target.version,
        },
      ]),
    );
    for (const server of [serverA, serverB])
      expect((await cachedChangesSince(server, PROVINCE, ids, since)).targets.length).toBeGreaterThan(0);
  });

  it("recomputes after a month's submission and approval, on both servers", async () => {
    const cachedA = await cachedProvinceAttainment(serverA, province, MONTH);
    const cachedB = await cachedProvinceAttainment(serverB, province, MONTH);
    for (const [transition, userId] of [
      ["submit", staffId],
      ["approve", leaderId],
    ] as const) {
      const version = await dataVersion(serverA, PROVINCE);
      await serverA.transaction((tx) =>
        transitionMonth(tx, { provinceId: PROVINCE, month: MONTH, transition, userId }),
      );
      expect(await dataVersion(serverB, PROVINCE)).not.toBe(version);
    }
    const afterA = await cachedProvinceAttainment(serverA, province, MONTH);
    const afterB = await cachedProvinceAttainment(serverB, province, MONTH);
    // Not served from before the approval: computed again, from the approved month.
    expect(afterA).not.toBe(cachedA);
    expect(afterB).not.toBe(cachedB);
    expect(afterB).toEqual(await provinceAttainment(serverB, province, MONTH));
  });

  it("a write to another province leaves this province's version alone; a predecessor's moves it", async () => {
    const version = await dataVersion(serverA, PROVINCE);
    await serverA.update(figures).set({ note: "x" }).where(eq(figures.provinceId, "19-2025"));
    expect(await dataVersion(serverA, PROVINCE)).toBe(version);
    const [predecessor] = await serverA.select().from(provinces).where(eq(provinces.successorId, PROVINCE));
    await serverA.update(figures).set({ note: "y" }).where(eq(figures.provinceId, predecessor.id));
    expect(await dataVersion(serverA, PROVINCE)).not.toBe(version);
  });

  it("the smaller reads every page makes — units, months waiting, latest approved month — move with the writes, on both servers", async () => {
    // Served from the cache while nothing changes: the very same values.
    for (const read of [
      () => cachedProvinces(serverA),
      () => cachedProvinceWithPredecessors(serverA, PROVINCE),
      () => cachedLatestApprovedMonth(serverA),
      () => cachedSubmittedMonths(serverA, PROVINCE, [PROVINCE]),
    ])
      expect(await read()).toBe(await read());
    const units = (await cachedProvinceWithPredecessors(serverA, PROVINCE)).map((p) => p.id);
    expect(units).toContain(PROVINCE);
    expect(units.length).toBeGreaterThan(1);
    const waiting = await cachedSubmittedMonths(serverA, PROVINCE, units);
    await cachedSubmittedMonths(serverB, PROVINCE, units);
    const approved = await cachedLatestApprovedMonth(serverA);
    expect(await cachedLatestApprovedMonth(serverA)).toBe(approved);
    await cachedLatestApprovedMonth(serverB);

    // The month approved above is reopened (latest approved may move) and submitted again (one more waiting).
    await serverA.transaction((tx) =>
      transitionMonth(tx, {
        provinceId: PROVINCE,
        month: MONTH,
        transition: "reopen",
        reason: "Sửa số liệu",
        userId: leaderId,
      }),
    );
    await serverA.transaction((tx) =>
      transitionMonth(tx, { provinceId: PROVINCE, month: MONTH, transition: "submit", userId: staffId }),
    );
    for (const server of [serverA, serverB]) {
      expect(await cachedSubmittedMonths(server, PROVINCE, units)).toBe(waiting + 1);
      expect(await cachedLatestApprovedMonth(server)).toBe(await latestApprovedMonth(server));
    }

    // A new unit (a reference write bumps everything) is listed at once, as a predecessor too.
    const before = await cachedProvinces(serverB);
    await cachedProvinceWithPredecessors(serverB, PROVINCE);
    await serverA.insert(provinces).values({
      id: "99",
      code: "99",
      nameVi: "Tỉnh Thử",
      nameEn: "Test Province",
      kind: "province",
      validTo: "2025-06-30",
      successorId: PROVINCE,
    });
    for (const server of [serverA, serverB]) {
      expect((await cachedProvinces(server)).length).toBe(before.length + 1);
      expect((await cachedProvinceWithPredecessors(server, PROVINCE)).map((p) => p.id)).toContain("99");
    }
    await serverA.delete(provinces).where(eq(provinces.id, "99"));
    expect((await cachedProvinces(serverB)).length).toBe(before.length);
  });
});
