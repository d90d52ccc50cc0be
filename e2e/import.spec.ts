import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { docx } from "../test/zip";
import { expect, signIn, test } from "./fixtures";

const PROVINCE = "08-2025"; // Tuyên Quang: its October 2026 is an open draft no other spec writes to
const MONTH = "2026-10";
const SHOTS = path.resolve(import.meta.dirname, "..", ".data", "screenshots");

test.describe.configure({ mode: "serial" });

async function shoot(page: import("@playwright/test").Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1366, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Signs in, allowing for a slow first sign-in on a busy machine (password hashing is deliberately slow). */
async function signInAs(page: import("@playwright/test").Page, username: string) {
  await signIn(page, username);
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 45_000 });
}

async function setLocale(page: import("@playwright/test").Page, locale: "vi" | "en") {
  await page.context().addCookies([{ name: "chitieu-locale", value: locale, url: page.url() }]);
  await page.reload();
}

test("download the month's template, fill it, upload, preview, confirm, and find the figures with their history", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "tuyenquang.canbo");
  await page.goto(`/entry?province=${PROVINCE}&month=${MONTH}`);
  await expect(page.getByTestId("month-sheet")).toBeVisible();
  const before = await (
    await page.request.get(`/api/v1/provinces/${PROVINCE}/figures?period=${MONTH}&indicator=TM.XNK&history=1`)
  ).json();

  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-template").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`ChiTieu_${PROVINCE}_${MONTH}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
  const rowOf = (code: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === code) return r;
    throw new Error(code);
  };
  expect(ws.getCell("B4").value).toBe("Chỉ tiêu");
  const xnk = rowOf("TM.XNK");
  const xnkBefore = ws.getCell(`D${xnk}`).value;
  ws.getCell(`D${xnk}`).value = 987.65;
  ws.getCell(`D${rowOf("CN.IIP.B")}`).value = "-2,01";
  ws.getCell(`I${xnk}`).value = "Số liệu hải quan";
  const filled = path.join(test.info().outputDir, "filled.xlsx");
  fs.mkdirSync(path.dirname(filled), { recursive: true });
  await wb.xlsx.writeFile(filled);

  await page.getByTestId("entry-tools").getByRole("link", { name: "Nhập từ Excel" }).click();
  await expect(page.getByRole("heading", { name: "Nhập từ Excel" })).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(filled);
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  const changed = page.locator('[data-testid="preview-cell"][data-indicator="TM.XNK"]').first();
  await expect(changed).toHaveAttribute("data-status", xnkBefore === null ? "new" : "changed");
  await expect(changed).toContainText("987,65");
  await expect(page.locator('[data-testid="preview-cell"][data-indicator="CN.IIP.B"]').first()).toContainText(
    "-2,01",
  );
  await expect(page.getByTestId("import-summary")).toContainText("0 lỗi");
  await shoot(page, "import-preview-vi");
  await setLocale(page, "en");
  await page.getByTestId("import-file").setInputFiles(filled);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await shoot(page, "import-preview-en");
  await page.getByRole("button", { name: /^Confirm and save \d+ figures/ }).click();
  await expect(page.getByTestId("import-done")).toContainText(/\d+ figures saved as draft\./);
  await setLocale(page, "vi");

  // The figures are saved, with their history: the earlier version and the import's.
  const after = await (
    await page.request.get(`/api/v1/provinces/${PROVINCE}/figures?period=${MONTH}&indicator=TM.XNK&history=1`)
  ).json();
  const figure = after.find((f: { measure: string }) => f.measure === "value");
  expect(figure).toMatchObject({ value: 987.65, note: "Số liệu hải quan", enteredBy: "tuyenquang.canbo" });
  expect(figure.history.at(-1)).toMatchObject({ value: 987.65, version: figure.version });
  const earlier = before.find((f: { measure: string }) => f.measure === "value");
  if (earlier) expect(figure.history).toHaveLength(earlier.history.length + 1);
  await page.goto(`/entry?province=${PROVINCE}&month=${MONTH}`);
  await expect(page.locator('input[data-cell="TM.XNK|month"]')).toHaveValue("987,65");
  await expect(page.locator('input[data-cell="CN.IIP.B|month"]')).toHaveValue("-2,01");
  await shoot(page, "entry-tools-vi");
});

test("a corrupt upload is refused with a clear message and leaves the database unchanged", async ({
  page,
}) => {
  await signInAs(page, "tuyenquang.canbo");
  const everything = async () =>
    (await page.request.get(`/api/v1/provinces/${PROVINCE}/figures?history=1`)).json() as Promise<unknown[]>;
  const before = await everything();
  expect(before.length).toBeGreaterThan(0);

  await page.goto(`/entry/import?province=${PROVINCE}&month=${MONTH}`);
  await page.getByTestId("import-file").setInputFiles({
    name: "bao-cao.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
  });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("import-error")).toContainText("Tệp Excel bị hỏng, không mở được.");
  await expect(page.getByTestId("import-preview")).toHaveCount(0);

  const api = await page.request.post(`/api/v1/provinces/${PROVINCE}/imports`, {
    multipart: {
      file: { name: "bang.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("not a workbook") },
    },
  });
  expect(api.status()).toBe(422);
  expect((await api.json()).error.message).toContain("không phải là sổ làm việc Excel");
  expect(await everything()).toEqual(before);
});

test("another layout: the person maps rows and columns once, and the figures are previewed", async ({
  page,
}) => {
  await signInAs(page, "tuyenquang.canbo");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Biểu 02");
  ws.getRow(2).values = ["Chỉ tiêu", "Tháng 11/2026", "Tháng 12/2026"];
  ws.getRow(3).values = ["Kim ngạch xuất khẩu", 140.5, 150.25];
  ws.getRow(4).values = ["Sản lượng thủy sản", 12, 13];
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.goto(`/entry/import?province=${PROVINCE}&month=2026-11`);
  await page.getByTestId("import-file").setInputFiles({
    name: "bieu-02.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByTestId("mapping-editor")).toBeVisible();
  await expect(page.getByTestId("mapping-row")).toHaveCount(2);
  const rowSelect = (label: string) =>
    page.getByTestId("mapping-row").filter({ hasText: label }).locator("select").first();
  await expect(rowSelect("Kim ngạch xuất khẩu")).toHaveValue("TM.XNK.XK|value");
  await expect(rowSelect("Sản lượng thủy sản")).toHaveValue("");
  await shoot(page, "import-mapping-vi");
  await page.getByRole("button", { name: "Xem trước với cách ghép này" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await expect(page.locator('[data-testid="preview-cell"][data-status="new"]')).toHaveCount(2);
});

test("figures read from a pasted report and from a Word file, confirmed, corrected and saved as draft", async ({
  page,
}) => {
  await signInAs(page, "tuyenquang.canbo");
  await page.goto(`/entry?province=${PROVINCE}&month=2026-11`);
  await page.getByTestId("entry-tools").getByRole("link", { name: "Dán văn bản báo cáo" }).click();
  await expect(page.getByRole("heading", { name: "Dán văn bản báo cáo" })).toBeVisible();
  await page
    .getByTestId("report-text")
    .fill(
      "Chỉ số sản xuất công nghiệp (IIP) tháng 11/2026 ước tăng 4,14% so với tháng trước và tăng 16,95% so với cùng kỳ năm trước; " +
        "trong đó, ngành khai khoáng giảm 2,01%. Cùng kỳ năm 2025, chỉ số IIP tăng 12,5%. " +
        "Kim ngạch xuất khẩu của tỉnh Lào Cai đạt khoảng 50 triệu USD.",
    );
  await page.getByRole("button", { name: "Tìm số liệu" }).click();
  await expect(page.getByTestId("found-figure")).toHaveCount(3);
  await expect(page.getByTestId("found-figure").first().locator("mark")).toHaveText(
    "ước tăng 4,14% so với tháng trước",
  );
  await expect(page.getByTestId("unmatched-item")).toHaveCount(2);
  await expect(page.locator('[data-testid="unmatched-item"][data-reason="other_year"]')).toContainText(
    "số liệu của năm khác",
  );
  await shoot(page, "report-text-vi");
  // The person corrects one figure before saving.
  await page.getByTestId("found-value").nth(1).fill("16,96");
  await page.getByRole("button", { name: "Lưu 3 số liệu vào bản nháp" }).click();
  await expect(page.getByTestId("text-saved")).toContainText("Đã lưu 3 số liệu vào bản nháp.");
  const saved = await (
    await page.request.get(`/api/v1/provinces/${PROVINCE}/figures?period=2026-11&history=1`)
  ).json();
  const pick = (indicator: string, measure: string) =>
    saved.find(
      (f: { indicator: string; measure: string }) => f.indicator === indicator && f.measure === measure,
    );
  expect(pick("CN.IIP", "mom_pct")).toMatchObject({ value: 4.14, vintage: "estimate" });
  expect(pick("CN.IIP", "yoy_pct")).toMatchObject({ value: 16.96, vintage: "estimate" });
  expect(pick("CN.IIP.B", "yoy_pct")).toMatchObject({ value: -2.01 });

  // A Word report: its text is read and shown, then the same figures are found.
  await page.getByTestId("report-text").fill("");
  await page.getByTestId("report-docx").setInputFiles({
    name: "bao-cao-thang-11.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(
      docx([
        "BÁO CÁO Tình hình hoạt động ngành Công Thương tháng 11 năm 2026",
        "Tháng 11/2026, kim ngạch xuất khẩu ước đạt 132,5 triệu USD, tăng 6,5% so với tháng trước.",
      ]),
    ),
  });
  await page.getByRole("button", { name: "Tìm số liệu" }).click();
  await expect(page.getByTestId("report-text")).toHaveValue(/kim ngạch xuất khẩu ước đạt 132,5 triệu USD/);
  await expect(page.getByTestId("found-figure")).toHaveCount(2);
  await setLocale(page, "en");
  await page
    .getByTestId("report-text")
    .fill(
      "Tháng 11/2026, kim ngạch xuất khẩu ước đạt 132,5 triệu USD, tăng 6,5% so với tháng trước. Tỉnh Lạng Sơn tăng 9%.",
    );
  await page.getByRole("button", { name: "Find figures" }).click();
  await expect(page.getByTestId("found-figure")).toHaveCount(2);
  await expect(page.getByTestId("unmatched-item")).toContainText(
    "another province's or the country's figure",
  );
  await shoot(page, "report-text-en");
});

test("only the province's staff may download, upload or read text: leaders and other provinces are refused", async ({
  browser,
}) => {
  test.setTimeout(120_000); // three sign-ins, slow on a busy machine
  for (const [username, status] of [
    ["tuyenquang.lanhdao", 403],
    ["laocai.canbo", 403],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, username);
    expect((await page.request.get(`/api/v1/provinces/${PROVINCE}/template?month=${MONTH}`)).status()).toBe(
      status,
    );
    expect(
      (
        await page.request.post(`/api/v1/provinces/${PROVINCE}/extract`, {
          data: { text: "Tháng 10/2026, kim ngạch xuất khẩu đạt 1 triệu USD.", period: MONTH },
        })
      ).status(),
    ).toBe(status);
    expect(
      (
        await page.request.post(`/api/v1/provinces/${PROVINCE}/imports`, {
          multipart: {
            file: { name: "x.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("x") },
          },
        })
      ).status(),
    ).toBe(status);
    await context.close();
  }
  // Staff of a successor read text for the former unit it took over (Hà Giang, before the merger).
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "tuyenquang.canbo");
  const r = await page.request.post("/api/v1/provinces/02/extract", {
    data: { text: "Tháng 3/2024, kim ngạch xuất khẩu tỉnh Hà Giang đạt 12,5 triệu USD.", period: "2024-03" },
  });
  expect(r.status()).toBe(200);
  expect((await r.json()).figures).toMatchObject([
    { indicator: "TM.XNK.XK", period: "2024-03", value: 12.5 },
  ]);
  await context.close();
});
