import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  listLines,
  overlaps,
  placeName,
  type ReportSettingsRow,
  resolveSettings,
  settingsDate,
  settingsOn,
} from "./report-settings";

const row = (
  id: number,
  validFrom: string,
  validTo: string | null,
  signerName: string,
): ReportSettingsRow => ({
  ...defaultSettings({ nameVi: "Tỉnh Tuyên Quang" }),
  id,
  provinceId: "08-2025",
  validFrom,
  validTo,
  version: 1,
  signerName,
});

describe("report settings", () => {
  it("defaults follow the unit's own name: a former Hà Giang report says Hà Giang", () => {
    const s = defaultSettings({ nameVi: "Tỉnh Hà Giang" });
    expect(s).toMatchObject({
      supervisingBody: "UBND TỈNH HÀ GIANG",
      issuingBody: "SỞ CÔNG THƯƠNG",
      place: "Hà Giang",
      symbol: "BC-SCT",
      signerAuthority: "KT. GIÁM ĐỐC",
      signerTitle: "PHÓ GIÁM ĐỐC",
      addressees: ["Bộ Công Thương", "UBND tỉnh Hà Giang"],
    });
    expect(placeName("Thành phố Hà Nội")).toBe("Hà Nội");
    expect(placeName("Thành phố Hồ Chí Minh")).toBe("TP. Hồ Chí Minh");
    expect(defaultSettings({ nameVi: "Thành phố Huế" }).supervisingBody).toBe("UBND THÀNH PHỐ HUẾ");
  });

  it("chooses the set valid on the date, else the nearest before, else the nearest after", () => {
    const rows = [
      row(1, "2025-07-01", "2025-12-31", "Trần Thị Bình"),
      row(2, "2026-03-01", null, "Nguyễn Văn An"),
    ];
    expect(settingsOn(rows, "2025-12-05")?.id).toBe(1);
    expect(settingsOn(rows, "2026-05-01")?.id).toBe(2);
    expect(settingsOn(rows, "2026-02-01")?.id).toBe(1);
    expect(settingsOn(rows, "2025-01-01")?.id).toBe(1);
    expect(settingsOn([], "2025-01-01")).toBeNull();
    expect(
      resolveSettings({ nameVi: "Tỉnh Tuyên Quang", validFrom: null, validTo: null }, [], "2026-01-01"),
    ).toMatchObject({
      id: null,
      supervisingBody: "UBND TỈNH TUYÊN QUANG",
    });
  });

  it("dates a draft today, within the unit's life: a former unit's on its last day", () => {
    const former = { nameVi: "Tỉnh Hà Giang", validFrom: null, validTo: "2025-06-30" };
    expect(settingsDate(former, "2026-12-01", null)).toBe("2025-06-30");
    expect(settingsDate(former, "2026-12-01", "2024-01-05")).toBe("2024-01-05");
    expect(settingsDate({ nameVi: "x", validFrom: "2025-07-01", validTo: null }, "2025-01-01", null)).toBe(
      "2025-07-01",
    );
  });

  it("two ranges overlap when they share a day; an open end runs forever", () => {
    expect(
      overlaps(
        { validFrom: "2025-07-01", validTo: "2025-12-31" },
        { validFrom: "2025-12-31", validTo: null },
      ),
    ).toBe(true);
    expect(
      overlaps(
        { validFrom: "2025-07-01", validTo: "2025-12-31" },
        { validFrom: "2026-01-01", validTo: null },
      ),
    ).toBe(false);
    expect(
      overlaps(
        { validFrom: "2026-01-01", validTo: null },
        { validFrom: "2030-01-01", validTo: "2030-02-01" },
      ),
    ).toBe(true);
  });

  it("reads a list a line each, dropping the punctuation people type", () => {
    expect(listLines("- Bộ Công Thương;\n\n  - UBND tỉnh Lào Cai.\r\n")).toEqual([
      "Bộ Công Thương",
      "UBND tỉnh Lào Cai",
    ]);
  });
});
