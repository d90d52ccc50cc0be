import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "@/app/_server/guard";
import { loadSheet, runTransition } from "@/app/_server/month";
import type { DbHandle, Tx } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { type FigureWrite, saveFigures } from "@/db/queries/figure-writes";
import {
  countSubmittedMonths,
  figureChangesSince,
  getMonthStatus,
  listReturnedMonths,
} from "@/db/queries/workflow";
import { provinces, users } from "@/db/schema";
import { seed } from "@/db/seed";
import type { Transition } from "@/lib/workflow";
import { DB_KINDS, openTestDb } from "./db";

const PROVINCE = "08-2025";
const MONTH = "2026-11"; // after the demo series: an empty month

/** A returned month keeps the staff's explanations, tells them why, and shows the leader what changed. */
describe.each(DB_KINDS)("returned months on %s", (kind) => {
  let handle: DbHandle;
  let staffId: number;
  let leaderId: number;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    const ids = await handle.db.select({ id: users.id, username: users.username }).from(users);
    const id = (u: string) => ids.find((r) => r.username === u)?.id as number;
    [staffId, leaderId] = [id("tuyenquang.canbo"), id("tuyenquang.lanhdao")];
  }, 120_000);
  afterAll(() => handle?.close());

  const save = (writes: FigureWrite[]) =>
    handle.db.transaction((tx) => saveFigures(tx, PROVINCE, staffId, writes));
  const transition = (
    t: Transition,
    body: { reason?: string; acknowledge?: { indicator: string; reason: string }[] },
    userId: number,
  ) =>
    handle.db.transaction(async (tx) => {
      const [province] = await tx.select().from(provinces).where(eq(provinces.id, PROVINCE));
      const ctx = {
        tx: tx as Tx,
        user: {
          id: userId,
          username: "",
          displayName: "",
          role: "staff",
          provinceId: PROVINCE,
          mustChangePassword: false,
        },
        input: {},
        province,
        audit: (entry) => writeAudit(tx, { provinceId: PROVINCE, ...entry, userId }),
      } satisfies WriteContext<unknown>;
      return runTransition(ctx, PROVINCE, MONTH, t, body);
    });
  const xnk = (value: number, version?: number): FigureWrite => ({
    indicator: "TM.XNK",
    period: MONTH,
    measure: "value",
    value,
    vintage: "estimate",
    version,
  });
  const explainAll = async (reason: string) => {
    const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
    return [...new Set(sheet.warnings.map((w) => w.indicator))].map((indicator) => ({ indicator, reason }));
  };

  it("counts the months waiting for a leader, keeps the explanations and says why a month came back", async () => {
    const waitingBefore = await countSubmittedMonths(handle.db, [PROVINCE]);
    await save([xnk(300)]);
    const acknowledge = await explainAll("Cửa khẩu mở lại sau bão");
    expect(acknowledge.length).toBeGreaterThan(0);
    await transition("submit", { acknowledge }, staffId);
    expect(await countSubmittedMonths(handle.db, [PROVINCE])).toBe(waitingBefore + 1);
    expect(await countSubmittedMonths(handle.db, ["25-2025"])).toBe(0);

    await transition("return", { reason: "Kim ngạch chưa khớp số hải quan" }, leaderId);
    expect(await countSubmittedMonths(handle.db, [PROVINCE])).toBe(waitingBefore);
    const returned = await listReturnedMonths(handle.db, [PROVINCE]);
    expect(returned).toEqual([
      expect.objectContaining({
        period: MONTH,
        reason: "Kim ngạch chưa khớp số hải quan",
        by: expect.any(String),
      }),
    ]);
    // The explanations stay with the month (its last submission), for submitting again.
    const { history } = await getMonthStatus(handle.db, PROVINCE, MONTH);
    expect(history.filter((h) => h.action === "submit").at(-1)?.acknowledgements).toEqual(acknowledge);
  });

  it("shows the leader what changed since the previous submission, and nothing else", async () => {
    const history = (await getMonthStatus(handle.db, PROVINCE, MONTH)).history;
    const previousSubmit = history.filter((h) => h.action === "submit").at(-1);
    if (!previousSubmit) throw new Error("no submission");
    const [figure] = await save([xnk(250, 1)]);
    expect(figure.version).toBe(2);
    await transition("submit", { acknowledge: await explainAll("Đã đối chiếu") }, staffId);
    expect(await listReturnedMonths(handle.db, [PROVINCE])).toEqual([]);

    const changes = await figureChangesSince(handle.db, PROVINCE, MONTH, previousSubmit.at);
    expect(changes).toEqual([
      expect.objectContaining({
        indicator: "TM.XNK",
        period: MONTH,
        measure: "value",
        before: 300,
        after: 250,
      }),
    ]);
    // Before the first submission everything is new; after the last, nothing changed.
    const last = (await getMonthStatus(handle.db, PROVINCE, MONTH)).history.at(-1);
    expect(await figureChangesSince(handle.db, PROVINCE, MONTH, last?.at as Date)).toEqual([]);
  });
});
