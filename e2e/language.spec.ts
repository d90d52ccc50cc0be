import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Switches the signed-in page to English, as the header's language link does. */
async function inEnglish(page: Page) {
  await page.getByTestId("locale-switch").click();
  await expect(page.getByTestId("locale-switch")).toHaveText("Tiếng Việt");
}

/** The names of the submit buttons of the page's GET forms (the pickers). */
const pickerButtons = (page: Page) =>
  page.locator('form[method="get"] button[type="submit"]').allTextContents();

test.describe("one language at a time", () => {
  test("in English, a refused account form speaks English only, at the field", async ({ signedIn }) => {
    const page = await signedIn("thainguyen.quantri");
    await inEnglish(page);
    await page.goto("/admin");
    const form = page.getByTestId("create-account");
    await form.getByLabel("Username").fill("a");
    await form.getByLabel("Full name").fill("Nguyễn Văn C");
    await form.getByRole("button", { name: "Create account" }).click();
    const error = form.getByTestId("new-username-error");
    await expect(error).toContainText("At least 3 characters");
    await expect(error).not.toContainText("ký tự");
    await expect(form.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("create-account-status")).toContainText("Invalid input");
    await expect(page.getByTestId("create-account-status")).not.toContainText("không hợp lệ");
  });

  test("in Vietnamese, the same error is Vietnamese only", async ({ signedIn }) => {
    const page = await signedIn("thainguyen.quantri");
    await page.goto("/admin");
    const form = page.getByTestId("create-account");
    await form.getByLabel("Tên đăng nhập").fill("a");
    await form.getByLabel("Họ tên").fill("Nguyễn Văn C");
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(form.getByTestId("new-username-error")).toHaveText("Tên đăng nhập cần ít nhất 3 ký tự.");
  });

  test("in English, units are English and every picker says Show", async ({ signedIn }) => {
    const page = await signedIn("laocai.lanhdao");
    await inEnglish(page);
    await page.goto("/?province=10&period=2023-YTD06");
    const scorecard = page.getByTestId("scorecard");
    await expect(scorecard.locator('tr[data-indicator="TM.BLDV"]')).toContainText("(billion VND)");
    await expect(scorecard.locator('tr[data-indicator="TM.XNK"]')).toContainText("(million USD)");
    await expect(scorecard).not.toContainText("tỷ đồng");
    expect(new Set(await pickerButtons(page))).toEqual(new Set(["Show"]));

    await page.goto("/targets?province=15-2025&year=2026");
    await expect(page.getByTestId("targets")).not.toContainText("tỷ đồng");
    expect(new Set(await pickerButtons(page))).toEqual(new Set(["Show"]));

    await page.goto("/indicators/NL.DIEN_SX?province=10&period=2023-YTD06");
    await expect(page.getByTestId("indicator-name")).toContainText("(million kWh)");
    // The page's title (the tab, what a screen reader announces) is English too.
    await expect(page).toHaveTitle("Indicator detail · ChiTieu");
  });

  test("in English, the sheet's units are English and its month picker says Show", async ({ signedIn }) => {
    const page = await signedIn("laocai.canbo");
    await inEnglish(page);
    await page.goto("/entry?province=15-2025&month=2026-10");
    const sheet = page.getByTestId("month-sheet");
    await expect(sheet.locator('tr[data-indicator="NL.THON_DIEN"]')).toContainText("(villages)");
    await expect(sheet.locator('tr[data-indicator="DT.CCN_DA"]')).toContainText("(projects)");
    await expect(sheet).not.toContainText("triệu kWh");
    expect(new Set(await pickerButtons(page))).toEqual(new Set(["Show"]));
  });
});

test("an address that does not exist answers 404 in the reader's language", async ({ signedIn }) => {
  const page = await signedIn("laocai.lanhdao");
  const vi = await page.goto("/khong-co-trang-nay");
  expect(vi?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Không tìm thấy trang");
  await page.getByRole("link", { name: "Về trang chủ" }).click();
  await expect(page.getByTestId("scorecard")).toBeVisible();
  await inEnglish(page);
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await expect(page.getByTestId("not-found")).not.toContainText("Không tìm thấy");
});
