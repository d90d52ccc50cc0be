import { DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { expect, signIn, test } from "./fixtures";

const NAV: Record<string, string[]> = {
  "laocai.canbo": ["Tổng quan", "Nhập số liệu", "Chỉ tiêu", "Báo cáo"],
  "laocai.lanhdao": ["Tổng quan", "Chỉ tiêu", "Duyệt", "Báo cáo", "Tình hình gửi"],
  "laocai.quantri": [
    "Tổng quan",
    "Chỉ tiêu",
    "Duyệt",
    "Báo cáo",
    "Tình hình gửi",
    "Quản trị",
    "Nhật ký thay đổi",
  ],
  bocongthuong: ["Tổng quan", "Chỉ tiêu", "Báo cáo", "So sánh các tỉnh", "Tình hình gửi"],
  hethong: ["Tổng quan", "So sánh các tỉnh", "Tình hình gửi", "Quản trị", "Nhật ký thay đổi"],
};
const ROLE: Record<string, string> = {
  "laocai.canbo": "Cán bộ nhập liệu",
  "laocai.lanhdao": "Lãnh đạo Sở",
  "laocai.quantri": "Quản trị tỉnh",
  bocongthuong: "Theo dõi toàn quốc",
  hethong: "Quản trị hệ thống",
};

test.describe("sign-in", () => {
  for (const [username, nav] of Object.entries(NAV)) {
    test(`${username} signs in and sees the navigation of the role`, async ({ signedIn }) => {
      const page = await signedIn(username);
      await expect(page.getByTestId("current-role")).toHaveText(ROLE[username]);
      await expect(page.getByTestId("main-nav").getByRole("link")).toHaveText(nav);
    });
  }

  test("every successor province's accounts land on their own province", async ({ signedIn }) => {
    for (const [username, province] of [
      ["tuyenquang.canbo", "Tỉnh Tuyên Quang"],
      ["thainguyen.lanhdao", "Tỉnh Thái Nguyên"],
      ["phutho.quantri", "Tỉnh Phú Thọ"],
    ]) {
      const page = await signedIn(username);
      await expect(page.getByTestId("current-province")).toHaveText(province);
      await expect(page.getByTestId("dashboard-province")).toHaveText(province);
      await page.context().clearCookies();
    }
  });

  test("a signed-out visitor is sent to the login page", async ({ page }) => {
    await page.goto("/targets?year=2024");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
    // Signing in returns to the page asked for.
    await page.getByLabel("Tên đăng nhập").fill("laocai.canbo");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/targets\?year=2024$/);
  });

  test("a wrong password shows a message and signs nobody in", async ({ page }) => {
    await signIn(page, "laocai.canbo", "not-the-password");
    await expect(page.getByTestId("login-message")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty or oversized fields get a clear message", async ({ page }) => {
    await signIn(page, "", "");
    await expect(page.getByTestId("login-message")).toHaveText(
      "Vui lòng nhập tên đăng nhập và mật khẩu (tối đa 64 và 256 ký tự).",
    );
    // The form caps the length; a request that gets past it is refused the same way.
    const csrf = await (await page.request.get("/api/auth/csrf")).json();
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, username: "x".repeat(5000), password: "y" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("error=CredentialsSignin");
  });

  test("an unknown user gets the same message", async ({ page }) => {
    await signIn(page, "khong.ton.tai", "whatever-password");
    await expect(page.getByTestId("login-message")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  test("sign-out ends the session", async ({ signedIn }) => {
    const page = await signedIn("thainguyen.canbo");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("English is one click away, and stays chosen", async ({ signedIn }) => {
    const page = await signedIn("tuyenquang.lanhdao");
    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("main-nav").getByRole("link")).toHaveText([
      "Overview",
      "Targets",
      "Review",
      "Reports",
      "Submissions",
    ]);
    await page.reload();
    await expect(page.getByTestId("current-role")).toHaveText("Leader");
  });

  test("a deactivated user is refused at the next request and cannot sign in again", async ({ browser }) => {
    // The staff member is signed in with a page open.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signIn(staff, "phutho.canbo");
    await expect(staff.getByTestId("current-user")).toBeVisible();

    // The province admin deactivates the account.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, "phutho.quantri");
    await admin.getByTestId("main-nav").getByRole("link", { name: "Quản trị" }).click();
    const row = admin.locator('tr[data-username="phutho.canbo"]');
    await row.getByRole("button", { name: "Khóa" }).click();
    await expect(row).toContainText("Đã khóa");

    // The open page is refused at its next navigation.
    await staff.getByTestId("main-nav").getByRole("link", { name: "Chỉ tiêu" }).click();
    await expect(staff).toHaveURL(/\/login\?reason=session/);
    await expect(staff.getByTestId("login-message")).toContainText("Phiên đăng nhập không còn hiệu lực");
    // And so is its API access.
    expect((await staff.request.get("/api/v1/provinces/25-2025/figures?period=2026-10")).status()).toBe(401);

    // Signing in again is refused with the reason.
    await signIn(staff, "phutho.canbo", DEMO_PASSWORD);
    await expect(staff.getByTestId("login-message")).toHaveText(
      "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị của Sở.",
    );

    // Reactivated, the person can work again.
    await row.getByRole("button", { name: "Mở khóa" }).click();
    await expect(row).toContainText("Đang hoạt động");
    await signIn(staff, "phutho.canbo", DEMO_PASSWORD);
    await expect(staff.getByTestId("current-user")).toBeVisible();
    await staffContext.close();
    await adminContext.close();
  });
});
