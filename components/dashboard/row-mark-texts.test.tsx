import { describe, expect, it } from "vitest";
import { markTable } from "./row-mark-texts";

describe("markTable: a table's marks, each written once", () => {
  it("gives rows with the same marks one index, and keeps each distinct mark once, in order", () => {
    const table = markTable();
    const judged = { judgedOn: "đánh giá theo lũy kế 9 tháng" };
    const pending = { ...judged, provisional: { months: "2026-09", title: "chưa duyệt: tháng 9/2026" } };
    const indexes = [judged, pending, { ...judged }, {}, { ...pending }].map((m) => table.add(m));
    expect(indexes).toEqual([0, 1, 0, 2, 1]);
    expect(table.texts).toEqual([judged, pending, {}]);
  });
});
