import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { listFigureRevisions, listFigures } from "@/db/queries/figures";
import { getProvinceWithPredecessors } from "@/db/queries/reference";
import { createApiToken, getUserByToken, listApiTokens, revokeApiToken } from "@/db/queries/tokens";
import { apiTokens, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DB_KINDS, openTestDb } from "./db";

describe.each(DB_KINDS)("queries on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
  }, 120_000);
  afterAll(() => handle?.close());

  it("personal access tokens: stored hashed, found by secret, dead once revoked", async () => {
    const [owner] = await handle.db.select().from(users).where(eq(users.username, "laocai.canbo"));
    const { secret, token } = await createApiToken(handle.db, owner.id, "báo cáo tháng");
    expect(secret).toMatch(/^ct_[A-Za-z0-9_-]{40,}$/);
    const [stored] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(stored.tokenHash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(10));
    expect((await getUserByToken(handle.db, secret))?.id).toBe(owner.id);
    expect(await getUserByToken(handle.db, `${secret}x`)).toBeNull();
    expect(await getUserByToken(handle.db, "not-a-token")).toBeNull();

    const [other] = await handle.db.select().from(users).where(eq(users.username, "phutho.canbo"));
    expect(await revokeApiToken(handle.db, other.id, token.id)).toBeNull();
    expect((await revokeApiToken(handle.db, owner.id, token.id))?.id).toBe(token.id);
    expect(await getUserByToken(handle.db, secret)).toBeNull();
    const listed = await listApiTokens(handle.db, owner.id);
    expect(listed[0].revokedAt).not.toBeNull();
  });

  it("records a token's last use to the minute, without a write on every call (issue 12)", async () => {
    const [owner] = await handle.db.select().from(users).where(eq(users.username, "laocai.lanhdao"));
    const { secret, token } = await createApiToken(handle.db, owner.id, "every second");
    const lastUsed = async () =>
      (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await getUserByToken(handle.db, secret);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await getUserByToken(handle.db, secret);
    expect(await lastUsed()).toEqual(first);
    // A use more than a minute after the recorded one is recorded.
    const earlier = new Date(Date.now() - 61_000);
    await handle.db.update(apiTokens).set({ lastUsedAt: earlier }).where(eq(apiTokens.id, token.id));
    await getUserByToken(handle.db, secret);
    expect((await lastUsed())?.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
  });

  it("a token dies when its owner's session version moves on (deactivation, password reset, role change)", async () => {
    const [owner] = await handle.db.select().from(users).where(eq(users.username, "thainguyen.canbo"));
    const { secret } = await createApiToken(handle.db, owner.id, "nightly import");
    expect((await getUserByToken(handle.db, secret))?.id).toBe(owner.id);
    await handle.db
      .update(users)
      .set({ sessionVersion: owner.sessionVersion + 1 })
      .where(eq(users.id, owner.id));
    expect(await getUserByToken(handle.db, secret)).toBeNull();
    const [listed] = await listApiTokens(handle.db, owner.id);
    expect(listed).toMatchObject({ name: "nightly import", revokedAt: null, expired: true });
    // A token made afterwards lives on the new version.
    const fresh = await createApiToken(handle.db, owner.id, "after the reset");
    expect(fresh.token.sessionVersion).toBe(owner.sessionVersion + 1);
    expect((await getUserByToken(handle.db, fresh.secret))?.id).toBe(owner.id);
  });

  it("a province comes with its predecessors, itself first", async () => {
    const rows = await getProvinceWithPredecessors(handle.db, "15-2025");
    expect(rows.map((p) => p.id)).toEqual(["15-2025", "10", "15"]);
  });

  it("lists a period's figures with their month's status and history", async () => {
    const rows = await listFigures(handle.db, "10", { period: "2023-YTD06" });
    const xnk = rows.find((r) => r.indicator === "TM.XNK");
    expect(xnk).toMatchObject({ value: "945.040000", vintage: "estimate", status: "approved", version: 1 });
    const history = await listFigureRevisions(
      handle.db,
      rows.map((r) => r.id),
    );
    expect(history).toHaveLength(rows.length);
  });
});
