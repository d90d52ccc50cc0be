import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, receivedMail, signInAs, test } from "./fixtures";
import { EntryPage } from "./pages/entry-page";

const PROVINCE = "15-2025"; // Lào Cai: its October 2026 is the demo's open draft, due 20/11/2026
const MONTH = "2026-10";
const DEMO = ["08-2025", "15-2025", "19-2025", "25-2025"];

/** Days from 20/11/2026 to today in Việt Nam: how late October's figures are now. */
function daysLate(): number {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse("2026-11-20T00:00:00Z")) / 86_400_000);
}

const SHOTS = path.resolve(import.meta.dirname, "..", ".data", "screenshots");

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.describe.configure({ mode: "serial" });

test("staff submit late, the leader returns the month, the staff are told in the app and by e-mail", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const late = daysLate();
  expect(late, "the machine's date is after the due date").toBeGreaterThan(0);

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "laocai.canbo");
  // The address to write to, on the profile page.
  await staff.goto("/profile");
  await staff.getByLabel("Địa chỉ thư").fill("canbo@laocai");
  await staff.getByTestId("mail-preferences").getByRole("button", { name: "Lưu" }).click();
  await expect(staff.getByTestId("mail-preferences")).toContainText("Địa chỉ thư không hợp lệ");
  await expect(staff.getByLabel("Địa chỉ thư")).toHaveValue("canbo@laocai");
  await staff.getByLabel("Địa chỉ thư").fill("canbo@laocai.test");
  await staff.getByTestId("mail-preferences").getByRole("button", { name: "Lưu" }).click();
  await expect(staff.getByTestId("mail-preferences")).toContainText("Đã lưu.");

  // The sheet says the due date and how late the month already is.
  const sheet = new EntryPage(staff);
  await sheet.open(PROVINCE, MONTH);
  await expect(staff.getByTestId("deadline")).toHaveText(`Hạn gửi: 20/11/2026 — quá hạn ${late} ngày`);
  await sheet.explainAll("Số ước tính, gửi muộn vì chờ số hải quan");
  await staff.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(sheet.status()).toHaveText("Đã gửi duyệt");
  await expect(staff.getByTestId("deadline")).toHaveText(`Hạn gửi: 20/11/2026 — đã gửi muộn ${late} ngày`);

  // The leader's bell: a month waits for approval. They return it with a reason.
  const leader = await (await browser.newContext()).newPage();
  await signInAs(leader, "laocai.lanhdao");
  await expect(leader.getByTestId("bell-count")).toHaveText("1");
  await leader.getByTestId("bell").click();
  await expect(leader.getByTestId("notifications").locator('li[data-kind="waiting_approval"]')).toContainText(
    "Số liệu tháng 10/2026 của Tỉnh Lào Cai đã gửi duyệt",
  );
  // The same through the API: the caller's own notifications, marked read by id.
  const mine = await (await leader.request.get("/api/v1/notifications")).json();
  expect(mine.unread).toBe(1);
  expect(mine.items[0]).toMatchObject({
    kind: "waiting_approval",
    province: PROVINCE,
    period: MONTH,
    path: "/review",
  });
  expect(mine.items[0].text.en).toContain("await approval");
  const bad = await leader.request.post("/api/v1/notifications/read", { data: { ids: ["x"] } });
  expect(bad.status()).toBe(422);
  const read = await leader.request.post("/api/v1/notifications/read", { data: { ids: [mine.items[0].id] } });
  expect(await read.json()).toEqual({ marked: 1 });
  expect((await (await leader.request.get("/api/v1/notifications")).json()).unread).toBe(0);
  await new EntryPage(leader).open(PROVINCE, MONTH);
  await leader.getByLabel("Lý do (Trả lại)").fill("Thiếu số liệu điện sản xuất");
  await leader.getByRole("button", { name: "Trả lại", exact: true }).click();
  await expect(new EntryPage(leader).status()).toHaveText("Trả lại");

  // The staff member's bell counts it; the notification gives the reason and leads to the month.
  await staff.goto("/");
  await expect(staff.getByTestId("bell-count")).toBeVisible();
  await staff.getByTestId("bell").click();
  const returned = staff.getByTestId("notifications").locator('li[data-kind="returned"]');
  await expect(returned).toContainText("Số liệu tháng 10/2026 của Tỉnh Lào Cai bị trả lại");
  await expect(returned).toContainText("Lý do: Thiếu số liệu điện sản xuất");
  await expect(returned.getByRole("link", { name: "Mở" })).toHaveAttribute(
    "href",
    `/entry?province=${PROVINCE}&month=${MONTH}`,
  );
  await shoot(staff, "notifications-vi");
  await staff.getByTestId("locale-switch").click();
  await expect(returned).toContainText("The figures for 10/2026 of Lao Cai Province were returned");
  await shoot(staff, "notifications-en");
  await staff.getByTestId("locale-switch").click();
  await expect(returned).toContainText("bị trả lại");
  await staff.getByRole("button", { name: "Đánh dấu đã đọc tất cả" }).click();
  await expect(staff.getByTestId("bell-count")).toHaveCount(0);

  // The SMTP sink receives the e-mail: a Vietnamese subject, the reason and the link to the month.
  await expect
    .poll(
      () =>
        receivedMail()
          .filter((m) => m.to.includes("canbo@laocai.test"))
          .map((m) => m.subject),
      {
        timeout: 20_000,
      },
    )
    .toContain("[ChiTieu] Số liệu bị trả lại: tháng 10/2026 — Tỉnh Lào Cai");
  const mail = receivedMail().find(
    (m) => m.subject.includes("bị trả lại") && m.to.includes("canbo@laocai.test"),
  );
  expect(mail?.text).toContain("Lý do: Thiếu số liệu điện sản xuất");
  expect(mail?.text).toMatch(
    new RegExp(`http://127\\.0\\.0\\.1:\\d+/entry\\?province=${PROVINCE}&month=${MONTH}`),
  );
});

test("national viewers land on the board: the 34 provinces for 2026-10, the demo four with their status, the rest missing", async ({
  signedIn,
}) => {
  const page = await signedIn("bocongthuong");
  await expect(page).toHaveURL(/\/submissions$/);
  const board = page.getByTestId("submission-board");
  await expect(board.locator("tbody tr")).toHaveCount(34);
  const cell = (province: string) =>
    board.locator(`tr[data-province="${province}"] td[data-month="${MONTH}"] [data-status]`);
  await expect(cell(PROVINCE)).toHaveAttribute("data-status", "returned");
  await expect(cell(PROVINCE)).toContainText(`muộn ${daysLate()} ngày`);
  await shoot(page, "submissions-vi");
  await page.getByTestId("locale-switch").click();
  await expect(cell(PROVINCE)).toContainText(`${daysLate()} days late`);
  await shoot(page, "submissions-en");
  await page.getByTestId("locale-switch").click();
  await expect(cell(PROVINCE)).toContainText("Bị trả lại");
  for (const p of DEMO) await expect(cell(p)).not.toHaveAttribute("data-status", "missing");
  await expect(board.locator(`td[data-month="${MONTH}"] [data-status="missing"]`)).toHaveCount(30);
  await expect(cell("01")).toContainText("Chưa có");

  // Filtered to the missing ones; the API says the same, one row per current province.
  await page.locator('select[name="month"]').selectOption(MONTH);
  await page.getByTestId("status-filter").selectOption("missing");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(board.locator("tbody tr")).toHaveCount(30);
  await expect(page.getByTestId("board-summary")).toContainText("30 chưa có");
  const api = await page.request.get(`/api/v1/submissions?month=${MONTH}`);
  expect(api.status()).toBe(200);
  const rows: {
    province: string;
    status: string;
    lateDays: number | null;
    submittedAt: string | null;
    due: string;
  }[] = await api.json();
  expect(rows).toHaveLength(34);
  expect(rows.filter((r) => r.status === "missing")).toHaveLength(30);
  expect(rows.find((r) => r.province === PROVINCE)).toMatchObject({
    status: "returned",
    due: "2026-11-20",
    lateDays: daysLate(),
    submittedAt: expect.any(String),
  });

  // What's new since the last visit: Lào Cai's month, submitted and returned.
  await expect(page.getByTestId("whats-new-months")).toContainText("Tỉnh Lào Cai");
  await page.getByRole("button", { name: "Đã xem" }).click();
  await expect(page.getByTestId("whats-new")).toContainText("Không có thay đổi nào.");

  // The download: a line per province and month.
  const csv = await page.request.get(`/submissions/export?month=${MONTH}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(1 + 34 * 12);
});

test("a province's leader sees its own months; staff and other provinces' data are refused", async ({
  browser,
}) => {
  const leader = await (await browser.newContext()).newPage();
  await signInAs(leader, "laocai.lanhdao");
  await leader.goto("/submissions");
  await expect(leader.getByTestId("submission-board").locator("tbody tr")).toHaveCount(1);
  expect((await leader.request.get(`/api/v1/provinces/${PROVINCE}/submissions?year=2026`)).status()).toBe(
    200,
  );
  expect((await leader.request.get("/api/v1/provinces/25-2025/submissions?year=2026")).status()).toBe(403);
  expect((await leader.request.get(`/api/v1/submissions?month=${MONTH}`)).status()).toBe(403);
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "laocai.canbo");
  await staff.goto("/submissions");
  await expect(staff.getByTestId("submission-board")).toHaveCount(0);
});

test("the system admin sets a province's due day (audited) and reads the outbox; the leader's home says what is new", async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "hethong");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Lịch gửi số liệu" }).click();
  await expect(admin.getByTestId("national-month")).toBeVisible();
  const own = admin.getByTestId("province-month");
  await own.getByLabel("Quy định riêng của tỉnh").selectOption("15-2025");
  await own.getByLabel("Ngày hạn").fill("40");
  await own.getByRole("button", { name: "Lưu" }).click();
  await expect(own).toContainText("Ngày hạn từ 1 đến 31.");
  // What was typed stays after the refusal.
  await expect(own.getByLabel("Quy định riêng của tỉnh")).toHaveValue("15-2025");
  await own.getByLabel("Ngày hạn").fill("25");
  await own.getByRole("button", { name: "Lưu" }).click();
  await expect(own).toContainText("Đã lưu lịch gửi số liệu.");
  await admin.reload();
  await expect(admin.getByTestId("overrides")).toContainText("Tỉnh Lào Cai · Tháng: Ngày hạn 25");
  await shoot(admin, "calendar-vi");
  // The board counts from the new due date: submitted 1 December, due 25 November.
  const rows = await (await admin.request.get(`/api/v1/submissions?month=${MONTH}`)).json();
  expect(rows.find((r: { province: string }) => r.province === PROVINCE)).toMatchObject({
    due: "2026-11-25",
    lateDays: daysLate() - 5,
  });
  const calendar = await (await admin.request.get(`/api/v1/calendar?province=${PROVINCE}`)).json();
  expect(calendar[0]).toEqual({
    kind: "month",
    dueDay: 25,
    monthsAfter: 1,
    cutoffDay: null,
    source: "province",
  });
  expect((await (await admin.request.get("/api/v1/calendar")).json())[0]).toMatchObject({
    dueDay: 20,
    source: "default",
  });
  await admin.goto("/audit");
  await expect(admin.getByText("Lưu lịch gửi số liệu").first()).toBeVisible();

  // The outbox: the returned month's e-mail, sent.
  await admin.goto("/admin/outbox");
  const sent = admin.getByTestId("outbox").locator("li", { hasText: "canbo@laocai.test" }).first();
  await expect(sent).toHaveAttribute("data-status", "sent");
  await expect(sent).toContainText("[ChiTieu] Số liệu bị trả lại: tháng 10/2026 — Tỉnh Lào Cai");

  // Lào Cai's leader: the month returned is on their home's "what's new", until seen.
  const leader = await (await browser.newContext()).newPage();
  await signInAs(leader, "laocai.lanhdao");
  await expect(leader.getByTestId("whats-new-months")).toContainText("tháng 10/2026: trả lại");
  await shoot(leader, "whats-new-vi");
  await leader.getByRole("button", { name: "Đã xem" }).click();
  await expect(leader.getByTestId("whats-new")).toContainText("Không có thay đổi nào.");
});
