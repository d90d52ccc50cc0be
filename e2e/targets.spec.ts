import { expect, signInAs, test } from "./fixtures";
import { TargetsPage } from "./pages/targets-page";

const PROVINCE = "25-2025"; // Phú Thọ: figures up to 2026, demo targets for 2026
const YEAR = 2027; // a year without targets: what is saved here starts at version 1

test.describe.configure({ mode: "serial" });

test("the province admin sets a year's targets typed the Vietnamese way, edits one (version 2 in its history), and a leader reads them", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "phutho.quantri");
  const targets = new TargetsPage(admin);
  await admin.getByTestId("main-nav").getByRole("link", { name: "Chỉ tiêu" }).click();
  await expect(admin.getByTestId("targets")).toBeVisible();
  // The page opens on the data's current year.
  await expect(admin.getByTestId("targets-province")).toHaveText("Tỉnh Phú Thọ");
  await expect(admin.getByTestId("targets-year")).toHaveText("Năm 2026");
  await targets.open(PROVINCE, YEAR);
  await expect(admin.getByTestId("targets-year")).toHaveText(`Năm ${YEAR}`);

  // An amount with Vietnamese grouping and decimal comma, and the document it comes from.
  await targets.fill("TM.XNK", { value: "1.250,5", document: "Nghị quyết số 25/NQ-HĐND" });
  // A growth target stated as a lower bound ("trên 8,5%") with a first-quarter scenario.
  await targets.choose("CN.IIP", "form", "Trên (tối thiểu)");
  await targets.fill("CN.IIP", { value: "8,5", q1: "10,66", document: "Nghị quyết số 25/NQ-HĐND" });
  // A range: 5–8 projects.
  await targets.choose("DT.CCN_DA", "form", "Khoảng (từ … đến)");
  await targets.fill("DT.CCN_DA", { value: "5", valueMax: "8" });
  await targets.save();
  await targets.saved();
  await expect(targets.row("TM.XNK").getByTestId("target-version")).toContainText("Phiên bản 1");

  // What was saved is what the page shows after a reload, and what the API returns as numbers.
  await admin.reload();
  await expect(targets.field("TM.XNK", "value")).toHaveValue("1.250,5");
  await expect(targets.field("CN.IIP", "q1")).toHaveValue("10,66");
  await expect(targets.field("DT.CCN_DA", "valueMax")).toHaveValue("8");
  const api = await admin.request.get(`/api/v1/provinces/${PROVINCE}/targets?year=${YEAR}`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        indicator: "TM.XNK",
        value: 1250.5,
        basis: "level",
        version: 1,
        quarter: null,
      }),
      expect.objectContaining({ indicator: "CN.IIP", value: 8.5, bound: "at_least", quarter: null }),
      expect.objectContaining({ indicator: "CN.IIP", value: 10.66, basis: "growth", quarter: 1 }),
      expect.objectContaining({ indicator: "DT.CCN_DA", value: 5, valueMax: 8, bound: "exact" }),
    ]),
  );

  // Input that could be misread is not guessed, and an upside-down range is refused: nothing is saved.
  await targets.fill("TM.XNK", { value: "1,234" });
  await targets.fill("DT.CCN_DA", { valueMax: "3" });
  await targets.save();
  await expect(targets.row("TM.XNK").getByTestId("target-error")).toContainText("1,234");
  await expect(targets.row("DT.CCN_DA").getByTestId("target-error")).toContainText("Cận trên (3)");
  await expect(admin.getByTestId("targets-save-state")).toContainText("không lưu được");

  // The revision: a new value and a new document make version 2; version 1 stays in the history.
  await targets.fill("DT.CCN_DA", { valueMax: "8" });
  await targets.fill("TM.XNK", { value: "1.300", document: "Nghị quyết số 30/NQ-HĐND" });
  await targets.save();
  await targets.saved();
  await expect(targets.row("TM.XNK").getByTestId("target-version")).toContainText("Phiên bản 2");
  const history = await targets.history("TM.XNK");
  await expect(history).toContainText("Phiên bản 2");
  await expect(history).toContainText("phutho.quantri");
  await expect(history).toContainText("1.250,50 triệu USD → 1.300,00 triệu USD");
  await expect(history).toContainText("Nghị quyết số 25/NQ-HĐND → Nghị quyết số 30/NQ-HĐND");
  await expect(history).toContainText("Phiên bản 1");
  await history.getByRole("button", { name: "Đóng" }).click();

  // A leader of the province reads the targets and cannot change them.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signInAs(leader, "phutho.lanhdao");
  const read = new TargetsPage(leader);
  await read.open(PROVINCE, YEAR);
  await expect(leader.getByText("Chỉ xem: chỉ quản trị tỉnh đặt chỉ tiêu cho đơn vị này.")).toBeVisible();
  await expect(leader.getByTestId("targets").getByRole("textbox")).toHaveCount(0);
  await expect(leader.getByRole("button", { name: "Lưu chỉ tiêu" })).toHaveCount(0);
  await expect(read.field("TM.XNK", "target")).toHaveText("1.300,00 triệu USD");
  await expect(read.field("TM.XNK", "document")).toHaveText("Nghị quyết số 30/NQ-HĐND");
  await expect(read.field("CN.IIP", "target")).toHaveText("trên +8,50%");
  await expect(read.field("CN.IIP", "q1")).toHaveText("+10,66%");
  await expect(read.field("DT.CCN_DA", "target")).toHaveText("5–8 dự án");
  await expect(await read.history("TM.XNK")).toContainText("Phiên bản 2");
  const refused = await leader.request.put(`/api/v1/provinces/${PROVINCE}/targets`, {
    data: { targets: [{ indicator: "TM.XNK", year: YEAR, basis: "level", value: 1, version: 2 }] },
  });
  expect(refused.status()).toBe(403);
  for (const context of [adminContext, leaderContext]) await context.close();
});

test("a target changed by someone else meanwhile is refused, and the page shows its current value", async ({
  signedIn,
}) => {
  const page = await signedIn("phutho.quantri");
  const targets = new TargetsPage(page);
  await targets.open(PROVINCE, YEAR);
  await expect(targets.field("TM.XNK", "value")).toHaveValue("1.300");
  // Someone else (here: a script with the same rights) saves version 3 while the page is open.
  const other = await page.request.put(`/api/v1/provinces/${PROVINCE}/targets`, {
    data: { targets: [{ indicator: "TM.XNK", year: YEAR, basis: "level", value: 1400, version: 2 }] },
  });
  expect(other.status()).toBe(200);
  await targets.fill("TM.XNK", { value: "1.350" });
  await targets.save();
  const conflict = targets.row("TM.XNK").getByTestId("target-conflict");
  await expect(conflict).toContainText("Chỉ tiêu này đã bị người khác thay đổi");
  await expect(conflict).toContainText("1.400,00 triệu USD (phiên bản 3)");
  // Keeping one's own value is a decision: saved on top of version 3, as version 4.
  await conflict.getByRole("button", { name: "Giữ giá trị của tôi" }).click();
  await targets.save();
  await targets.saved();
  await expect(targets.row("TM.XNK").getByTestId("target-version")).toContainText("Phiên bản 4");
});

test("last year's targets are copied as a start for a year without them", async ({ signedIn }) => {
  // Hòa Bình (17), now part of Phú Thọ, published six targets for 2024 and none for 2025.
  const page = await signedIn("phutho.quantri");
  const targets = new TargetsPage(page);
  await targets.open("17", 2025);
  await expect(targets.field("DT.CCN_VON", "value")).toHaveValue("");
  await page.getByRole("button", { name: "Chép chỉ tiêu năm 2024" }).click();
  await expect(page.getByTestId("copy-message")).toContainText("Đã chép 6 chỉ tiêu từ năm 2024");
  await expect(targets.field("DT.CCN_VON", "value")).toHaveValue("400");
  await expect(targets.field("DT.CCN_VON", "valueMax")).toHaveValue("600");
  await expect(page.getByRole("button", { name: "Chép chỉ tiêu năm 2024" })).toHaveCount(0);
});

test.describe("who may write targets", () => {
  const target = { indicator: "NL.THON_DIEN", year: 2027, basis: "level", value: 12, document: "NQ 01/2027" };

  test("the province admin may; staff, leader, national viewer and another province's admin get 403", async ({
    browser,
  }) => {
    for (const [username, province, status] of [
      ["phutho.quantri", PROVINCE, 200],
      ["phutho.quantri", "26", 200], // Vĩnh Phúc, a predecessor: its 2025 targets are Phú Thọ's to keep
      ["phutho.canbo", PROVINCE, 403],
      ["phutho.lanhdao", PROVINCE, 403],
      ["bocongthuong", PROVINCE, 403],
      ["laocai.quantri", PROVINCE, 403],
      ["laocai.quantri", "26", 403],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAs(page, username);
      const year = province === "26" ? 2025 : target.year;
      const response = await page.request.put(`/api/v1/provinces/${province}/targets`, {
        data: { targets: [{ ...target, year }] },
      });
      expect(response.status(), `${username} → ${province}`).toBe(status);
      if (status === 403) expect((await response.json()).error.code).toBe("forbidden");
      else expect((await response.json()).targets[0]).toMatchObject({ version: 1, changed: true });
      // Everyone who reads the province reads its targets; another province's admin does not.
      const read = await page.request.get(`/api/v1/provinces/${province}/targets?year=${year}`);
      expect(read.status(), `GET ${username} → ${province}`).toBe(username.startsWith("laocai") ? 403 : 200);
      await context.close();
    }
  });

  test("a stale version is 409 with the current target; bad values are 422 naming the field; nothing is saved", async ({
    signedIn,
  }) => {
    const page = await signedIn("phutho.quantri");
    const url = `/api/v1/provinces/${PROVINCE}/targets`;
    const stale = await page.request.put(url, {
      data: { targets: [{ ...target, value: 13, version: null }] },
    });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error.details).toMatchObject({
      index: 0,
      current: { value: 12, version: 1 },
    });
    const invalid = await page.request.put(url, {
      data: {
        targets: [
          { ...target, value: 13, version: 1 },
          { ...target, indicator: "KHONG.CO" },
          { ...target, indicator: "DT.CCN_DA", value: 8, valueMax: 5 },
          { ...target, indicator: "CN.IIP", basis: "growth", value: -120 },
        ],
      },
    });
    expect(invalid.status()).toBe(422);
    expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual([
      "targets.1.indicator",
      "targets.2.valueMax",
      "targets.3.value",
    ]);
    const wrongType = await page.request.put(url, { data: { targets: [{ ...target, value: "12 thôn" }] } });
    expect(wrongType.status()).toBe(422);
    expect(Object.keys((await wrongType.json()).error.fields)).toEqual(["targets.0.value"]);
    const badYear = await page.request.get(`${url}?year=hai-nghin`);
    expect(badYear.status()).toBe(400);
    const after = await page.request.get(`${url}?year=2027&history=1`);
    const [thon] = (await after.json()).filter((t: { indicator: string }) => t.indicator === "NL.THON_DIEN");
    expect(thon).toMatchObject({
      value: 12,
      version: 1,
      history: [{ version: 1, value: 12, updatedBy: "phutho.quantri" }],
    });
  });
});
