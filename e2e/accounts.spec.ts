import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// Thái Nguyên's admin runs these scenarios on accounts it creates itself; the other specs leave
// Thái Nguyên's accounts as they are (they only sign in with them).
const ADMIN = "thainguyen.quantri";
const NEW_PASSWORD = "mưa rào đầu hạ ở Thái Nguyên";

async function createOnPage(page: Page, username: string, displayName: string, role?: string) {
  const form = page.getByTestId("create-account");
  await form.getByLabel("Tên đăng nhập").fill(username);
  await form.getByLabel("Họ tên").fill(displayName);
  if (role) await form.getByLabel("Vai trò").selectOption({ label: role });
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
}

async function choosePassword(page: Page, current: string, next: string, repeat = next) {
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(repeat);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
}

async function listUsers(request: APIRequestContext) {
  const response = await request.get("/api/v1/users");
  expect(response.status()).toBe(200);
  return (await response.json()) as { id: number; username: string; role: string; active: boolean }[];
}

test.describe("account administration", () => {
  test("a new staff member: created by the admin, made to change the temporary password, refused once deactivated", async ({
    browser,
  }) => {
    // The province admin creates the account and reads the temporary password, shown once.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, ADMIN);
    await admin.getByTestId("main-nav").getByRole("link", { name: "Quản trị" }).click();
    await createOnPage(admin, "ThaiNguyen.NguyenVanB", "Nguyễn Văn B");
    const temporary =
      (await admin.getByTestId("create-account").getByTestId("temporary-password").textContent()) ?? "";
    expect(temporary).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    const row = admin.locator('tr[data-username="thainguyen.nguyenvanb"]');
    await expect(row).toContainText("Nguyễn Văn B");
    await expect(row).toContainText("Chờ đổi mật khẩu tạm");
    // Shown once: a reload does not show it again.
    await admin.reload();
    await expect(admin.getByTestId("temporary-password")).toHaveCount(0);

    // The new person signs in with it and is made to choose a new password before anything else.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signIn(staff, "thainguyen.nguyenvanb", temporary);
    await expect(staff).toHaveURL(/\/change-password$/);
    await expect(staff.getByText("Bạn đang dùng mật khẩu tạm")).toBeVisible();
    await staff.goto("/targets");
    await expect(staff).toHaveURL(/\/change-password$/);
    const api = await staff.request.get("/api/v1/provinces/19-2025/figures?period=2026-10");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.message).toContain("đổi mật khẩu tạm");

    // A weak password is refused with the reason; a good one leads to the province.
    await choosePassword(staff, temporary, "1234567890");
    await expect(staff.getByTestId("newPassword-error")).toContainText("quá phổ biến");
    await choosePassword(staff, temporary, "thainguyen.nguyenvanb-2026");
    await expect(staff.getByTestId("newPassword-error")).toContainText("không được chứa tên đăng nhập");
    await choosePassword(staff, temporary, NEW_PASSWORD, "something else");
    await expect(staff.getByTestId("confirmPassword-error")).toContainText("không khớp");
    await choosePassword(staff, temporary, NEW_PASSWORD);
    await expect(staff).toHaveURL(/\/$/);
    await expect(staff.getByTestId("current-role")).toHaveText("Cán bộ nhập liệu");
    await expect(staff.getByTestId("dashboard-province")).toHaveText("Tỉnh Thái Nguyên");
    await admin.reload();
    await expect(row).not.toContainText("Chờ đổi mật khẩu tạm");

    // The admin deactivates the account: the person's open page is refused at its next navigation.
    await row.getByRole("button", { name: "Khóa" }).click();
    await expect(row.getByTestId("account-status")).toHaveText("Đã khóa");
    await staff.getByTestId("main-nav").getByRole("link", { name: "Chỉ tiêu" }).click();
    await expect(staff).toHaveURL(/\/login\?reason=session/);
    await expect(staff.getByTestId("login-message")).toContainText("Phiên đăng nhập không còn hiệu lực");
    expect((await staff.request.get("/api/v1/indicators")).status()).toBe(401);
    await staffContext.close();
    await adminContext.close();
  });

  test("bad input gets a clear message and saves nothing: duplicate, malformed, unknown role, a system admin", async ({
    signedIn,
  }) => {
    const page = await signedIn(ADMIN);
    await page.goto("/admin");
    const before = await listUsers(page.request);

    await createOnPage(page, "thainguyen.canbo", "Trùng tên");
    const status = page.getByTestId("create-account-status");
    await expect(status).toContainText('Tên đăng nhập "thainguyen.canbo" đã có người dùng');
    // What was typed stays, to be corrected.
    await expect(page.getByTestId("create-account").getByLabel("Họ tên")).toHaveValue("Trùng tên");
    await createOnPage(page, "có dấu", "X");
    await expect(page.getByTestId("create-account")).toContainText("Chỉ dùng chữ không dấu");

    const post = (data: unknown) => page.request.post("/api/v1/users", { data });
    const duplicate = await post({ username: "ThaiNguyen.CanBo", displayName: "X", role: "staff" });
    expect(duplicate.status()).toBe(409);
    expect((await duplicate.json()).error.fields.username).toBeDefined();
    const unknownRole = await post({ username: "thainguyen.x", displayName: "X", role: "superuser" });
    expect(unknownRole.status()).toBe(422);
    expect((await unknownRole.json()).error.fields.role[0]).toContain("Vai trò không hợp lệ");
    const systemAdmin = await post({ username: "thainguyen.root", displayName: "X", role: "system_admin" });
    expect(systemAdmin.status()).toBe(403);
    expect((await systemAdmin.json()).error.message).toContain("Bạn không thể cấp vai trò này");
    const withPassword = await post({
      username: "thainguyen.y",
      displayName: "Y",
      role: "staff",
      password: "x",
    });
    expect(withPassword.status()).toBe(422);
    expect(
      (
        await page.request.post("/api/v1/users", {
          data: Buffer.from("{not json"),
          headers: { "content-type": "application/json" },
        })
      ).status(),
    ).toBe(400);

    // Sign-in times move with other tests signing in meanwhile; everything a refused request
    // could have written must be exactly as before.
    const settled = (users: Record<string, unknown>[]) => users.map(({ lastSignInAt: _, ...user }) => user);
    expect(settled(await listUsers(page.request))).toEqual(settled(before));
  });

  test("over the API: the province's own accounts only; a reset ends the person's token", async ({
    signedIn,
    browser,
    playwright,
  }) => {
    const page = await signedIn(ADMIN);
    const created = await page.request.post("/api/v1/users", {
      data: { username: "thainguyen.tranthic", displayName: "Trần Thị C", role: "leader" },
    });
    expect(created.status()).toBe(201);
    const { user, temporaryPassword } = await created.json();
    expect(user).toMatchObject({
      role: "leader",
      provinceId: "19-2025",
      active: true,
      mustChangePassword: true,
    });
    expect(user.passwordHash).toBeUndefined();
    const listed = await listUsers(page.request);
    expect(listed.some((u) => u.username === "thainguyen.tranthic")).toBe(true);
    expect(listed.every((u) => u.username.startsWith("thainguyen."))).toBe(true);
    expect((await page.request.get("/api/v1/users?province=25-2025")).status()).toBe(403);

    // Another province's account, a national viewer: out of reach.
    const hethong = await browser.newContext();
    const sys = await hethong.newPage();
    await signIn(sys, "hethong");
    await expect(sys.getByTestId("current-user")).toBeVisible();
    const everyone = await listUsers(sys.request);
    const phutho = everyone.find((u) => u.username === "phutho.lanhdao");
    const viewer = everyone.find((u) => u.username === "bocongthuong");
    for (const target of [phutho, viewer]) {
      const refused = await page.request.patch(`/api/v1/users/${target?.id}`, { data: { active: false } });
      expect(refused.status()).toBe(403);
    }
    expect((await page.request.patch("/api/v1/users/99999", { data: { active: false } })).status()).toBe(404);
    expect((await page.request.patch("/api/v1/users/abc", { data: { active: false } })).status()).toBe(400);
    expect((await page.request.patch(`/api/v1/users/${user.id}`, { data: {} })).status()).toBe(422);
    await hethong.close();

    // The new leader sets a password and makes a token; a reset ends both session and token.
    const personContext = await browser.newContext();
    const person = await personContext.newPage();
    await signIn(person, "thainguyen.tranthic", temporaryPassword);
    await choosePassword(person, temporaryPassword, NEW_PASSWORD);
    await expect(person.getByTestId("current-role")).toHaveText("Lãnh đạo Sở");
    await person.goto("/profile");
    await person.getByLabel("Tên mã (để nhận biết)").fill("Báo cáo tuần");
    await person.getByRole("button", { name: "Tạo mã" }).click();
    const secret = (await person.getByTestId("new-token").textContent())?.trim() ?? "";
    const tokenApi = await playwright.request.newContext({
      baseURL: new URL(person.url()).origin,
      extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
    });
    expect((await tokenApi.get("/api/v1/indicators")).status()).toBe(200);

    const role = await page.request.patch(`/api/v1/users/${user.id}`, { data: { role: "staff" } });
    expect(role.status()).toBe(200);
    expect(await role.json()).toMatchObject({ user: { role: "staff" }, changed: ["role"] });
    expect((await tokenApi.get("/api/v1/indicators")).status()).toBe(401);
    await person.reload();
    await expect(person).toHaveURL(/\/login\?reason=session/);

    await signIn(person, "thainguyen.tranthic", NEW_PASSWORD);
    await expect(person.getByTestId("current-role")).toHaveText("Cán bộ nhập liệu");
    const reset = await page.request.patch(`/api/v1/users/${user.id}`, { data: { resetPassword: true } });
    const body = await reset.json();
    expect(body.changed).toEqual(["password"]);
    expect(body.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    await person.reload();
    await expect(person).toHaveURL(/\/login\?reason=session/);
    await signIn(person, "thainguyen.tranthic", body.temporaryPassword);
    await expect(person).toHaveURL(/\/change-password$/);
    await tokenApi.dispose();
    await personContext.close();
  });

  test("a province admin cannot lock the province out, nor see another province's accounts", async ({
    signedIn,
  }) => {
    const page = await signedIn(ADMIN);
    const me = (await listUsers(page.request)).find((u) => u.username === ADMIN);
    const self = await page.request.patch(`/api/v1/users/${me?.id}`, { data: { active: false } });
    expect(self.status()).toBe(422);
    expect((await self.json()).error.message).toContain("Bạn không thể tự khóa");
    const demote = await page.request.patch(`/api/v1/users/${me?.id}`, { data: { role: "staff" } });
    expect(demote.status()).toBe(422);
    await page.goto("/admin");
    await expect(page.locator(`tr[data-username="${ADMIN}"]`)).toContainText("Bạn");
    await expect(page.locator(`tr[data-username="${ADMIN}"]`).getByRole("button")).toHaveCount(0);
    await page.goto("/admin?province=25-2025");
    await expect(page.getByTestId("not-allowed")).toBeVisible();
    await page.goto("/admin?view=nationwide");
    await expect(page.getByTestId("not-allowed")).toBeVisible();
  });

  test("the system admin creates a national viewer and a province's first admin", async ({ signedIn }) => {
    const page = await signedIn("hethong");
    await page.goto("/admin?view=nationwide");
    await createOnPage(page, "bct.vuthitruong", "Vụ Thị trường trong nước", "Theo dõi toàn quốc");
    await expect(page.getByTestId("create-account").getByTestId("temporary-password")).toBeVisible();
    await expect(page.locator('tr[data-username="bct.vuthitruong"]')).toContainText(
      "Vụ Thị trường trong nước",
    );

    await page.goto("/admin?province=96-2025");
    await expect(page.getByTestId("admin-province")).toHaveText("Tỉnh Cà Mau");
    await expect(page.getByText("chưa có quản trị tỉnh đang hoạt động")).toBeVisible();
    await createOnPage(page, "camau.quantri", "Quản trị Sở Công Thương Cà Mau", "Quản trị tỉnh");
    await expect(page.getByTestId("create-account").getByTestId("temporary-password")).toBeVisible();
    await expect(page.getByText("chưa có quản trị tỉnh đang hoạt động")).toHaveCount(0);
  });

  test("every account change appears in the audit page, filterable, and in its CSV", async ({ signedIn }) => {
    const page = await signedIn(ADMIN);
    const created = await page.request.post("/api/v1/users", {
      data: { username: "thainguyen.audit", displayName: "Kiểm tra nhật ký", role: "staff" },
    });
    const { user } = await created.json();
    for (const data of [{ role: "leader" }, { resetPassword: true }, { active: false }, { active: true }]) {
      expect((await page.request.patch(`/api/v1/users/${user.id}`, { data })).status()).toBe(200);
    }

    await page.getByTestId("main-nav").getByRole("link", { name: "Nhật ký thay đổi" }).click();
    await expect(page.getByRole("heading", { name: "Nhật ký thay đổi" })).toBeVisible();
    await page.getByLabel("Loại thay đổi").selectOption({ label: "Tài khoản" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page).toHaveURL(/kind=accounts/);
    const rows = page.getByTestId("audit").locator("tr", { hasText: "thainguyen.audit" });
    // Newest first.
    await expect(rows.locator("td:nth-child(4)")).toHaveText([
      "Mở khóa tài khoản",
      "Khóa tài khoản",
      "Đặt lại mật khẩu",
      "Đổi vai trò",
      "Tạo tài khoản",
    ]);
    // Field names and values in words, not `role: staff`.
    await expect(rows.nth(3).getByTestId("audit-before")).toContainText("Vai trò: Cán bộ nhập liệu");
    await expect(rows.nth(3).getByTestId("audit-after")).toContainText("Vai trò: Lãnh đạo Sở");
    await expect(page.getByTestId("audit")).not.toContainText("role:");
    await expect(page.getByTestId("audit").locator("tr[data-action]").first()).toContainText(
      "Quản trị Sở Công Thương Thái Nguyên",
    );
    // No other province's changes.
    await expect(page.getByTestId("audit")).not.toContainText("Tỉnh Phú Thọ");

    const csv = await page.request.get(`/audit/export?kind=accounts`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Đặt lại mật khẩu");
    expect(text).toContain("Vai trò: Lãnh đạo Sở");
    expect(text).toContain("thainguyen.audit");
    expect(text).not.toContain("phutho.");

    // Another role sees neither the page nor the download.
    const staff = await page.context().browser()?.newContext();
    const other = await staff?.newPage();
    if (!other || !staff) throw new Error("no browser");
    await signIn(other, "thainguyen.lanhdao");
    await expect(other.getByTestId("main-nav")).not.toContainText("Nhật ký thay đổi");
    await other.goto("/audit");
    await expect(other.getByTestId("not-allowed")).toBeVisible();
    expect((await other.request.get("/audit/export")).status()).toBe(403);
    await staff.close();
  });
});
