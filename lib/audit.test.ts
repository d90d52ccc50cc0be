import { describe, expect, it } from "vitest";
import { auditFilterSchema, auditQuery, auditTimeRange, dayForInput, formatAuditTime } from "./audit";
import { CSV_DIALECTS, csvField, csvLine, csvNumber } from "./csv";

describe("audit filter", () => {
  it("treats empty form fields as no filter and defaults to the first page", () => {
    expect(auditFilterSchema.parse({ province: "", person: "", kind: "", from: "", to: "" })).toEqual({
      page: 1,
    });
  });

  it("parses every filter", () => {
    expect(
      auditFilterSchema.parse({
        province: "15-2025",
        person: "7",
        kind: "accounts",
        from: "2026-01-01",
        to: "2026-01-31",
        page: "3",
      }),
    ).toEqual({
      province: "15-2025",
      person: 7,
      kind: "accounts",
      from: "2026-01-01",
      to: "2026-01-31",
      page: 3,
    });
  });

  it("refuses unknown kinds, malformed or impossible dates and reversed ranges", () => {
    expect(auditFilterSchema.safeParse({ kind: "everything" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026/02/01" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "31/02/2026" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-13-01" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ page: "0" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ person: "abc" }).success).toBe(false);
  });

  it("takes days typed dd/mm/yyyy, as the page's filter shows them", () => {
    expect(auditFilterSchema.parse({ from: "01/02/2026", to: "5/3/2026" })).toMatchObject({
      from: "2026-02-01",
      to: "2026-03-05",
    });
    expect(dayForInput("2026-02-01")).toBe("01/02/2026");
    expect(dayForInput(undefined)).toBe("");
  });

  it("reads days in Vietnam's time, the end day included", () => {
    const { from, until } = auditTimeRange({ from: "2026-03-01", to: "2026-03-31" });
    expect(from?.toISOString()).toBe("2026-02-28T17:00:00.000Z");
    expect(until?.toISOString()).toBe("2026-03-31T17:00:00.000Z");
  });

  it("writes the filter back as a query string, without empty parts", () => {
    expect(auditQuery({ page: 4, kind: "accounts", person: 3 })).toBe("?person=3&kind=accounts");
    expect(auditQuery({ page: 1, kind: "accounts" }, 2)).toBe("?kind=accounts&page=2");
    expect(auditQuery({ page: 1 })).toBe("");
  });
});

describe("audit display and CSV", () => {
  it("writes CSV for a Vietnamese Excel: ';' between fields, a decimal comma, numbers never prefixed", () => {
    const vi = CSV_DIALECTS.vi;
    expect(csvLine(["Tháng 1", 1234.5, -2.01, null, "a; b", "=1+1"], vi)).toBe(
      'Tháng 1;1234,5;-2,01;;"a; b";\'=1+1\r\n',
    );
    expect(csvLine(["a, b", 1234.5], vi)).toBe("a, b;1234,5\r\n");
    expect(csvLine(["a, b", 1234.5, -2.01], CSV_DIALECTS.en)).toBe('"a, b",1234.5,-2.01\r\n');
    expect(csvNumber(null, vi)).toBe("");
  });

  it("shows times in Vietnam's time, with seconds", () => {
    expect(formatAuditTime(new Date("2026-10-31T17:05:09Z"))).toBe("01/11/2026 00:05:09");
  });

  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField("Nguyễn Văn A")).toBe("Nguyễn Văn A");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+84 912")).toBe("'+84 912");
    expect(csvField(null)).toBe("");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});
