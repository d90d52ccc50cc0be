import { expect, test } from "./fixtures";

test.describe("a province sees only its own data", () => {
  test("the overview opens on the latest month, figures written the Vietnamese way", async ({ signedIn }) => {
    const page = await signedIn("laocai.lanhdao");
    await expect(page.getByTestId("dashboard-province")).toHaveText("Tỉnh Lào Cai");
    await expect(page.getByTestId("dashboard-period")).toHaveText("tháng 10/2026");
    const xnk = page.getByTestId("scorecard").locator('tr[data-indicator="TM.XNK"]');
    await expect(xnk.getByTestId("actual")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\(ước\)$/);
  });

  test("the former Lào Cai's records are reachable from the new Lào Cai", async ({ signedIn }) => {
    const page = await signedIn("laocai.canbo");
    await page.getByLabel("Đơn vị").selectOption("10");
    await page
      .locator("form", { has: page.getByLabel("Đơn vị") })
      .getByRole("button", { name: "Xem" })
      .click();
    await expect(page).toHaveURL(/province=10/);
    // The former unit's series ends with the merger, on 30/06/2025.
    await expect(page.getByTestId("dashboard-period")).toHaveText("tháng 6/2025");
  });

  test("staff cannot open another province's data: page and API", async ({ signedIn }) => {
    const page = await signedIn("laocai.canbo");
    await page.goto("/?province=25-2025");
    await expect(page.getByTestId("not-allowed")).toBeVisible();
    await expect(page.getByTestId("scorecard")).toHaveCount(0);
    // A predecessor of another province is just as foreign.
    await page.goto("/?province=17");
    await expect(page.getByTestId("not-allowed")).toBeVisible();

    const own = await page.request.get("/api/v1/provinces/15-2025/figures?period=2026-10");
    expect(own.status()).toBe(200);
    expect((await own.json()).length).toBeGreaterThan(10);
    const other = await page.request.get("/api/v1/provinces/25-2025/figures?period=2026-10");
    expect(other.status()).toBe(403);
    expect((await other.json()).error.code).toBe("forbidden");
  });

  test("the API answers 401 in its documented shape when signed out", async ({ request }) => {
    const response = await request.get("/api/v1/provinces/15-2025/figures");
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: "unauthenticated" });
  });

  test("the national viewer reads any province but has no province of its own", async ({ signedIn }) => {
    const page = await signedIn("bocongthuong");
    await expect(page.getByTestId("current-province")).toHaveCount(0);
    expect((await page.request.get("/api/v1/provinces/25-2025/figures?period=2026-10")).status()).toBe(200);
    // The sheet opens read-only: nothing to type, nothing to submit.
    await page.goto("/entry?province=25-2025&month=2026-10");
    await expect(page.getByText("Chỉ xem: bạn không nhập số liệu cho đơn vị này.")).toBeVisible();
    await expect(page.locator('input[data-cell="TM.XNK|month"]')).toBeDisabled();
    await expect(page.getByRole("button", { name: "Gửi duyệt" })).toHaveCount(0);
  });

  test("a personal access token acts with its owner's rights until revoked", async ({
    signedIn,
    playwright,
  }) => {
    const page = await signedIn("tuyenquang.canbo");
    await page.goto("/profile");
    await page.getByLabel("Tên mã (để nhận biết)").fill("Bảng tính của phòng");
    await page.getByRole("button", { name: "Tạo mã" }).click();
    const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^ct_/);

    const api = await playwright.request.newContext({
      baseURL: new URL(page.url()).origin,
      extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
    });
    expect((await api.get("/api/v1/indicators")).status()).toBe(200);
    expect((await api.get("/api/v1/provinces/02/figures?period=2024-01")).status()).toBe(200);
    expect((await api.get("/api/v1/provinces/10/figures")).status()).toBe(403);

    await page.reload();
    await page.getByTestId("tokens").getByRole("button", { name: "Thu hồi" }).first().click();
    await expect(page.getByTestId("tokens")).toContainText("Đã thu hồi");
    expect((await api.get("/api/v1/indicators")).status()).toBe(401);
    await api.dispose();
  });

  test("bad API input gets a clear message, not a crash", async ({ signedIn }) => {
    const page = await signedIn("laocai.canbo");
    const bad = await page.request.get("/api/v1/provinces/15-2025/figures?period=2024-13");
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.fields.period[0]).toContain("Kỳ không hợp lệ");
    expect((await page.request.get("/api/v1/provinces/khong-co/figures")).status()).toBe(404);
  });
});
