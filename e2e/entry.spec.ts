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
  // Read only because it was submitted (not "you do not enter figures here"); the lock is an SVG icon.
  await expect(staff.getByTestId("sheet-help")).toContainText("đã gửi duyệt");
  await expect(staff.getByTestId("lock-reason").locator('svg[data-icon="lock"]')).toBeVisible();
  await expect(staff.getByTestId("workflow-panel")).not.toContainText("🔒");

  // The leader sees the month in the queue with the explanations, and returns it with a reason.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signInAs(leader, "thainguyen.lanhdao");
  // The menu says a month waits.
  await expect(leader.getByTestId("main-nav").getByTestId("review-count")).toContainText("1 tháng chờ duyệt");
  await leader.getByTestId("main-nav").getByRole("link", { name: "Duyệt" }).click();
  await expect(leader.getByTestId("submitted-months")).toContainText("Cửa khẩu thông quan trở lại sau bão");
  await leader.getByTestId("submitted-months").getByRole("link", { name: "Xem và duyệt" }).first().click();
  await expect(leader.getByTestId("acknowledgements")).toContainText("Cửa khẩu thông quan trở lại sau bão");
  await leader.getByLabel("Lý do (Trả lại)").fill("Kim ngạch xuất nhập khẩu chưa khớp số hải quan");
  await leader.getByRole("button", { name: "Trả lại", exact: true }).click();
  await expect(new EntryPage(leader).status()).toHaveText("Trả lại");

  await expect(leader.getByTestId("main-nav").getByTestId("review-count")).toHaveCount(0);

  // The staff member is told on their home page, sees why, fixes the figure and submits again;
  // the explanations given before are still there.
  await staff.goto("/");
  await expect(staff.getByTestId("returned-months")).toContainText(
    "Tháng 10/2026 bị trả lại: Kim ngạch xuất nhập khẩu chưa khớp số hải quan",
  );
  await staff.getByTestId("returned-months").getByRole("link", { name: "Sửa và gửi lại" }).click();
  await expect(staff.getByTestId("return-reason")).toContainText("chưa khớp số hải quan");
  await expect(xnkWarning.getByRole("textbox")).toHaveValue("Cửa khẩu thông quan trở lại sau bão");
  await sheet.type("TM.XNK", "month", "234,5");
  await sheet.saved();
  await sheet.explainAll("Đã đối chiếu với hải quan");
  await staff.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(sheet.status()).toHaveText("Đã gửi duyệt");

  // The leader sees what changed since the first submission, and approves after confirming.
  await leader.reload();
  const changes = leader.getByTestId("changes-since-submit");
  await expect(changes.locator('li[data-indicator="TM.XNK"]')).toContainText(
    "1.234,50 triệu USD → 234,50 triệu USD",
  );
  await expect(changes.locator("li")).toHaveCount(1);
  await leader.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(leader.getByTestId("confirm-approve")).toContainText(
    "Duyệt tháng 10/2026 của Tỉnh Thái Nguyên?",
  );
  await expect(new EntryPage(leader).status()).toHaveText("Đã gửi duyệt");
  await leader.getByRole("button", { name: "Xác nhận duyệt" }).click();
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

test("the sheet fits 1366 px, pastes two columns, names a refused cell and keeps it across a reload", async ({
  signedIn,
}) => {
  const page = await signedIn("thainguyen.canbo");
  await page.setViewportSize({ width: 1366, height: 800 });
  const sheet = new EntryPage(page);
  await sheet.open(PROVINCE, "2026-10");
  await expect(sheet.status()).toHaveText("Nháp");
  // Every column, the annual plan last, is on screen without scrolling sideways.
  const table = page.getByTestId("month-sheet");
  const fits = await table.evaluate((el) => {
    const box = el.parentElement as HTMLElement;
    return box.scrollWidth <= box.clientWidth;
  });
  expect(fits).toBe(true);
  const plan = await page.getByTestId("column-target").boundingBox();
  expect((plan?.x ?? 9999) + (plan?.width ?? 0)).toBeLessThanOrEqual(1366);

  // Two columns from Excel fill the month and the cumulative of each row.
  await sheet.paste("TM.BLDV.BL", "month", "5.100,1\t45.000,5\r\n1.600,2\t15.000,2\r\n");
  await sheet.saved();
  await expect(sheet.cell("TM.BLDV.BL", "cumulative")).toHaveValue("45.000,5");
  await expect(sheet.cell("TM.BLDV.LTAU", "month")).toHaveValue("1.600,2");
  await expect(sheet.cell("TM.BLDV.LTAU", "cumulative")).toHaveValue("15.000,2");
  // A second column where the row has none is said, not dropped silently.
  await sheet.paste("NL.TD_CS", "month", "1.200,5\t99\r\n");
  await expect(page.getByTestId("paste-note")).toContainText("Tổng công suất lắp máy");
  await expect(page.getByTestId("paste-note")).toContainText("không có cột này");
  await sheet.saved();

  // A refused value names its cell, and survives a reload, marked.
  await sheet.type("NL.DIEN_SX", "month", "-5");
  await expect(page.getByTestId("save-state")).toHaveText(
    "Lỗi — không lưu được: Sản lượng điện sản xuất — Tháng này",
  );
  await page.reload();
  await expect(sheet.cell("NL.DIEN_SX", "month")).toHaveValue("-5");
  await expect(sheet.cell("NL.DIEN_SX", "month")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("sheet-restored")).toContainText("vẫn được giữ");
  await expect(page.getByTestId("save-state")).toContainText("Sản lượng điện sản xuất — Tháng này");
  // On a phone the page itself does not scroll sideways: the sheet scrolls in its frame.
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await sheet.type("NL.DIEN_SX", "month", "");
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
