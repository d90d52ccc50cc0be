import { signInAs, test } from "./fixtures";

const SHOTS = "/tmp/wt8p-shots";
const pages: [string, string, string][] = [
  ["laocai.lanhdao", "dashboard", "/?province=15-2025&period=2026-Q4"],
  ["laocai.lanhdao", "detail", "/indicators/CN.IIP?province=15-2025&period=2026-09"],
  ["bocongthuong", "national", "/national"],
  ["laocai.canbo", "entry", "/entry?province=15-2025&month=2026-10"],
];
for (const locale of ["vi", "en"]) {
  for (const width of [1366, 375]) {
    test(`shots ${locale} ${width}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      let who = "";
      for (const [user, name, url] of pages) {
        if (user !== who) {
          await page.context().clearCookies();
          await signInAs(page, user);
          if (locale === "en") await page.getByTestId("locale-switch").click();
          who = user;
        }
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${width}.png`, fullPage: width === 1366 && name !== "entry" });
      }
    });
  }
}
