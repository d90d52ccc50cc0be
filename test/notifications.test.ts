import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WriteContext } from "@/app/_server/guard";
import { deliverDueMail, type SendMail, smtpSender } from "@/app/_server/mail-worker";
import { loadSheet, runTransition } from "@/app/_server/month";
import { type DbHandle, openDb, type Tx } from "@/db";
import { migrate } from "@/db/migrate";
import { writeAudit } from "@/db/queries/audit";
import { monthDueDate, saveDueRule } from "@/db/queries/calendar";
import { sweepDeadlines, weekOf } from "@/db/queries/deadlines";
import { saveFigures } from "@/db/queries/figure-writes";
import { listNotifications, markRead, savePreferences } from "@/db/queries/notifications";
import { getSubmissionBoard, listCurrentProvinces } from "@/db/queries/submissions";
import { saveTargets } from "@/db/queries/targets";
import { changesSince } from "@/db/queries/whats-new";
import { transitionMonth } from "@/db/queries/workflow";
import { figures, mailOutbox, provinces, type Role, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { readMailEnv } from "@/lib/env";
import type { Transition } from "@/lib/workflow";
import { DB_KINDS, openTestDb } from "./db";
import { startSmtpSink } from "./smtp-sink";

const PROVINCE = "25-2025";
const MONTH = "2026-10"; // the demo's draft month, due 20/11/2026
const APP_URL = "http://chitieu.test";
const FROM = "ChiTieu <chitieu@test>";

/** nodemailer over SMTP to `url`, as the worker builds it from SMTP_URL. */
function sender(url: string): SendMail {
  const send = smtpSender({ ...readMailEnv({}), smtpUrl: url });
  if (!send) throw new Error("no sender for an SMTP URL");
  return send;
}

describe.each(DB_KINDS)("deadlines, notifications and e-mail on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    process.env.APP_URL = APP_URL;
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    for (const u of await handle.db.select({ id: users.id, username: users.username }).from(users))
      ids[u.username] = u.id;
    sink = await startSmtpSink();
    await handle.db.transaction(async (tx) => {
      await savePreferences(tx, ids["phutho.canbo"], { email: "canbo@phutho.test" });
      await savePreferences(tx, ids["phutho.lanhdao"], { email: "lanhdao@phutho.test", emailOptOut: true });
      await savePreferences(tx, ids.bocongthuong, { email: "bo@congthuong.test" });
    });
  }, 120_000);
  afterAll(async () => {
    await sink?.close();
    await handle?.close();
  });

  async function transition(t: Transition, body: Parameters<typeof runTransition>[4], username: string) {
    const userId = ids[username];
    return handle.db.transaction(async (tx) => {
      const [province] = await tx.select().from(provinces).where(eq(provinces.id, PROVINCE));
      const ctx = {
        tx: tx as Tx,
        user: {
          id: userId,
          username,
          displayName: username,
          role: "staff" as Role,
          provinceId: PROVINCE,
          mustChangePassword: false,
        },
        input: {},
        province,
        audit: (entry) => writeAudit(tx, { provinceId: PROVINCE, ...entry, userId }),
      } satisfies WriteContext<unknown>;
      return runTransition(ctx, PROVINCE, MONTH, t, body);
    });
  }

  const notesOf = async (username: string) => (await listNotifications(handle.db, ids[username])).items;

  it("the board has the 34 current provinces for 2026-10: the four demo ones as drafts, the rest missing", async () => {
    const current = await listCurrentProvinces(handle.db);
    expect(current).toHaveLength(34);
    const board = await getSubmissionBoard(handle.db, current, [MONTH, "2026-09"], "2026-12-01");
    const drafts = board.filter((r) => r.cells[MONTH].status === "draft").map((r) => r.province.id);
    expect(drafts.sort()).toEqual(["08-2025", "15-2025", "19-2025", "25-2025"]);
    expect(board.filter((r) => r.cells[MONTH].status === "missing")).toHaveLength(30);
    const phutho = board.find((r) => r.province.id === PROVINCE);
    expect(phutho?.cells[MONTH]).toMatchObject({ due: "2026-11-20", lateDays: 11, overdue: true });
    // The seeded history is approved, without an invented submission date.
    expect(phutho?.cells["2026-09"]).toMatchObject({ status: "approved", lateDays: null });
  });

  it("staff hear three days before the due date, and staff and admins once it is overdue, once each", async () => {
    await handle.db.transaction((tx) => sweepDeadlines(tx, new Date("2026-11-17T02:00:00Z"), APP_URL));
    const soon = (await notesOf("phutho.canbo")).filter((n) => n.kind === "due_soon");
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({ period: MONTH, payload: expect.objectContaining({ days: 3 }) });
    expect((await notesOf("phutho.quantri")).filter((n) => n.kind === "due_soon")).toHaveLength(0);

    for (let i = 0; i < 2; i++)
      await handle.db.transaction((tx) => sweepDeadlines(tx, new Date("2026-11-22T02:00:00Z"), APP_URL));
    for (const who of ["phutho.canbo", "phutho.quantri"]) {
      const overdue = (await notesOf(who)).filter((n) => n.kind === "overdue");
      expect(overdue).toHaveLength(1);
      expect(overdue[0].payload).toMatchObject({ days: 2, due: "2026-11-20" });
    }
    // Leaders get neither; the staff's e-mail is queued once per event.
    expect((await notesOf("phutho.lanhdao")).filter((n) => n.kind === "overdue")).toHaveLength(0);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, "canbo@phutho.test"));
    expect(mails.map((m) => m.kind).sort()).toEqual(["due_soon", "overdue"]);
  });

  it("a late submission waits for the leaders; a return reaches the staff with its reason and an e-mail", async () => {
    const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
    const acknowledge = sheet.warnings.map((w) => ({ indicator: w.indicator, reason: "Số ước tính" }));
    await transition("submit", { acknowledge }, "phutho.canbo");
    const waiting = (await notesOf("phutho.lanhdao")).filter((n) => n.kind === "waiting_approval");
    expect(waiting).toHaveLength(1);
    // Another province's leader hears nothing.
    expect((await notesOf("laocai.lanhdao")).filter((n) => n.kind === "waiting_approval")).toHaveLength(0);

    await transition("return", { reason: "Thiếu số liệu xuất khẩu" }, "phutho.lanhdao");
    const [returned] = (await notesOf("phutho.canbo")).filter((n) => n.kind === "returned");
    expect(returned.payload).toMatchObject({ reason: "Thiếu số liệu xuất khẩu", by: "phutho.lanhdao" });

    const [mail] = await handle.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, "canbo@phutho.test"), eq(mailOutbox.kind, "returned")));
    expect(mail.status).toBe("pending");
    // The leader opted out: a notification in the app, no e-mail.
    expect(
      await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, "lanhdao@phutho.test")),
    ).toHaveLength(0);

    const result = await deliverDueMail(handle.db, sender(sink.url), FROM);
    expect(result.failed).toBe(0);
    const delivered = sink.messages.find((m) => m.subject.includes("trả lại"));
    expect(delivered?.to).toEqual(["canbo@phutho.test"]);
    expect(delivered?.subject).toBe("[ChiTieu] Số liệu bị trả lại: tháng 10/2026 — Tỉnh Phú Thọ");
    expect(delivered?.text).toContain("Lý do: Thiếu số liệu xuất khẩu");
    expect(delivered?.text).toContain(`${APP_URL}/entry?province=${PROVINCE}&month=${MONTH}`);
    const [after] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail.id));
    expect(after).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("an approval after the due date is told to the national viewers", async () => {
    const sheet = await loadSheet(handle.db, PROVINCE, MONTH);
    const acknowledge = sheet.warnings.map((w) => ({ indicator: w.indicator, reason: "Số ước tính" }));
    await transition("submit", { acknowledge }, "phutho.canbo");
    await transition("approve", {}, "phutho.lanhdao");
    const [late] = (await notesOf("bocongthuong")).filter((n) => n.kind === "approved_late");
    expect(late).toMatchObject({ provinceId: PROVINCE, period: MONTH });
    expect(Number(late.payload.days)).toBeGreaterThan(0);
  });

  it("marks a person's notifications read, only theirs", async () => {
    const before = await listNotifications(handle.db, ids["phutho.canbo"]);
    expect(before.unread).toBeGreaterThan(0);
    const other = await listNotifications(handle.db, ids["phutho.quantri"]);
    // Someone else's ids change nothing.
    expect(
      await markRead(
        handle.db,
        ids["phutho.canbo"],
        other.items.map((n) => n.id),
        new Date(),
      ),
    ).toBe(0);
    await markRead(handle.db, ids["phutho.canbo"], undefined, new Date());
    expect((await listNotifications(handle.db, ids["phutho.canbo"])).unread).toBe(0);
    expect((await listNotifications(handle.db, ids["phutho.quantri"])).unread).toBe(other.unread);
  });

  // Two app processes on one database (WEB_CONCURRENCY, or several servers): only PostgreSQL has
  // them, the embedded database allows one process.
  if (kind === "postgres")
    it("several app processes share the mail queue: each message is sent once", async () => {
      await deliverDueMail(handle.db, sender(sink.url), FROM);
      const subjects = Array.from({ length: 24 }, (_, i) => `Hàng đợi ${i}`);
      await handle.db.insert(mailOutbox).values(
        subjects.map((subject, i) => ({
          to: "queue@test",
          subject,
          body: "x",
          kind: "test",
          dedupeKey: `queue-${i}`,
        })),
      );
      const other = openDb({ url: handle.url as string });
      try {
        const send = sender(sink.url);
        for (let round = 0; round < 5; round++) {
          const results = await Promise.all([
            deliverDueMail(handle.db, send, FROM),
            deliverDueMail(other.db, send, FROM),
            deliverDueMail(handle.db, send, FROM),
            deliverDueMail(other.db, send, FROM),
          ]);
          if (results.every((r) => r.sent === 0)) break;
        }
      } finally {
        await other.close();
      }
      const received = sink.messages.filter((m) => m.subject.startsWith("Hàng đợi "));
      expect(received.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    });

  it("a failed send is retried with backoff, its error kept, then delivered", async () => {
    // What earlier tests queued goes first, so only the test's message is left.
    await deliverDueMail(handle.db, sender(sink.url), FROM);
    await handle.db.insert(mailOutbox).values({
      to: "retry@phutho.test",
      subject: "Thử lại",
      body: "x",
      kind: "test",
      dedupeKey: "retry-test",
    });
    const closed = await startSmtpSink();
    const deadUrl = closed.url;
    await closed.close();
    const t0 = new Date();
    const failing = sender(deadUrl);
    expect((await deliverDueMail(handle.db, failing, FROM, t0)).failed).toBe(1);
    const [row] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, "retry-test"));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    // Not due yet: nothing is claimed.
    const working = sender(sink.url);
    expect(await deliverDueMail(handle.db, working, FROM, t0)).toEqual({ sent: 0, failed: 0 });
    const later = new Date(row.nextAttemptAt.getTime() + 1000);
    expect((await deliverDueMail(handle.db, working, FROM, later)).sent).toBe(1);
    expect(sink.messages.some((m) => m.subject === "Thử lại")).toBe(true);
  });

  it("queues each leader's weekly digest once a week", async () => {
    await savePreferences(handle.db, ids["laocai.lanhdao"], { email: "lanhdao@laocai.test" });
    for (let i = 0; i < 2; i++)
      await handle.db.transaction((tx) => sweepDeadlines(tx, new Date("2026-12-02T02:00:00Z"), APP_URL));
    const digests = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "digest"));
    expect(digests.map((d) => d.to)).toEqual(["lanhdao@laocai.test"]);
    expect(digests[0].subject).toBe("[ChiTieu] Tổng hợp tuần — Tỉnh Lào Cai");
    expect(digests[0].body).toContain("Quá hạn chưa gửi: tháng 10/2026");
    expect(weekOf("2026-12-02")).toBe("2026-11-30");
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
  });
});

describe.each(DB_KINDS)("what's new since the last visit on %s", (kind) => {
  let handle: DbHandle;
  const TQ = "08-2025";

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
  }, 120_000);
  afterAll(() => handle?.close());

  it("lists figures revised (before → after, by whom), months moved and targets set after the visit, in scope", async () => {
    const id = async (username: string) =>
      (await handle.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
    const staff = await id("tuyenquang.canbo");
    const admin = await id("tuyenquang.quantri");
    // Seeding wrote history; none of it is "new" to a person.
    const seen = new Date();
    expect(await changesSince(handle.db, [TQ], new Date(seen.getTime() - 86_400_000))).toMatchObject({
      revised: [],
      months: [],
      targets: [],
    });
    const [figure] = await handle.db
      .select()
      .from(figures)
      .where(
        and(
          eq(figures.provinceId, TQ),
          eq(figures.indicatorCode, "TM.XNK"),
          eq(figures.period, "2026-10"),
          eq(figures.measure, "value"),
        ),
      );
    await handle.db.transaction((tx) =>
      saveFigures(tx, TQ, staff, [
        {
          indicator: "TM.XNK",
          period: "2026-10",
          measure: "value",
          value: Number(figure.value) + 10,
          vintage: "estimate",
          version: figure.version,
        },
      ]),
    );
    await handle.db.transaction((tx) =>
      saveTargets(tx, TQ, admin, [{ indicator: "TM.XNK", year: 2027, basis: "level", value: 1234 }]),
    );
    await handle.db.transaction((tx) =>
      transitionMonth(tx, { provinceId: TQ, month: "2026-10", transition: "submit", userId: staff }),
    );

    const changes = await changesSince(handle.db, [TQ], seen);
    expect(changes.revised).toEqual([
      expect.objectContaining({
        provinceId: TQ,
        period: "2026-10",
        by: "Cán bộ Sở Công Thương Tuyên Quang",
        total: 1,
      }),
    ]);
    expect(Number(changes.revised[0].after) - Number(changes.revised[0].before)).toBe(10);
    expect(changes.months).toEqual([expect.objectContaining({ period: "2026-10", action: "submit" })]);
    expect(changes.targets).toEqual([expect.objectContaining({ year: 2027, before: null })]);
    expect(Number(changes.targets[0].after)).toBe(1234);
    // Another province's leader sees none of it; after the next visit, nothing is new.
    expect((await changesSince(handle.db, ["15-2025"], seen)).months).toEqual([]);
    expect(await changesSince(handle.db, null, new Date())).toMatchObject({
      revised: [],
      months: [],
      targets: [],
    });
  });
});

describe.each(DB_KINDS)("the reporting calendar as data on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: false });
  }, 120_000);
  afterAll(() => handle?.close());

  it("a national rule and a province's override move the due dates the board counts from", async () => {
    expect(await monthDueDate(handle.db, "25-2025", "2026-10")).toBe("2026-11-20");
    const national = await handle.db.transaction((tx) =>
      saveDueRule(tx, {
        kind: "month",
        provinceId: null,
        rule: { dueDay: 15, monthsAfter: 1, cutoffDay: 14 },
        userId: null,
      }),
    );
    expect(national).toEqual({ before: null, after: { dueDay: 15, monthsAfter: 1, cutoffDay: 14 } });
    const own = await handle.db.transaction((tx) =>
      saveDueRule(tx, {
        kind: "month",
        provinceId: "25-2025",
        rule: { dueDay: 31, monthsAfter: 1, cutoffDay: null },
        userId: null,
      }),
    );
    expect(own.before).toBeNull();
    expect(await monthDueDate(handle.db, "25-2025", "2026-10")).toBe("2026-11-30");
    expect(await monthDueDate(handle.db, "08-2025", "2026-10")).toBe("2026-11-15");
    const board = await getSubmissionBoard(
      handle.db,
      (await listCurrentProvinces(handle.db)).filter((p) => ["25-2025", "08-2025"].includes(p.id)),
      ["2026-10"],
      "2026-12-01",
    );
    expect(Object.fromEntries(board.map((r) => [r.province.id, r.cells["2026-10"].lateDays]))).toEqual({
      "08-2025": 16,
      "25-2025": 1,
    });
    // Removing the province's rule puts it back on the national one.
    const removed = await handle.db.transaction((tx) =>
      saveDueRule(tx, {
        kind: "month",
        provinceId: "25-2025",
        rule: null,
        userId: null,
      }),
    );
    expect(removed).toEqual({ before: { dueDay: 31, monthsAfter: 1, cutoffDay: null }, after: null });
    expect(await monthDueDate(handle.db, "25-2025", "2026-10")).toBe("2026-11-15");
  });
});

describe("the submission board's queries", () => {
  it("are as many for 34 provinces × 12 months as for one province and one month", async () => {
    let queries = 0;
    const handle = openDb({ dataDir: undefined }, { onQuery: () => queries++ });
    try {
      await migrate(handle);
      await seed(handle.db, { demoAccounts: false });
      const current = await listCurrentProvinces(handle.db);
      const months = [
        "2025-11",
        "2025-12",
        ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
      ];
      queries = 0;
      await getSubmissionBoard(handle.db, current.slice(0, 1), ["2026-10"], "2026-12-01");
      const small = queries;
      queries = 0;
      const board = await getSubmissionBoard(handle.db, current, months, "2026-12-01");
      expect(board).toHaveLength(34);
      expect(small).toBe(4);
      expect(queries).toBe(small);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe("the mail queue across a restart", () => {
  it("sends after a restart a reminder queued before it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-outbox-"));
    const sink = await startSmtpSink();
    try {
      const first = openDb({ dataDir: dir });
      await migrate(first);
      await first.db.insert(mailOutbox).values({
        to: "canbo@restart.test",
        subject: "Sắp đến hạn gửi số liệu: tháng 11/2026",
        body: "Mở: http://chitieu.test/entry?province=25-2025&month=2026-11",
        kind: "due_soon",
        dedupeKey: "restart-test",
      });
      await first.close();

      const second = openDb({ dataDir: dir });
      const sent = await deliverDueMail(second.db, sender(sink.url), FROM);
      await second.close();
      expect(sent).toEqual({ sent: 1, failed: 0 });
      expect(sink.messages).toEqual([
        expect.objectContaining({
          to: ["canbo@restart.test"],
          subject: "Sắp đến hạn gửi số liệu: tháng 11/2026",
          text: expect.stringContaining("month=2026-11"),
        }),
      ]);
    } finally {
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
