import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditScope } from "@/app/_server/audit-scope";
import type { CurrentUser } from "@/app/_server/session";
import type { DbHandle } from "@/db";
import {
  type AuditQuery,
  auditEntriesAfter,
  countAuditEntries,
  listAuditEntries,
  listAuditPeople,
} from "@/db/queries/audit";
import { auditLog, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { AUDIT_KINDS, auditTimeRange } from "@/lib/audit";
import { DB_KINDS, openTestDb } from "./db";

describe.each(DB_KINDS)("audit log queries on %s", (kind) => {
  let handle: DbHandle;
  const ids: Record<string, number> = {};
  const current = (username: string): CurrentUser => {
    const role =
      username === "hethong" ? "system_admin" : username.endsWith(".quantri") ? "province_admin" : "staff";
    return {
      id: ids[username],
      username,
      displayName: username,
      role,
      provinceId: role === "system_admin" ? null : username.startsWith("laocai") ? "15-2025" : "25-2025",
      mustChangePassword: false,
    };
  };

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    for (const u of await handle.db.select().from(users)) ids[u.username] = u.id;
    await handle.db.delete(auditLog);
    // 130 entries: Lào Cai, its former unit (10), Phú Thọ and no province; several kinds and days,
    // many within the same millisecond (a cursor must not skip or repeat them).
    const base = Date.parse("2026-03-10T03:00:00Z");
    const rows = Array.from({ length: 130 }, (_, i) => ({
      at: new Date(base + Math.floor(i / 4) * 3_600_000),
      userId: i % 5 === 0 ? ids.hethong : i % 2 === 0 ? ids["laocai.quantri"] : ids["laocai.canbo"],
      provinceId: ["15-2025", "10", "25-2025", null][i % 4],
      action: ["user.create", "figure.save", "period.approve", "token.create", "target.save"][i % 5],
      entity: "user",
      entityId: String(ids["laocai.canbo"]),
      after: { n: i },
    }));
    await handle.db.insert(auditLog).values(rows);
  }, 120_000);
  afterAll(() => handle?.close());

  it("scopes a province admin to their province and its former units; a system admin to all or one", async () => {
    const db = handle.db;
    expect((await auditScope(db, current("laocai.quantri"), undefined))?.sort()).toEqual([
      "10",
      "15",
      "15-2025",
    ]);
    expect((await auditScope(db, current("laocai.quantri"), "10"))?.sort()).toEqual(["10"]);
    await expect(auditScope(db, current("laocai.quantri"), "25-2025")).rejects.toMatchObject({ status: 403 });
    await expect(auditScope(db, current("laocai.canbo"), undefined)).rejects.toMatchObject({ status: 403 });
    expect(await auditScope(db, current("hethong"), undefined)).toBeNull();
    expect((await auditScope(db, current("hethong"), "25-2025"))?.sort()).toEqual([
      "17",
      "25",
      "25-2025",
      "26",
    ]);
    await expect(auditScope(db, current("hethong"), "nowhere")).rejects.toMatchObject({ status: 404 });
  });

  it("filters by province, person, kind and days in Vietnam's time, newest first", async () => {
    const db = handle.db;
    const laoCai: AuditQuery = { provinceIds: ["15-2025", "10", "15"] };
    expect(await countAuditEntries(db, laoCai)).toBe(66);
    expect(await countAuditEntries(db, { provinceIds: null })).toBe(130);
    expect(await countAuditEntries(db, { provinceIds: [] })).toBe(0);
    const accounts = { ...laoCai, actionPrefixes: AUDIT_KINDS.accounts };
    const accountRows = await listAuditEntries(db, accounts, { limit: 100, offset: 0 });
    expect(accountRows.every((r) => r.action.startsWith("user."))).toBe(true);
    expect(accountRows[0].targetUsername).toBe("laocai.canbo");
    const byPerson = await listAuditEntries(
      db,
      { ...laoCai, userId: ids.hethong },
      { limit: 100, offset: 0 },
    );
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.every((r) => r.username === "hethong")).toBe(true);
    // 2026-03-10 03:00Z is 10:00 in Vietnam; 4 entries an hour: the 10th, 10:00–23:59, holds 14 hours.
    const oneDay = auditTimeRange({ from: "2026-03-10", to: "2026-03-10" });
    expect(await countAuditEntries(db, { provinceIds: null, ...oneDay })).toBe(14 * 4);
    const page = await listAuditEntries(db, laoCai, { limit: 10, offset: 0 });
    const times = page.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("a download's keyset batches return every entry exactly once, even many in the same millisecond", async () => {
    const db = handle.db;
    // Entries a few microseconds apart: a millisecond cursor would lose or repeat them.
    await db.execute(sql`
      insert into audit_log (at, province_id, action, entity, entity_id)
      select timestamptz '2026-04-01 10:00:00.000100+07' + (g || ' microseconds')::interval,
             '15-2025', 'user.role', 'user', g::text
      from generate_series(1, 25) g`);
    const query: AuditQuery = { provinceIds: ["15-2025"] };
    const seen: number[] = [];
    let cursor: { at: string; id: number } | null = null;
    for (;;) {
      const batch = await auditEntriesAfter(db, query, cursor, 7);
      seen.push(...batch.map((r) => r.id));
      if (batch.length < 7) break;
      cursor = { at: batch[batch.length - 1].cursorAt, id: batch[batch.length - 1].id };
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await countAuditEntries(db, query));
  });

  it("offers as people only those who appear in the scope's entries", async () => {
    const people = await listAuditPeople(handle.db, ["25-2025"]);
    expect(people.map((p) => p.username).sort()).toEqual(["hethong", "laocai.quantri"]);
    const [u] = await handle.db.select().from(users).where(eq(users.username, "phutho.canbo"));
    expect(people.some((p) => p.id === u.id)).toBe(false);
  });
});
