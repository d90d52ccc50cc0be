import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type AuditIndicator, describeAuditEntry, type Translate } from "./audit-text";

/** The interface's own messages, as the page and the CSV use them. */
function translator(locale: "vi" | "en"): Translate {
  const dir = path.join(import.meta.dirname, "..", "i18n", "messages", locale);
  const messages = Object.assign(
    {},
    ...fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))),
  );
  const t = createTranslator({ locale, messages });
  return Object.assign(
    (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
    {
      has: (key: string) => t.has(key as never),
    },
  );
}

const indicators = new Map<string, AuditIndicator>([
  [
    "TM.BLDV",
    {
      nameVi: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
      nameEn: "Retail sales of goods and consumer services",
      unit: "tỷ đồng",
      decimals: 1,
      kind: "flow",
    },
  ],
  [
    "CN.IIP",
    {
      nameVi: "Chỉ số sản xuất công nghiệp (IIP) toàn ngành",
      nameEn: "Index of industrial production (total)",
      unit: "%",
      decimals: 2,
      kind: "index",
    },
  ],
]);
const vi = (entry: Parameters<typeof describeAuditEntry>[0]) =>
  describeAuditEntry(entry, translator("vi"), { locale: "vi", indicators });
const en = (entry: Parameters<typeof describeAuditEntry>[0]) =>
  describeAuditEntry(entry, translator("en"), { locale: "en", indicators });

describe("audit entries as people read them", () => {
  it("a target: the indicator's name, the field names in Vietnamese, vi-VN numbers", () => {
    const entry = {
      action: "target.save",
      entity: "target",
      entityId: "15-2025/TM.BLDV/2026",
      before: { basis: "growth", bound: "at_least", value: 12.5, valueMax: null, document: null, version: 1 },
      after: {
        basis: "level",
        bound: "exact",
        value: 18156.7,
        valueMax: null,
        document: "Nghị quyết 25/NQ-HĐND",
        version: 2,
      },
    };
    const text = vi(entry);
    expect(text.target).toBe("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng — năm 2026");
    expect(text.before).toBe("Chỉ tiêu tăng trưởng: trên +12,50% · Phiên bản: 1");
    expect(text.after).toBe("Chỉ tiêu mức: 18.156,7 tỷ đồng · Căn cứ: Nghị quyết 25/NQ-HĐND · Phiên bản: 2");
    expect(`${text.before} ${text.after}`).not.toMatch(/basis|bound|valueMax|null|at_least/);
    expect(en(entry).after).toBe(
      "Level target: 18,156.7 billion VND · Source document: Nghị quyết 25/NQ-HĐND · Version: 2",
    );
  });

  it("a figure: the indicator, the month and the measure, not its key; the vintage in words", () => {
    const text = vi({
      action: "figure.save",
      entity: "figure",
      entityId: "15-2025/TM.BLDV/2026-10/value",
      before: { value: 1234.5, vintage: "estimate", note: null, version: 1 },
      after: { value: 2345.25, vintage: "official", note: "Số của Cục Thống kê", version: 2 },
    });
    expect(text.target).toBe(
      "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng — tháng 10/2026 (Giá trị)",
    );
    expect(text.before).toBe("Giá trị: 1.234,5 tỷ đồng · Loại số liệu: Ước tính · Phiên bản: 1");
    expect(text.after).toBe(
      "Giá trị: 2.345,3 tỷ đồng · Loại số liệu: Chính thức · Ghi chú: Số của Cục Thống kê · Phiên bản: 2",
    );
    const iip = vi({
      action: "figure.save",
      entity: "figure",
      entityId: "15-2025/CN.IIP/2026-YTD10/yoy_pct",
      before: null,
      after: { value: -2.01, vintage: "estimate", note: null, version: 1 },
    });
    expect(iip.target).toContain("10 tháng năm 2026");
    expect(iip.after).toBe("Giá trị: -2,01% · Loại số liệu: Ước tính · Phiên bản: 1");
    expect(iip.before).toBe("");
  });

  it("a month's transition: the status in words, the explanations by indicator name, not JSON", () => {
    const text = vi({
      action: "period.submit",
      entity: "period",
      entityId: "15-2025/2026-10",
      before: { status: "returned" },
      after: {
        status: "submitted",
        reason: null,
        acknowledgements: [{ indicator: "TM.BLDV", reason: "Tết đến sớm" }],
      },
    });
    expect(text.target).toBe("tháng 10/2026");
    expect(text.before).toBe("Trạng thái: Trả lại");
    expect(text.after).toBe(
      "Trạng thái: Đã gửi duyệt · Giải trình: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng: Tết đến sớm",
    );
    expect(text.after).not.toContain("[");
  });

  it("an account: role and yes/no in words", () => {
    const text = vi({
      action: "user.role",
      entity: "user",
      entityId: "42",
      targetUsername: "laocai.a",
      before: { username: "laocai.a", role: "staff", active: true },
      after: { username: "laocai.a", role: "leader", active: false },
    });
    expect(text.target).toBe("laocai.a");
    expect(text.before).toBe("Tên đăng nhập: laocai.a · Vai trò: Cán bộ nhập liệu · Hoạt động: có");
    expect(text.after).toBe("Tên đăng nhập: laocai.a · Vai trò: Lãnh đạo Sở · Hoạt động: không");
  });
});
