import type { Page } from "@playwright/test";
import { expect, signIn, signInAs, test } from "./fixtures";

/** "+3,22%" from a number, the way the pages must write a growth (issue 8.6). */
const signedVi = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(2).replace(".", ",")}%`;

async function apiRow(page: Page, province: string, period: string, indicator: string) {
  const response = await page.request.get(`/api/v1/provinces/${province}/attainment?period=${period}`);
  expect(response.status()).toBe(200);
  const rows: { indicator: string; actual: number; growthPct: number }[] = await response.json();
  const row = rows.find((r) => r.indicator === indicator);
  if (!row) throw new Error(`no ${indicator} row`);
  return row;
}

test.describe("what the screens say can be trusted (issue 8)", () => {
  test("the IIP reads as a growth with its sign on the dashboard, the detail page and the sheet", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    const iip = await apiRow(page, "15-2025", "2026-09", "CN.IIP");
    expect(iip.actual).toBeGreaterThan(100); // the engine's index form, 10x,xx …
    const growth = signedVi(iip.growthPct); // … is written as the reports write it

    await page.goto("/?province=15-2025&period=2026-09");
    const row = page.getByTestId("scorecard").locator('tr[data-indicator="CN.IIP"]');
    await expect(row.getByTestId("actual")).toHaveText(new RegExp(`^${growth.replace("+", "\\+")}`));
    await expect(row.getByTestId("actual")).not.toContainText(iip.actual.toFixed(2).replace(".", ","));
    await expect(row).toContainText("% so cùng kỳ");
    // The index form only where it says so: "bằng 10x,xx%".
    await expect(row.getByTestId("vs-same-period")).toContainText(
      `bằng ${iip.actual.toFixed(2).replace(".", ",")}%`,
    );

    await row.getByRole("link").click();
    await expect(page.getByTestId("indicator-summary")).toContainText(growth);
    await expect(page.getByTestId("indicator-summary")).not.toContainText(
      iip.actual.toFixed(2).replace(".", ","),
    );
    // The months' growth rates carry their sign; the fixed-base level column says what it is.
    const september = page.getByTestId("months-table").locator("tbody tr").nth(8);
    await expect(september.locator("td").nth(1)).toHaveText(/^[+-]\d+,\d{2}%$/);
    await expect(page.getByTestId("months-table").locator("thead")).toContainText("Chỉ số gốc cố định");

    const staff = page;
    await staff.context().clearCookies();
    await signInAs(staff, "laocai.canbo");
    await staff.goto("/entry?province=15-2025&month=2026-10");
    await expect(staff.getByTestId("column-month")).toContainText("± % so cùng kỳ");
    const sheetRow = staff.getByTestId("month-sheet").locator('tr[data-indicator="CN.IIP"]');
    await expect(sheetRow).toContainText("% tăng/giảm so cùng kỳ");
    await expect(sheetRow.locator('input[data-cell="CN.IIP|month"]')).toHaveAttribute(
      "aria-label",
      /Tăng\/giảm so cùng kỳ \(%\)/,
    );
  });

  test("the national viewer lands on content: the board, and the comparison on the latest approved month", async ({
    page,
  }) => {
    await signIn(page, "bocongthuong");
    // Not Hà Nội's empty overview: the submission board (lib/landing.ts), then the comparison.
    await expect(page).toHaveURL(/\/submissions$/);
    await page.getByTestId("main-nav").getByRole("link", { name: "So sánh các tỉnh" }).click();
    await expect(page.getByTestId("national-period")).toContainText("tháng 9/2026");
    const rows = page.getByTestId("national-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    const values = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1].textContent));
    expect(values.filter((v) => v && /\d/.test(v)).length).toBeGreaterThanOrEqual(4);
    // A province's overview is still there when asked for by name.
    await page.goto("/?province=15-2025");
    await expect(page.getByTestId("dashboard-province")).toHaveText("Tỉnh Lào Cai");
  });

  test("one period picker: grouped by year, one button, and a quarter with one month says so", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await expect(page.getByTestId("dashboard-period")).toHaveText("tháng 10/2026");
    const picker = page.getByTestId("period-picker");
    const years = await picker
      .locator("optgroup")
      .evaluateAll((gs) => gs.map((g) => g.getAttribute("label")));
    expect(years).toEqual(["Năm 2026", "Năm 2025", "Năm 2024", "Năm 2023"]);
    // One form, one button, for the unit and the period together.
    await expect(page.locator('form[method="get"] button[type="submit"]')).toHaveCount(1);
    await expect(picker.getByLabel("Đơn vị")).toBeVisible();
    await expect(picker.locator('optgroup[label="Năm 2026"] option[value="2026-Q4"]')).toHaveText(
      "quý IV/2026 (1/3 tháng)",
    );

    await picker.getByLabel("Kỳ báo cáo").selectOption("2026-Q4");
    await picker.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/period=2026-Q4/);
    await expect(page.getByTestId("dashboard-coverage")).toHaveText("(1/3 tháng)");
    await expect(page.getByTestId("partial-period")).toContainText("1/3 tháng");
    await expect(page.getByTestId("partial-period")).toContainText("tháng 10/2026");
    const xnk = page.getByTestId("scorecard").locator('tr[data-indicator="TM.XNK"]');
    await expect(xnk.getByTestId("actual")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}/);

    // The same picker on the detail page and the comparison; in English, "1 of 3 months".
    await page.goto("/indicators/CN.IIP?province=15-2025&period=2026-Q4");
    await expect(page.getByTestId("detail-coverage")).toHaveText("(1/3 tháng)");
    await expect(page.getByTestId("indicator-summary")).toContainText(/[+-]\d+,\d{2}%/);
    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("locale-switch")).toHaveText("Tiếng Việt");
    await expect(page.getByTestId("detail-coverage")).toHaveText("(1 of 3 months)");
    await expect(page.getByTestId("period-picker").locator("optgroup").first()).toHaveAttribute(
      "label",
      "2026",
    );
    await expect(page.locator('form[method="get"] button[type="submit"]')).toHaveText(["Show"]);

    // The sheet's month and the targets' year share one form with the unit: one button each page.
    for (const url of ["/entry?province=15-2025&month=2026-10", "/targets?province=15-2025&year=2026"]) {
      await page.goto(url);
      await expect(page.getByTestId("unit-picker").getByLabel("Unit")).toBeVisible();
      await expect(page.locator('form[method="get"] button[type="submit"]')).toHaveText(["Show"]);
    }
  });

  test("on a 375-px phone every menu item is in sight, in both languages, for the longest menu (a province admin's)", async ({
    signedIn,
  }) => {
    const page = await signedIn("phutho.quantri");
    await page.setViewportSize({ width: 375, height: 740 });
    const nav = page.getByTestId("main-nav");
    const inSight = async () => {
      const links = await nav.getByRole("link").all();
      expect(links.length).toBeGreaterThanOrEqual(6);
      for (const link of links) {
        const name = (await link.textContent()) ?? "";
        const box = await link.boundingBox();
        expect(box, name).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375, name).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    };
    await inSight();
    await page.getByTestId("locale-switch").click();
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await inSight();
    await page.screenshot({ path: "test-results/nav-province-admin-375-en.png" });
  });
});
