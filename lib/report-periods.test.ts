import { describe, expect, it } from "vitest";
import {
  documentNumber,
  issueYear,
  longDate,
  parseDayMonthYear,
  periodPhrase,
  placeAndDate,
  reportChoices,
  reportPeriods,
  reportSummary,
} from "./report-periods";

describe("what a report of a period speaks of", () => {
  it.each([
    ["2026-10", "month", "2026-10", "2026-YTD10", "2026-09", "current"],
    ["2026-01", "month", "2026-01", null, "2025-12", "current"],
    ["2024-Q1", "quarter", "2024-Q1", null, "2023-Q4", "current"],
    ["2024-Q3", "quarter", "2024-Q3", "2024-YTD09", "2024-Q2", "current"],
    ["2023-YTD06", "cumulative", "2023-06", "2023-YTD06", "2023-05", "toDate"],
    ["2024", "year", "2024", null, null, "current"],
  ])(
    "%s: %s, the period %s, year to date %s, before it %s",
    (key, kind, current, toDate, previous, focus) => {
      expect(reportPeriods(key)).toMatchObject({ kind, current, toDate, previous, focus });
    },
  );

  it("a cumulative report of twelve months is the year's, of one month the month's", () => {
    expect(reportPeriods("2024-YTD12")).toMatchObject({ kind: "year", current: "2024", key: "2024-YTD12" });
    expect(reportPeriods("2024-YTD01")).toMatchObject({
      kind: "month",
      current: "2024-01",
      key: "2024-YTD01",
    });
  });

  it("refuses what is not a period", () => {
    expect(reportPeriods("2024-13")).toBeNull();
    expect(reportPeriods("Q1")).toBeNull();
  });

  it("names periods the reports' way", () => {
    expect(periodPhrase("2026-10")).toBe("tháng 10/2026");
    expect(periodPhrase("2024-Q1")).toBe("quý I/2024");
    expect(periodPhrase("2023-YTD06")).toBe("6 tháng đầu năm 2023");
    expect(periodPhrase("2026-YTD10")).toBe("10 tháng năm 2026");
    expect(periodPhrase("2024")).toBe("năm 2024");
  });

  it("titles the report with the period and the next one's tasks", () => {
    const summary = (k: string) =>
      reportSummary(reportPeriods(k) as NonNullable<ReturnType<typeof reportPeriods>>);
    expect(summary("2025-01")).toBe(
      "Tình hình hoạt động ngành Công Thương tháng 01 năm 2025 và nhiệm vụ trọng tâm tháng 02 năm 2025",
    );
    expect(summary("2026-10")).toBe(
      "Tình hình hoạt động ngành Công Thương tháng 10 năm 2026 và nhiệm vụ trọng tâm tháng 11 năm 2026",
    );
    expect(summary("2026-12")).toContain("nhiệm vụ trọng tâm tháng 01 năm 2027");
    expect(summary("2023-YTD06")).toBe(
      "Tình hình hoạt động ngành Công Thương 6 tháng đầu năm 2023 và nhiệm vụ trọng tâm 6 tháng cuối năm 2023",
    );
    expect(summary("2024-YTD09")).toContain("9 tháng năm 2024 và nhiệm vụ trọng tâm 3 tháng cuối năm 2024");
    expect(summary("2024-Q4")).toContain("quý IV năm 2024 và nhiệm vụ trọng tâm quý I năm 2025");
    expect(summary("2024")).toContain("năm 2024 và nhiệm vụ trọng tâm năm 2025");
  });

  it("is issued in the year after a December", () => {
    expect(issueYear(reportPeriods("2024") as NonNullable<ReturnType<typeof reportPeriods>>)).toBe(2025);
    expect(issueYear(reportPeriods("2023-YTD06") as NonNullable<ReturnType<typeof reportPeriods>>)).toBe(
      2023,
    );
  });
});

describe("Nghị định 30/2020 dates and numbers", () => {
  it("pads days below 10 and the months January and February only", () => {
    expect(longDate("2025-03-05")).toBe("ngày 05 tháng 3 năm 2025");
    expect(longDate("2025-02-14")).toBe("ngày 14 tháng 02 năm 2025");
    expect(longDate("2025-01-20")).toBe("ngày 20 tháng 01 năm 2025");
    expect(longDate("2026-11-05")).toBe("ngày 05 tháng 11 năm 2026");
    expect(placeAndDate("Lào Cai", "2026-11-05")).toBe("Lào Cai, ngày 05 tháng 11 năm 2026");
    expect(() => longDate("5/11/2026")).toThrow(RangeError);
  });

  it("writes the number with a leading zero below 10", () => {
    expect(documentNumber(45, "BC-SCT")).toBe("Số: 45/BC-SCT");
    expect(documentNumber(5, "BC-SCT")).toBe("Số: 05/BC-SCT");
  });

  it("reads a typed date dd/mm/yyyy, refusing days that do not exist", () => {
    expect(parseDayMonthYear("05/11/2026")).toBe("2026-11-05");
    expect(parseDayMonthYear(" 5/1/2026 ")).toBe("2026-01-05");
    expect(parseDayMonthYear("31/02/2026")).toBeNull();
    expect(parseDayMonthYear("2026-11-05")).toBeNull();
  });
});

describe("the periods on offer", () => {
  it("offers months, quarters, the half, nine months and the year, newest first, nothing not begun", () => {
    const choices = reportChoices("2026-10", 2);
    expect(choices.slice(0, 5)).toEqual(["2026-10", "2026-Q3", "2026-YTD09", "2026-09", "2026-08"]);
    expect(choices).toContain("2026-YTD06");
    expect(choices).not.toContain("2026");
    expect(choices).not.toContain("2026-11");
    expect(choices).toContain("2025");
  });
});
