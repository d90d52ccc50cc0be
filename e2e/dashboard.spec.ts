import { expect, test } from "./fixtures";

test.describe("targets and attainment at a glance", () => {
  test("Lào Cai's leader sees the former Lào Cai's first-half 2023 export-import: 18,9% of plan, 91,06% of the same period", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.goto("/?province=10&period=2023-YTD06");
    await expect(page.getByTestId("dashboard-period")).toHaveText("6 tháng đầu năm 2023");
    const xnk = page.getByTestId("scorecard").locator('tr[data-indicator="TM.XNK"]');
    await expect(xnk.getByTestId("attainment")).toContainText("18,90% KH");
    await expect(xnk.getByTestId("vs-same-period")).toContainText("bằng 91,06%");
    await expect(xnk.getByTestId("vs-same-period")).toContainText("-8,94%");
    await expect(xnk).toContainText("Nguy cơ không đạt");
    // Shortfalls come first.
    const statuses = await page
      .getByTestId("scorecard")
      .locator("tbody tr [data-status]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    const rank = (s: string | null) => ["missed", "at_risk", "on_track", "met", "none"].indexOf(s ?? "none");
    expect(statuses.map(rank)).toEqual([...statuses.map(rank)].sort((a, b) => a - b));
  });

  test("Tuyên Quang's leader sees Hà Giang's 2024 IIP 8,6 points above its +5% target", async ({
    signedIn,
  }) => {
    const page = await signedIn("tuyenquang.lanhdao");
    await page.goto("/?province=02&period=2024");
    const iip = page.getByTestId("scorecard").locator('tr[data-indicator="CN.IIP"]');
    await expect(iip.getByTestId("attainment")).toHaveText("+8,60 điểm %");
    await expect(iip).toContainText("+5,00%");
    await expect(iip).toContainText("Đạt kế hoạch");
  });

  test("an indicator's detail: charts, the months with vintages, the target's document, what the year needs, CSV", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.goto("/?province=10&period=2023-YTD06");
    await page.getByTestId("scorecard").locator('tr[data-indicator="TM.XNK"]').getByRole("link").click();
    await expect(page.getByTestId("indicator-name")).toContainText("Tổng giá trị hàng hóa xuất nhập khẩu");
    await expect(page.getByTestId("chart-monthly").getByRole("application")).toBeVisible();
    await expect(page.getByTestId("chart-cumulative").getByRole("application")).toBeVisible();
    await expect(page.getByTestId("indicator-target")).toContainText("5.000,00");
    await expect(page.getByTestId("indicator-target")).toContainText("Báo Lào Cai");
    await expect(page.getByTestId("indicator-rest")).toContainText("675,83");
    await expect(page.getByTestId("months-table").locator("tbody tr")).toHaveCount(12);
    await expect(page.getByTestId("months-table")).toContainText("Chính thức");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải CSV" }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text).toString("utf8");
    // For a Vietnamese Excel: Vietnamese headers, ";" between fields, decimal commas (lib/csv.ts).
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFTháng;Thực hiện;Lũy kế;So cùng kỳ (%);So tháng trước (%);Chỉ số gốc;Loại số;Cùng kỳ;Ghi chú",
    );
    const months = csv.trim().split("\r\n").slice(1);
    expect(months).toHaveLength(12);
    // The first half adds up to what the province published.
    const sum = months.slice(0, 6).reduce((s, line) => s + Number(line.split(";")[1].replace(",", ".")), 0);
    expect(sum).toBeCloseTo(945.04, 2);
  });

  test("the scorecard works on a 375-px phone screen", async ({ signedIn }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/?province=10&period=2023-YTD06");
    // One markup: on a phone the table's rows are cards, without the table's header.
    const card = page.getByTestId("scorecard").locator('tr[data-indicator="TM.XNK"]');
    await expect(card).toBeVisible();
    await expect(card).toContainText("18,90%");
    const label = await card
      .getByTestId("attainment")
      .evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toBe('"Đạt / chênh lệch"');
    await expect(page.getByTestId("scorecard").locator("thead")).toBeHidden();
    const box = await card.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(375);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  test("the national viewer compares provinces, sortable; others may not", async ({ signedIn, browser }) => {
    const page = await signedIn("bocongthuong");
    await page.getByTestId("main-nav").getByRole("link", { name: "So sánh các tỉnh" }).click();
    await page.getByLabel("Chỉ tiêu", { exact: true }).selectOption("CN.IIP");
    await page.getByLabel("Kỳ báo cáo").selectOption("2024-Q1");
    await page.getByRole("button", { name: "Xem" }).click();
    const rows = page.getByTestId("national-table").locator("tbody tr");
    // The four that published and the five merged with them (synthetic series).
    await expect(rows).toHaveCount(9);
    const growth = async () => {
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.querySelectorAll("td")[2].textContent ?? ""),
      );
      return cells.map((g) => Number(g.replace("%", "").replace(/\./g, "").replace(",", ".")));
    };
    // Highest growth first by default; one click on the column turns the order round.
    const descending = await growth();
    expect([...descending].sort((a, b) => b - a)).toEqual(descending);
    await page.getByTestId("sort-growth").click();
    await expect(page).toHaveURL(/dir=asc/);
    expect(await growth()).toEqual([...descending].reverse());
    const api = await page.request.get("/api/v1/attainment?period=2024-YTD03&indicator=CN.IIP");
    expect(api.status()).toBe(200);
    expect((await api.json()).map((r: { province: string }) => r.province).sort()).toEqual([
      "02",
      "06",
      "08",
      "10",
      "15",
      "17",
      "19",
      "25",
      "26",
    ]);

    const context = await browser.newContext();
    const staff = await context.newPage();
    await staff.goto("/login");
    await staff.getByLabel("Tên đăng nhập").fill("laocai.canbo");
    await staff.getByLabel("Mật khẩu").fill("chitieu-demo");
    await staff.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(staff.getByTestId("current-user")).toBeVisible();
    expect((await staff.request.get("/api/v1/attainment?period=2024&indicator=CN.IIP")).status()).toBe(403);
    await context.close();
  });

  test("the attainment API answers as documented, nulls where nothing can be computed", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    const response = await page.request.get("/api/v1/provinces/10/attainment?period=2023-YTD06");
    expect(response.status()).toBe(200);
    const xnk = (await response.json()).find((r: { indicator: string }) => r.indicator === "TM.XNK");
    expect(xnk).toMatchObject({
      indicator: "TM.XNK",
      period: "2023-YTD06",
      unit: "triệu USD",
      actual: 945.04,
      samePeriodLastYear: 1037.82,
      pctOfSamePeriod: 91.06,
      growthPct: -8.94,
      momPct: null,
      target: { basis: "level", value: 5000 },
      pctOfPlan: 18.9,
      gapPp: null,
      requiredPerRemainingMonth: 675.83,
      requiredGrowthPct: null,
      status: "at_risk",
      vintage: "estimate",
      approximate: false,
    });
    expect((await page.request.get("/api/v1/provinces/25-2025/attainment?period=2026")).status()).toBe(403);
    expect((await page.request.get("/api/v1/provinces/10/attainment?period=2023-H1")).status()).toBe(400);
  });

  test("Lào Cai 2026, nine months: every target judged, every flow compared, and where not, why in words", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.goto("/?province=15-2025&period=2026-YTD09");
    const scorecard = page.getByTestId("scorecard");
    // Output value +16% and electricity +5%: growth targets, judged.
    for (const code of ["CN.GTSX", "NL.DIEN_SX", "TM.BLDV", "TM.XNK"]) {
      const status = scorecard.locator(`tr[data-indicator="${code}"] [data-status]`);
      await expect(status, code).not.toHaveAttribute("data-status", "none");
    }
    await expect(scorecard.locator('tr[data-indicator="CN.GTSX"]')).toContainText("trên +16,00%");
    // Every flow has a same-period comparison, across the merger (2025 is Lào Cai + Yên Bái before July).
    for (const code of ["CN.GTSX", "NL.DIEN_SX", "NL.DIEN_TP", "TM.BLDV", "TM.XNK", "TM.XNK.NK"]) {
      const cell = scorecard.locator(`tr[data-indicator="${code}"]`).getByTestId("vs-same-period");
      await expect(cell, code).toContainText("%");
      await expect(cell.getByTestId("same-period-reason"), code).toHaveCount(0);
    }
    // No target: the cell says so, not a blank status.
    const mining = scorecard.locator('tr[data-indicator="CN.IIP.B"] [data-status]');
    await expect(mining).toHaveAttribute("data-reason", "no_target");
    await expect(mining).toHaveText(/Chưa có chỉ tiêu/);
    // Nine approved months: nothing marked.
    await expect(scorecard.getByTestId("provisional")).toHaveCount(0);

    // 2025: the IIP before the merger does not add up, and the cell says why.
    await page.goto("/?province=15-2025&period=2025");
    const iip = scorecard.locator('tr[data-indicator="CN.IIP"]').getByTestId("same-period-reason");
    await expect(iip).toHaveText("loại số liệu này của các tỉnh trước sáp nhập không cộng gộp được");
    await expect(
      scorecard.locator('tr[data-indicator="TM.BLDV"]').getByTestId("vs-same-period"),
    ).not.toContainText("—");
  });

  test("October is judged on the ten months and marked not approved; the mark can hide it", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.goto("/?province=15-2025&period=2026-YTD10");
    const scorecard = page.getByTestId("scorecard");
    const toDateStatus = await scorecard
      .locator('tr[data-indicator="CN.IIP"] [data-status]')
      .getAttribute("data-status");
    await page.goto("/?province=15-2025&period=2026-10");
    const iip = scorecard.locator('tr[data-indicator="CN.IIP"]');
    await expect(iip.locator("[data-status]")).toHaveAttribute("data-status", toDateStatus ?? "");
    await expect(iip.getByTestId("judged-on")).toHaveText("đánh giá theo lũy kế 10 tháng");
    // October is a draft: every row says so, with the month in its title.
    await expect(iip.getByTestId("provisional")).toHaveText(/chưa duyệt/);
    await expect(iip.getByTestId("provisional")).toHaveAttribute("title", /tháng 10\/2026/);
    const rows = await scorecard.locator("tbody tr").count();
    await expect(scorecard.getByTestId("provisional")).toHaveCount(rows);

    await page.getByTestId("provisional-toggle").click();
    await expect(page).toHaveURL(/approved=only/);
    await expect(scorecard.locator("tbody tr")).toHaveCount(0);
    await expect(page.getByTestId("hidden-provisional")).toContainText(`Đang ẩn ${rows} chỉ tiêu`);
    // Choosing another period keeps them hidden.
    await expect(page.locator('form input[type="hidden"][name="approved"][value="only"]')).toHaveCount(1);
    await page.getByTestId("provisional-toggle").click();
    await expect(scorecard.locator("tbody tr")).toHaveCount(rows);

    // The month's report says it rests on figures not approved yet (the rows' monthsNotApproved).
    await page.goto("/reports?province=15-2025&period=2026-10");
    await expect(page.getByTestId("report-provisional")).toContainText(
      "Số liệu tháng 10/2026 chưa được duyệt",
    );

    const api = await page.request.get("/api/v1/provinces/15-2025/attainment?period=2026-YTD10");
    const body = await api.json();
    expect(body.length).toBe(rows);
    for (const row of body) expect(row).toMatchObject({ provisional: true, monthsNotApproved: ["2026-10"] });
    const nine = await (
      await page.request.get("/api/v1/provinces/15-2025/attainment?period=2026-YTD09")
    ).json();
    for (const row of nine) expect(row).toMatchObject({ provisional: false, monthsNotApproved: [] });
  });

  test("the national comparison marks provinces whose figures are not approved, and can hide them", async ({
    signedIn,
  }) => {
    const page = await signedIn("bocongthuong");
    await page.goto("/national?indicator=TM.BLDV&period=2026-YTD10");
    const table = page.getByTestId("national-table");
    await expect(table.locator('tr[data-province="15-2025"]').getByTestId("provisional")).toBeVisible();
    await page.getByTestId("provisional-toggle").click();
    await expect(page).toHaveURL(/approved=only/);
    await expect(page.getByTestId("hidden-provisional")).toContainText("Đang ẩn 4 đơn vị");
    await expect(page.locator('tr[data-province="15-2025"]')).toHaveCount(0);
  });

  test("a growth target's detail: what the rest of the year needs and the year at this pace; in English too", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    await page.goto("/indicators/TM.BLDV?province=15-2025&period=2026-YTD09");
    const rest = page.getByTestId("indicator-rest");
    const values = await rest.locator("dd").allTextContents();
    expect(values).toHaveLength(4);
    for (const value of values) expect(value.trim()).not.toBe("—");
    await expect(page.getByTestId("indicator-summary").getByTestId("status")).not.toContainText(
      "Chưa có chỉ tiêu",
    );

    await page.getByTestId("locale-switch").click();
    await expect(page.getByTestId("locale-switch")).toHaveText("Tiếng Việt");
    await page.goto("/?province=15-2025&period=2026-YTD09");
    await expect(
      page.getByTestId("scorecard").locator('tr[data-indicator="CN.IIP.B"] [data-status]'),
    ).toHaveText(/No target/);
  });
});
