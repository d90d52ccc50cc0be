import { execFileSync } from "node:child_process";
import fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { expect, signInAs, test } from "./fixtures";

const REPORT = "/reports?province=10&period=2023-YTD06"; // former Lào Cai, first half of 2023
const API = "/api/v1/provinces/10/reports/2023-YTD06";

test.describe.configure({ mode: "serial" });

test("staff add a paragraph, a leader issues the report and downloads it as PDF, Word and Excel", async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, "laocai.canbo");
  await staff.getByTestId("main-nav").getByRole("link", { name: "Báo cáo" }).click();
  await expect(staff.getByTestId("report-document")).toBeVisible();
  await staff.goto(REPORT);
  const trade = staff.locator('[data-paragraph="TM.XNK"]');
  await expect(trade).toContainText(
    "ước đạt 945,04 triệu USD, bằng 91,06% so với cùng kỳ năm trước, đạt 18,90% kế hoạch năm",
  );
  await expect(staff.getByTestId("issue-form")).toHaveCount(0);

  await staff.getByTestId("add-paragraph-tasks").click();
  await staff
    .getByTestId("paragraph-text")
    .fill("Phối hợp với Cục Hải quan tháo gỡ ùn tắc tại cửa khẩu Kim Thành.");
  await staff.getByTestId("save-paragraph").click();
  await expect(staff.getByTestId("report-message")).toContainText("Đã lưu (phiên bản 1)", {
    timeout: 30_000,
  });
  await staffContext.close();

  const context = await browser.newContext({ acceptDownloads: true });
  const leader = await context.newPage();
  await signInAs(leader, "laocai.lanhdao");
  await leader.goto(REPORT);
  await expect(leader.locator('[data-section="tasks"]')).toContainText(
    "tháo gỡ ùn tắc tại cửa khẩu Kim Thành",
  );

  // A save on a version someone else has moved past is refused.
  const stale = await leader.request.put(API, {
    data: { version: 0, paragraphs: [{ key: "TM.XNK", text: "x" }] },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.details).toEqual({ version: 1 });

  await leader.getByTestId("issue-number").fill("5");
  await leader.getByTestId("issue-date").fill("05/07/2023");
  await leader.getByTestId("issue-submit").click();
  // Issuing renders and stores the PDF, Word and Excel files: it takes a few seconds.
  await expect(leader.getByTestId("issue-submit")).toHaveText("Đang ban hành…");
  await expect(leader.getByTestId("report-status")).toContainText(
    "Đã ban hành: số 05/BC-SCT, ngày 05/07/2023",
    { timeout: 60_000 },
  );
  await expect(leader.getByTestId("report-number")).toHaveText("Số: 05/BC-SCT");
  await expect(leader.getByTestId("report-date")).toHaveText("Lào Cai, ngày 05 tháng 7 năm 2023");
  await expect(leader.getByTestId("issue-form")).toHaveCount(0);
  await expect(leader.getByTestId("edit-paragraph")).toHaveCount(0);

  const download = async (format: "pdf" | "docx" | "xlsx") => {
    const waiting = leader.waitForEvent("download");
    await leader.getByTestId(`download-${format}`).click();
    const file = await waiting;
    expect(file.suggestedFilename()).toBe(`05-BC-SCT_10_2023-YTD06.${format}`);
    const target = info.outputPath(`report.${format}`);
    await file.saveAs(target);
    return target;
  };

  const pdf = await download("pdf");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("Số: 05/BC-SCT");
  expect(text).toContain("Lào Cai, ngày 05 tháng 7 năm 2023");
  expect(text.replace(/\s+/g, " ")).toContain("tháo gỡ ùn tắc tại cửa khẩu Kim Thành");

  const docx = await JSZip.loadAsync(fs.readFileSync(await download("docx")));
  const documentXml = (await docx.file("word/document.xml")?.async("string")) ?? "";
  expect(documentXml).toContain("Số: 05/BC-SCT");
  expect(documentXml).toContain("tháo gỡ ùn tắc tại cửa khẩu Kim Thành");

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download("xlsx"));
  const sheet = workbook.getWorksheet("Phụ lục");
  expect(sheet?.getCell("A3").value).toBe(
    "(Kèm theo Báo cáo số 05/BC-SCT ngày 05 tháng 7 năm 2023 của Sở Công Thương)",
  );

  // Issued: no more edits, no second number.
  const edit = await leader.request.put(API, {
    data: { version: 2, paragraphs: [{ key: "TM.XNK", text: "x" }] },
  });
  expect(edit.status()).toBe(409);
  const json = await (await leader.request.get(API)).json();
  expect(json.issued).toMatchObject({ number: 5, date: "2023-07-05", place: "Lào Cai" });
  expect(json.sections.find((s: { key: string }) => s.key === "tasks").paragraphs).toEqual([
    "Phối hợp với Cục Hải quan tháo gỡ ùn tắc tại cửa khẩu Kim Thành.",
  ]);
  await context.close();
});

test("who may read, write and issue a report, and the national summary", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "phutho.canbo");
  // Another province's report: not even readable.
  expect((await page.request.get(API)).status()).toBe(403);
  expect((await page.request.get("/api/v1/reports/2026-10")).status()).toBe(403);
  // Staff write but do not issue.
  const own = "/api/v1/provinces/25-2025/reports/2026-10";
  expect(
    (
      await page.request.post(`${own}/issue`, { data: { version: 0, number: 1, date: "2026-11-05" } })
    ).status(),
  ).toBe(403);
  const saved = await page.request.put(own, {
    data: { version: 0, paragraphs: [{ section: "tasks", text: "Kiểm tra thị trường." }] },
  });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).version).toBe(1);
  const bad = await page.request.put(own, {
    data: { version: 1, paragraphs: [{ section: "results", text: "x" }] },
  });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(["paragraphs.0.section"]);
  expect((await page.request.get("/api/v1/provinces/25-2025/reports/2026-13")).status()).toBe(400);
  await context.close();

  const nationalContext = await browser.newContext();
  const national = await nationalContext.newPage();
  await signInAs(national, "bocongthuong");
  const summary = await national.request.get("/api/v1/reports/2026-10");
  expect(summary.status()).toBe(200);
  const body = await summary.json();
  expect(body.provinces).toHaveLength(34);
  expect(body.provinces.find((p: { id: string }) => p.id === "25-2025").report).toMatchObject({
    version: 1,
    issued: false,
  });
  // Read-only: any province's report, no writing.
  expect((await national.request.get(API)).status()).toBe(200);
  expect((await national.request.put(own, { data: { version: 1, paragraphs: [] } })).status()).toBe(403);
  await national.goto("/reports/national?period=2026-10");
  await expect(national.getByTestId("national-reports").locator("tr[data-province]")).toHaveCount(34);
  await expect(national.locator('tr[data-province="25-2025"] [data-testid="report-standing"]')).toHaveText(
    "Bản nháp (phiên bản 1)",
  );
  await nationalContext.close();
});

test("the province admin sets who signs from a date; a report of a former unit keeps that unit's name", async ({
  page,
}) => {
  await signInAs(page, "tuyenquang.quantri");
  await page.goto("/reports?province=02&period=2024");
  await expect(page.getByTestId("report-document")).toContainText("UBND TỈNH HÀ GIANG");
  await expect(page.getByTestId("report-date")).toContainText("Hà Giang, ngày");
  await page.getByRole("link", { name: "Cài đặt báo cáo" }).click();
  const form = page.getByTestId("settings-new-02");
  await expect(form).toBeVisible();
  await form.getByTestId("settings-new-02-signerName").fill("Hoàng Văn Minh");
  await form.getByTestId("settings-new-02-save").click();
  // Saved: the unit's list now has the range, version 1.
  await expect(page.getByTestId("settings-unit-02").getByText("Phiên bản 1")).toBeVisible();
  await page.goto("/reports?province=02&period=2024");
  await expect(page.getByTestId("report-signer")).toHaveText("Hoàng Văn Minh");
  await page.goto("/reports?province=08-2025&period=2026-10");
  await expect(page.getByTestId("report-document")).toContainText("UBND TỈNH TUYÊN QUANG");
  await expect(page.getByTestId("report-signer")).toHaveText("");
});
