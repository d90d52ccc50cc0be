import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * What a page weighs (issue 12): the dashboard's HTML at most 60 KB, with only the messages its
 * client components need; at most 150 KB of JavaScript (gzip) before a page is usable, the charts'
 * library loaded only when the charts are shown.
 */

/** The page's HTML as the server sends it, with the signed-in cookie. */
async function html(page: Page, path: string) {
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  return res.text();
}

/** The scripts the HTML loads before the page is usable, gzip-compressed as a server would send them. */
async function firstLoadJs(page: Page, body: string) {
  // Every script tag but the polyfills' (`noModule`: modern browsers skip it).
  const tags = [...body.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)].filter(
    (m) => !/nomodule/i.test(m[0]),
  );
  const sources = [...new Set(tags.map((m) => m[1]))];
  expect(sources.length).toBeGreaterThan(0);
  let total = 0;
  for (const src of sources)
    total += gzipSync(await (await page.request.get(src)).body(), { level: 9 }).length;
  return total;
}

test.describe("page weight", () => {
  test("the dashboard's HTML stays under 60 KB and carries no other feature's messages", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    const body = await html(page, "/?province=15-2025&period=2026-YTD09");
    expect(body).toContain('data-testid="scorecard"');
    expect(body.match(/data-indicator="/g)?.length ?? 0).toBeGreaterThan(20);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(60 * 1024);
    // The account forms' and the month sheet's messages are for their own pages.
    expect(body).not.toContain("provinceTab");
    expect(body).not.toContain("historyTitle");
  });

  test("the indicator page loads at most 150 KB of JavaScript first; the charts come after", async ({
    signedIn,
  }) => {
    const page = await signedIn("laocai.lanhdao");
    const path = "/indicators/TM.XNK?province=10&period=2023-YTD06";
    expect(await firstLoadJs(page, await html(page, path))).toBeLessThanOrEqual(150 * 1024);
    await page.goto(path);
    await expect(page.getByTestId("chart-monthly").getByRole("application")).toBeVisible();
  });

  // Every page, as the role that uses it opens it: the pages whose client components translate
  // (the sheets, imports, targets, reports, accounts) carry compiled messages and no ICU parser.
  const pages: [string, string[]][] = [
    ["laocai.lanhdao", ["/?province=15-2025&period=2026-YTD09", "/national", "/review", "/notifications"]],
    [
      "laocai.canbo",
      [
        "/entry?month=2026-09",
        "/entry/text?month=2026-09",
        "/entry/import?month=2026-09",
        "/reports",
        "/profile",
      ],
    ],
    ["phutho.quantri", ["/targets", "/admin", "/reports/settings", "/audit"]],
    ["bocongthuong", ["/submissions", "/reports/national"]],
    ["hethong", ["/admin/calendar", "/admin/outbox"]],
  ];
  for (const [user, paths] of pages) {
    test(`${user}'s pages each load at most 150 KB of JavaScript first`, async ({ signedIn }) => {
      const page = await signedIn(user);
      for (const path of paths) {
        const weight = await firstLoadJs(page, await html(page, path));
        expect(weight, `${path}: ${(weight / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(150 * 1024);
      }
    });
  }

  test("the sign-in page loads at most 150 KB of JavaScript first", async ({ page }) => {
    expect(await firstLoadJs(page, await html(page, "/login"))).toBeLessThanOrEqual(150 * 1024);
  });
});
