import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/app/_server/dashboard";
import { indicatorDetail, type MonthsCsvWords, monthsCsv } from "@/app/_server/indicator-detail";
import { type DbHandle, openDb } from "@/db";
import { migrate } from "@/db/migrate";
import { figures, indicators, provinces } from "@/db/schema";
import { seed } from "@/db/seed";

/** The dashboard's database work does not grow with indicators or months (style.md: sets, not loops). */
describe("the province dashboard's queries", () => {
  let handle: DbHandle;
  let queries = 0;
  beforeAll(async () => {
    handle = openDb({ dataDir: undefined }, { onQuery: () => queries++ });
    await migrate(handle);
    await seed(handle.db, { demoAccounts: false });
  }, 120_000);
  afterAll(() => handle?.close());

  async function count(provinceId: string, period?: string) {
    const [province] = await handle.db.select().from(provinces).where(eq(provinces.id, provinceId));
    queries = 0;
    const dashboard = await getDashboard(handle.db, province, period);
    return { queries, rows: dashboard.rows.length };
  }

  it("is a fixed number of queries, whatever the number of indicators and months", async () => {
    const before = await count("15-2025", "2026-YTD10");
    expect(before.rows).toBeGreaterThan(20);

    // Thirty more indicators, each with a year and a half of months, for the province and a predecessor.
    const extra = Array.from({ length: 30 }, (_, i) => `X.EXTRA${i}`);
    await handle.db.insert(indicators).values(
      extra.map((code, i) => ({
        code,
        nameVi: code,
        nameEn: code,
        unit: "tỷ đồng",
        kind: "flow" as const,
        direction: "up" as const,
        decimals: 1,
        targetBasis: "level" as const,
        frequency: "month",
        sortOrder: 100 + i,
      })),
    );
    const months = Array.from(
      { length: 22 },
      (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
    );
    const rows = extra.flatMap((code) =>
      ["15-2025", "10"].flatMap((provinceId) =>
        months.map((period) => ({
          provinceId,
          indicatorCode: code,
          period,
          year: Number(period.slice(0, 4)),
          measure: "value" as const,
          value: "10",
          vintage: "official" as const,
        })),
      ),
    );
    for (let i = 0; i < rows.length; i += 500) await handle.db.insert(figures).values(rows.slice(i, i + 500));

    const after = await count("15-2025", "2026-YTD10");
    expect(after.rows).toBe(before.rows + 30);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBeLessThanOrEqual(6);
  });

  it("is the same number for a former province and for the default period", async () => {
    const former = await count("10", "2023-YTD06");
    const byDefault = await count("15-2025");
    expect(former.queries).toBe(byDefault.queries);
  });

  // The same seeded database: an indicator's months as CSV.
  const words: MonthsCsvWords = {
    header: [
      "Tháng",
      "Thực hiện",
      "Lũy kế",
      "So cùng kỳ (%)",
      "So tháng trước (%)",
      "Chỉ số gốc",
      "Loại số",
      "Cùng kỳ",
      "Ghi chú",
    ],
    vintage: (v) => ({ estimate: "Ước tính", preliminary: "Sơ bộ", official: "Chính thức" })[v] ?? v,
    month: (m) => `tháng ${m}/2023`,
  };

  /** The months' CSV as a Vietnamese Excel opens it: ";" between fields, decimal commas, notes filled. */
  describe("an indicator's months as CSV", () => {
    async function csv(provinceId: string, code: string, year: string, locale: "vi" | "en") {
      const [province] = await handle.db.select().from(provinces).where(eq(provinces.id, provinceId));
      const detail = await indicatorDetail(handle.db, province, code, year);
      if (!detail) throw new Error("no detail");
      return monthsCsv(detail, words, locale);
    }

    it("in Vietnamese: ';' between fields, numbers with a decimal comma, the vintage in words, every month's note", async () => {
      const text = await csv("10", "TM.XNK", "2023", "vi");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...months] = text.slice(1).trim().split("\r\n");
      expect(header).toBe(
        "Tháng;Thực hiện;Lũy kế;So cùng kỳ (%);So tháng trước (%);Chỉ số gốc;Loại số;Cùng kỳ;Ghi chú",
      );
      expect(months).toHaveLength(12);
      const cells = months.map((m) => m.split(";"));
      expect(cells[0][0]).toBe("tháng 1/2023");
      // The first half adds up to what the province published: 945,04 triệu USD.
      const sum = cells.slice(0, 6).reduce((s, c) => s + Number(c[1].replace(",", ".")), 0);
      expect(sum).toBeCloseTo(945.04, 2);
      expect(cells.slice(0, 6).every((c) => /^\d+(,\d+)?$/.test(c[1]))).toBe(true);
      expect(cells[0][6]).toMatch(/^(Ước tính|Sơ bộ|Chính thức)$/);
      // The figures have notes (their source): the note column says them.
      expect(cells.filter((c) => c[8] !== "").length).toBe(cells.filter((c) => c[1] !== "").length);
    });

    it("in English: ',' between fields and a decimal point", async () => {
      const [, first] = (await csv("10", "TM.XNK", "2023", "en")).trim().split("\r\n");
      expect(first).toMatch(/^tháng 1\/2023,\d+\.\d+,/);
    });

    it("a successor's months before the merger carry its predecessors' notes, named", async () => {
      const text = await csv("15-2025", "TM.XNK", "2025", "vi");
      const january = text.split("\r\n")[1];
      expect(january).toMatch(/Lào Cai|Yên Bái/);
    });
  });
});
