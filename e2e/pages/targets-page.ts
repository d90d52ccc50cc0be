import { expect, type Locator, type Page } from "@playwright/test";

type Field = "basis" | "form" | "value" | "valueMax" | "q1" | "q2" | "q3" | "q4" | "document" | "target";

/** The targets page (Chỉ tiêu kế hoạch) as a person uses it. */
export class TargetsPage {
  constructor(readonly page: Page) {}

  async open(province?: string, year?: number) {
    const params = new URLSearchParams();
    if (province) params.set("province", province);
    if (year) params.set("year", String(year));
    await this.page.goto(`/targets?${params}`);
    await expect(this.page.getByTestId("targets")).toBeVisible();
  }

  row(indicator: string): Locator {
    return this.page.locator(`tr[data-indicator="${indicator}"]`);
  }

  field(indicator: string, field: Field): Locator {
    return this.row(indicator).locator(`[data-field="${field}"]`);
  }

  async fill(
    indicator: string,
    values: Partial<Record<Exclude<Field, "basis" | "form" | "target">, string>>,
  ) {
    for (const [field, text] of Object.entries(values)) {
      await this.field(indicator, field as Field).fill(text);
    }
  }

  async choose(indicator: string, field: "basis" | "form", label: string) {
    await this.field(indicator, field).selectOption({ label });
  }

  async save() {
    await this.page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  }

  async saved() {
    await expect(this.page.getByTestId("targets-save-state")).toHaveText("Đã lưu");
  }

  /** Opens the history panel of an indicator's targets. */
  async history(indicator: string): Promise<Locator> {
    await this.row(indicator)
      .getByRole("button", { name: /^Lịch sử/ })
      .click();
    const panel = this.page.getByTestId("target-history");
    await expect(panel).toBeVisible();
    return panel;
  }
}
