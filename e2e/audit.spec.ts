import { expect, test } from "./fixtures";

// Tuyên Quang's admin sets a 2027 target no other test reads, then reads the audit log.
const PROVINCE = "08-2025";

function todayInVietnam(): string {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

test.describe("a readable audit log", () => {
  test("a target change reads as words and Vietnamese numbers, on the page and in its CSV; days dd/mm/yyyy", async ({
    signedIn,
  }) => {
    const page = await signedIn("tuyenquang.quantri");
    const saved = await page.request.put(`/api/v1/provinces/${PROVINCE}/targets`, {
      data: {
        targets: [{ indicator: "TM.BLDV", year: 2027, basis: "growth", value: 12.5, bound: "at_least" }],
      },
    });
    expect(saved.status()).toBe(200);

    await page.goto("/audit");
    await page.getByLabel("Loại thay đổi").selectOption({ label: "Chỉ tiêu" });
    // Days are typed the Vietnamese way.
    await expect(page.getByLabel("Từ ngày")).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await page.getByLabel("Từ ngày").fill(todayInVietnam());
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByLabel("Từ ngày")).toHaveValue(todayInVietnam());
    const row = page.getByTestId("audit").locator('tr[data-action="target.save"]').first();
    await expect(row).toContainText("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng — năm 2027");
    await expect(row.getByTestId("audit-after")).toContainText("Chỉ tiêu tăng trưởng: trên +12,50%");
    await expect(page.getByTestId("audit")).not.toContainText("basis");
    await expect(page.getByTestId("audit")).not.toContainText("valueMax");
    await expect(page.getByTestId("audit")).not.toContainText(`${PROVINCE}/TM.BLDV`);

    // A day that does not exist is refused at its field, in words.
    await page.getByLabel("Từ ngày").fill("31/02/2026");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByTestId("audit-from-error")).toHaveText("Ngày không có thật.");
    await expect(page.getByLabel("Từ ngày")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Từ ngày")).toHaveValue("31/02/2026");

    // The CSV says the same, for a Vietnamese Excel: Vietnamese headers, ";" between fields.
    const body = await (await page.request.get("/audit/export?kind=targets")).body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for Excel
    const [header, ...lines] = body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toBe("Thời điểm;Tên đăng nhập;Người thực hiện;Đơn vị;Thay đổi;Đối tượng;Trước;Sau");
    const line = lines.find((l) => l.includes("năm 2027")) ?? "";
    expect(line).toContain("Tỉnh Tuyên Quang");
    expect(line).toContain("Chỉ tiêu tăng trưởng: trên +12,50%");
    expect(line).not.toMatch(/basis|at_least|\{|\[/);
  });

  test("in English, the audit CSV is English with a ',' separator", async ({ signedIn }) => {
    const page = await signedIn("tuyenquang.quantri");
    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("locale-switch")).toHaveText("Tiếng Việt");
    const csv = (await (await page.request.get("/audit/export?kind=accounts")).body()).toString("utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "When,Username,Changed by,Unit,Change,Item,Before,After",
    );
  });
});
