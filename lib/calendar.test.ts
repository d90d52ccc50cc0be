import { describe, expect, it } from "vitest";
import {
  DEFAULT_RULES,
  daysBetween,
  deadlineState,
  deadlineText,
  dueDate,
  lastMonths,
  lastReportableMonth,
  lateDays,
  obligationOf,
  resolveRule,
  type StoredRule,
  vnDay,
} from "./calendar";
import { boardCell } from "./submissions";

describe("the reporting calendar", () => {
  it("puts the month's figures due on the 20th of the next month by default", () => {
    expect(dueDate("2026-10", DEFAULT_RULES.month)).toBe("2026-11-20");
    expect(dueDate("2026-12", DEFAULT_RULES.month)).toBe("2027-01-20");
  });

  it("dates a quarter, the half year and the year from their last month", () => {
    expect(dueDate("2026-Q3", { dueDay: 25, monthsAfter: 1, cutoffDay: null })).toBe("2026-10-25");
    expect(dueDate("2026-YTD06", { dueDay: 5, monthsAfter: 1, cutoffDay: null })).toBe("2026-07-05");
    expect(dueDate("2026", { dueDay: 15, monthsAfter: 2, cutoffDay: null })).toBe("2027-02-15");
    expect(dueDate("2026-Q4", { dueDay: 10, monthsAfter: 0, cutoffDay: null })).toBe("2026-12-10");
  });

  it("clamps a due day past the month's end (31 in February, leap year or not)", () => {
    expect(dueDate("2027-01", { dueDay: 31, monthsAfter: 1, cutoffDay: null })).toBe("2027-02-28");
    expect(dueDate("2028-01", { dueDay: 31, monthsAfter: 1, cutoffDay: null })).toBe("2028-02-29");
  });

  it("has no obligation for other cumulative periods or bad keys", () => {
    expect(obligationOf("2026-YTD09")).toBeNull();
    expect(dueDate("2026-YTD09", DEFAULT_RULES.month)).toBeNull();
    expect(dueDate("2026-13", DEFAULT_RULES.month)).toBeNull();
    expect(obligationOf("2026-YTD06")).toBe("half");
  });

  it("takes the province's override, else the national rule, else the default", () => {
    const rules: StoredRule[] = [
      { kind: "month", provinceId: null, dueDay: 15, monthsAfter: 1, cutoffDay: 14 },
      { kind: "month", provinceId: "25-2025", dueDay: 10, monthsAfter: 1, cutoffDay: null },
    ];
    expect(resolveRule("month", "25-2025", rules).dueDay).toBe(10);
    expect(resolveRule("month", "08-2025", rules).dueDay).toBe(15);
    expect(resolveRule("month", null, rules).cutoffDay).toBe(14);
    expect(resolveRule("quarter", "25-2025", rules)).toEqual(DEFAULT_RULES.quarter);
  });

  it("counts days in Việt Nam time: 23:30 UTC is already the next day there", () => {
    expect(vnDay(new Date("2026-11-20T16:59:00Z"))).toBe("2026-11-20");
    expect(vnDay(new Date("2026-11-20T17:00:00Z"))).toBe("2026-11-21");
    expect(daysBetween("2026-11-20", "2026-12-01")).toBe(11);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
  });

  it("is on time on the due day itself and late by whole days after it", () => {
    expect(lateDays("2026-11-20", new Date("2026-11-20T16:00:00Z"))).toBe(0);
    expect(lateDays("2026-11-20", new Date("2026-11-21T01:00:00Z"))).toBe(1);
    expect(lateDays("2026-11-20", new Date("2026-11-01T01:00:00Z"))).toBe(0);
  });

  it("says the days left or overdue, in both languages", () => {
    const soon = deadlineState("2026-11-20", "2026-11-17", null);
    expect(soon).toEqual({ state: "due", daysLeft: 3 });
    expect(deadlineText("2026-11-20", soon)).toEqual({
      vi: "Hạn gửi: 20/11/2026 — còn 3 ngày",
      en: "Due: 20/11/2026 — 3 days left",
    });
    const late = deadlineState("2026-11-20", "2026-11-22", null);
    expect(deadlineText("2026-11-20", late).vi).toBe("Hạn gửi: 20/11/2026 — quá hạn 2 ngày");
    expect(deadlineText("2026-11-20", deadlineState("2026-11-20", "2026-11-20", null)).vi).toContain(
      "hôm nay",
    );
    const sent = deadlineState("2026-11-20", "2026-12-01", new Date("2026-11-25T03:00:00Z"));
    expect(sent).toEqual({ state: "sent", lateDays: 5 });
    expect(deadlineText("2026-11-20", sent).vi).toBe("Hạn gửi: 20/11/2026 — đã gửi muộn 5 ngày");
  });

  it("lists the last months newest first across a year boundary", () => {
    expect(lastMonths("2026-02", 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(lastReportableMonth("2026-01-05")).toBe("2025-12");
  });
});

describe("a cell of the submission board", () => {
  const due = "2026-11-20";
  const base = { status: null, hasFigures: false, submittedAt: null, approvedAt: null, due };

  it("is missing with nothing entered, and counts the days overdue", () => {
    expect(boardCell(base, "2026-12-01")).toMatchObject({ status: "missing", lateDays: 11, overdue: true });
    expect(boardCell(base, "2026-11-20")).toMatchObject({ status: "missing", lateDays: 0, overdue: false });
  });

  it("is a draft once figures exist, and keeps the workflow's status otherwise", () => {
    expect(boardCell({ ...base, hasFigures: true }, "2026-11-01").status).toBe("draft");
    expect(boardCell({ ...base, status: "draft" }, "2026-11-01").status).toBe("draft");
    const submitted = new Date("2026-11-25T03:00:00Z");
    expect(boardCell({ ...base, status: "submitted", submittedAt: submitted }, "2026-12-01")).toMatchObject({
      status: "submitted",
      lateDays: 5,
      overdue: false,
    });
  });

  it("a returned month keeps its submission's lateness and is not counted overdue again", () => {
    const submitted = new Date("2026-11-22T03:00:00Z");
    expect(boardCell({ ...base, status: "returned", submittedAt: submitted }, "2026-12-01")).toMatchObject({
      status: "returned",
      lateDays: 2,
      overdue: false,
    });
  });

  it("does not invent lateness for seeded approvals that were never submitted", () => {
    expect(boardCell({ ...base, status: "approved" }, "2026-12-01")).toMatchObject({
      status: "approved",
      lateDays: null,
      overdue: false,
    });
  });
});
