import { expect, signInAs, test } from "./fixtures";
import { EntryPage } from "./pages/entry-page";

const PROVINCE = "19-2025"; // Thái Nguyên: its October 2026 is the demo's open draft

test.describe.configure({ mode: "serial" });

test("a month from typing to approval: enter, paste, submit with warnings, return, fix, approve, lock, reopen", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, "thainguyen.canbo");
  const sheet = new EntryPage(staff);
  // The open draft month is where the sheet opens by default.
  await sheet.open();
  await expect(staff.getByTestId("entry-month")).toHaveText("tháng 10/2026");
  await sheet.open(PROVINCE, "2026-10");
  await expect(sheet.status()).toHaveText("Nháp");

  // Vietnamese number formats; Enter moves down the column.
  await sheet.type("TM.XNK", "month", "1.234,5");
  await expect(sheet.cell("TM.XNK.XK", "month")).toBeFocused();
  await sheet.type("CN.IIP.B", "month", "-2,01%");
  await sheet.type("NL.DIEN_SX", "month", "1234.5");
  await sheet.saved();

  // Input that could be misread is not guessed: the field asks.
  await sheet.type("CN.IIP.C", "month", "1.234");
  await expect(staff.getByTestId("cell-error").first()).toContainText("1.234");
  await sheet.type("CN.IIP.C", "month", "12,5");

  // A column copied from Excel fills the cells below the cursor.
  await sheet.paste("TM.BLDV.BL", "month", "5.000,1\r\n1.500,2\r\n800,3\r\n");
  await sheet.saved();
  await expect(sheet.cell("TM.BLDV.LTAU", "month")).toHaveValue("1.500,2");
  await expect(sheet.cell("TM.BLDV.DVK", "month")).toHaveValue("800,3");

  // Nothing is lost on reload.
  await staff.reload();
  await expect(sheet.cell("TM.XNK", "month")).toHaveValue("1.234,5");
  await expect(sheet.cell("CN.IIP.B", "month")).toHaveValue("-2,01");
  await expect(sheet.cell("NL.DIEN_SX", "month")).toHaveValue("1.234,5");
  await expect(sheet.cell("TM.BLDV.BL", "month")).toHaveValue("5.000,1");

  // The jump in export-import and the parts of retail that no longer add up need explaining.
  const xnkWarning = staff.locator('[data-testid="warning-item"][data-indicator="TM.XNK"]');
  await expect(xnkWarning).toBeVisible();
  await expect(staff.locator('[data-testid="warning-item"][data-indicator="TM.BLDV"]')).toContainText(
    "khác tổng số",
  );
  await staff.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(staff.getByTestId("workflow-message")).toContainText("cần giải trình");
  await expect(sheet.status()).toHaveText("Nháp");
  await sheet.explainAll("Cửa khẩu thông quan trở lại sau bão");
  await staff.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(sheet.status()).toHaveText("Đã gửi duyệt");
  await expect(sheet.cell("TM.XNK", "month")).toBeDisabled();

  // The leader sees the month in the queue with the explanations, and returns it with a reason.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signInAs(leader, "thainguyen.lanhdao");
  await leader.getByTestId("main-nav").getByRole("link", { name: "Duyệt" }).click();
  await leader.getByTestId("submitted-months").getByRole("link", { name: "Xem và duyệt" }).first().click();
  await expect(leader.getByTestId("acknowledgements")).toContainText("Cửa khẩu thông quan trở lại sau bão");
  await leader.getByLabel("Lý do (Trả lại)").fill("Kim ngạch xuất nhập khẩu chưa khớp số hải quan");
  await leader.getByRole("button", { name: "Trả lại", exact: true }).click();
  await expect(new EntryPage(leader).status()).toHaveText("Trả lại");

  // The staff member sees why, fixes the figure and submits again.
  await staff.reload();
  await expect(staff.getByTestId("return-reason")).toContainText("chưa khớp số hải quan");
  await sheet.type("TM.XNK", "month", "234,5");
  await sheet.saved();
  await sheet.explainAll("Đã đối chiếu với hải quan");
  await staff.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(sheet.status()).toHaveText("Đã gửi duyệt");

  // The leader approves: the month is locked.
  await leader.reload();
  await leader.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(new EntryPage(leader).status()).toHaveText("Đã duyệt (khóa)");

  // Locked for staff, saying who approved it and who can reopen; the API refuses too (423).
  await staff.reload();
  await expect(sheet.cell("TM.XNK", "month")).toBeDisabled();
  await expect(staff.getByTestId("lock-reason")).toContainText("Lãnh đạo Sở Công Thương Thái Nguyên");
  await expect(staff.getByTestId("lock-reason")).toContainText("quản trị tỉnh");
  const locked = await staff.request.put(`/api/v1/provinces/${PROVINCE}/figures`, {
    data: {
      figures: [
        {
          indicator: "TM.XNK",
          period: "2026-10",
          measure: "value",
          value: 1,
          vintage: "estimate",
          version: 3,
        },
      ],
    },
  });
  expect(locked.status()).toBe(423);

  // The province admin reopens it with a reason; the timeline shows every step.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "thainguyen.quantri");
  await admin.goto("/review");
  await admin.getByTestId("approved-months").getByRole("link", { name: "Xem và duyệt" }).first().click();
  await admin.getByLabel("Lý do (Mở lại)").fill("Cục Thống kê công bố số chính thức");
  await admin.getByRole("button", { name: "Mở lại" }).click();
  await expect(new EntryPage(admin).status()).toHaveText("Nháp");
  await expect(admin.getByTestId("timeline")).toContainText("mở lại");

  await staff.reload();
  await expect(sheet.cell("TM.XNK", "month")).toBeEnabled();
  await expect(staff.getByTestId("timeline")).toContainText("trả lại");
  for (const context of [staffContext, leaderContext, adminContext]) await context.close();
});

test("the figure history shows who changed what, from what to what", async ({ signedIn }) => {
  const page = await signedIn("thainguyen.canbo");
  const sheet = new EntryPage(page);
  await sheet.open(PROVINCE, "2026-10");
  await page.locator('tr[data-indicator="TM.XNK"]').getByRole("button", { name: "Lịch sử" }).click();
  const panel = page.getByTestId("history-panel");
  await expect(panel).toContainText("thainguyen.canbo");
  await expect(panel).toContainText("1.234,50 → 234,50");
});

test.describe("who may write", () => {
  const figure = { indicator: "TM.XNK", period: "2026-12", measure: "value", value: 10, vintage: "estimate" };

  test("a leader cannot enter figures, nor the national viewer, nor another province's staff", async ({
    browser,
  }) => {
    for (const [username, province] of [
      ["thainguyen.lanhdao", PROVINCE],
      ["bocongthuong", PROVINCE],
      ["laocai.canbo", PROVINCE],
      ["laocai.canbo", "06"],
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAs(page, username);
      const response = await page.request.put(`/api/v1/provinces/${province}/figures`, {
        data: { figures: [figure] },
      });
      expect(response.status(), `${username} → ${province}`).toBe(403);
      const submit = await page.request.post(`/api/v1/provinces/${province}/periods/2026-12/approve`, {
        data: {},
      });
      expect([403, 409]).toContain(submit.status());
      if (username !== "thainguyen.lanhdao") expect(submit.status()).toBe(403);
      await context.close();
    }
  });

  test("bad bodies name the field and save nothing", async ({ signedIn }) => {
    const page = await signedIn("laocai.canbo");
    const url = "/api/v1/provinces/15-2025/figures";
    const notJson = await page.request.put(url, {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);
    const wrongShape = await page.request.put(url, { data: { figures: [{ ...figure, value: "nhiều" }] } });
    expect(wrongShape.status()).toBe(422);
    expect(Object.keys((await wrongShape.json()).error.fields)).toContain("figures.0.value");
    const unknown = await page.request.put(url, {
      data: {
        figures: [
          figure,
          { ...figure, indicator: "KHONG.CO" },
          { ...figure, indicator: "NL.DIEN_SX", value: -3 },
        ],
      },
    });
    expect(unknown.status()).toBe(422);
    const body = await unknown.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(["figures.1.indicator", "figures.2.value"]);
    const after = await page.request.get(`${url}?period=2026-12`);
    expect(await after.json()).toEqual([]);
    const badPeriod = await page.request.post("/api/v1/provinces/15-2025/periods/2026-13/submit", {
      data: {},
    });
    expect(badPeriod.status()).toBe(400);
  });
});
