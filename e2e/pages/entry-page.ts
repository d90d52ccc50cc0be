import { expect, type Locator, type Page } from "@playwright/test";

/** The monthly sheet (Nhập số liệu) as a person uses it. */
export class EntryPage {
  constructor(readonly page: Page) {}

  async open(province?: string, month?: string) {
    const params = new URLSearchParams();
    if (province) params.set("province", province);
    if (month) params.set("month", month);
    await this.page.goto(`/entry?${params}`);
    await expect(this.page.getByTestId("month-sheet")).toBeVisible();
  }

  cell(indicator: string, key: "month" | "cumulative" | "mom" | "level"): Locator {
    return this.page.locator(`input[data-cell="${indicator}|${key}"]`);
  }

  async type(
    indicator: string,
    key: "month" | "cumulative" | "mom" | "level",
    text: string,
    leaveWith = "Enter",
  ) {
    const cell = this.cell(indicator, key);
    await cell.fill(text);
    await cell.press(leaveWith);
  }

  /** Pastes text into a cell the way a paste from Excel arrives (one value per line). */
  async paste(indicator: string, key: "month" | "cumulative", text: string) {
    await this.cell(indicator, key).evaluate((el, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async saved() {
    await expect(this.page.getByTestId("save-state")).toHaveText("Đã lưu");
  }

  status() {
    return this.page.getByTestId("month-status");
  }

  async explainAll(reason: string) {
    const items = this.page.getByTestId("warning-item");
    for (const item of await items.all()) await item.getByRole("textbox").fill(reason);
  }
}
