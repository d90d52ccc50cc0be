import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../db/seed/demo-accounts";

export { expect };
export const demo = (username: string) => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
};

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Signs in and waits until the signed-in shell is there. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A page signed in as the named demo account, landed on the overview. */
export const test = base.extend<{ signedIn: (username: string) => Promise<Page> }>({
  signedIn: async ({ page }, use) => {
    await use(async (username: string) => {
      await signInAs(page, username);
      return page;
    });
  },
});

/** The messages the e2e server's SMTP sink received (e2e/serve.ts), oldest first. */
export function receivedMail(): { to: string[]; subject: string; text: string }[] {
  const dir = path.resolve(import.meta.dirname, "..", ".data", "e2e-mail");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
}
