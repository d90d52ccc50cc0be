import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser } from "@/app/_server/report-files/pdf";
import { saveSettings } from "@/app/_server/report-settings";
import {
  issueReportNow,
  loadReport,
  nationalSummary,
  type ReportEditBody,
  reportFile,
  saveReportEdits,
} from "@/app/_server/reports";
import type { CurrentUser } from "@/app/_server/session";
import type { DbHandle, Tx } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getProvince, listIndicators } from "@/db/queries/reference";
import { getReport } from "@/db/queries/reports";
import { auditLog, figures, type Province, reportFiles, users } from "@/db/schema";
import { readArticleRows, seed } from "@/db/seed";
import { defaultSettings } from "@/lib/report-settings";
import type { ReportView } from "@/lib/report-view";
import { appError } from "./app-error";
import { DB_KINDS, openTestDb } from "./db";

const TODAY = "2026-12-01";

/** The paragraph an indicator is written in (a breakdown is written in its parent's). */
function paragraphOf(view: ReportView, key: string): string {
  const p = view.sections.flatMap((s) => s.paragraphs).find((q) => q.key === key);
  if (!p) throw new Error(`no paragraph ${key} in ${view.provinceId} ${view.period}`);
  return p.text;
}

/** "945,04" → 945.04; "1.234,98" → 1234.98. */
const viNumber = (s: string) => Number(s.replace(/\./g, "").replace(",", "."));
const decimalsOf = (value: string) => (value.includes(".") ? value.split(".")[1].length : 0);
const NUM = "(\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?)";

/**
 * The figure a published measure is said as in a paragraph's clause, as a number on the
 * published row's scale, or null when the clause does not say it.
 */
function said(clause: string, measure: string): number | null {
  const first = (re: RegExp) => re.exec(clause);
  switch (measure) {
    case "pct_of_plan": {
      const reached = first(new RegExp(`đạt ${NUM}% kế hoạch`));
      if (reached) return viNumber(reached[1]);
      const exceeded = first(new RegExp(`vượt ${NUM}% kế hoạch`));
      return exceeded ? 100 + viNumber(exceeded[1]) : null;
    }
    case "pct_of_same_period":
    case "yoy_pct": {
      const share = first(new RegExp(`bằng ${NUM}% so với cùng kỳ`));
      const move = first(new RegExp(`(tăng|giảm) ${NUM}% so với cùng kỳ`));
      const index = share
        ? viNumber(share[1])
        : move
          ? 100 + (move[1] === "tăng" ? 1 : -1) * viNumber(move[2])
          : null;
      if (index === null) return null;
      if (measure === "pct_of_same_period") return index;
      // A growth: said as growth when it rose, as the share of last year when it fell.
      return move && !share ? (move[1] === "tăng" ? 1 : -1) * viNumber(move[2]) : index - 100;
    }
    case "mom_pct": {
      const move = first(new RegExp(`(tăng|giảm) ${NUM}% so với tháng trước`));
      return move ? (move[1] === "tăng" ? 1 : -1) * viNumber(move[2]) : null;
    }
    case "gap_pp": {
      const gap = first(new RegExp(`(cao hơn|thấp hơn)[^.;]*? ${NUM} điểm phần trăm`));
      return gap ? (gap[1] === "cao hơn" ? 1 : -1) * viNumber(gap[2]) : null;
    }
    default:
      return null;
  }
}

/** The table's column for a published measure of the report's own period. */
function tableValue(
  view: ReportView,
  indicator: string,
  measure: string,
  cumulative: boolean,
): number | null {
  const row = view.appendix.rows.find((r) => r.indicator === indicator);
  const column =
    measure === "pct_of_plan"
      ? "toDateOnPlan"
      : measure === "mom_pct"
        ? "curOnPrev"
        : cumulative
          ? "toDateOnSame"
          : "curOnSame";
  const cell = row?.cells[column as keyof typeof row.cells];
  if (typeof cell !== "number") return null;
  return measure === "mom_pct" || measure === "yoy_pct" ? cell - 100 : cell;
}

describe.each(DB_KINDS)("the month's report on %s", (kind) => {
  let handle: DbHandle;
  const people = new Map<string, CurrentUser>();

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    for (const u of await handle.db.select().from(users)) {
      people.set(u.username, {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        provinceId: u.provinceId,
        mustChangePassword: false,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await closePdfBrowser();
    await handle?.close();
  });

  const province = async (id: string) => (await getProvince(handle.db, id)) as Province;
  const load = async (id: string, period: string) =>
    (await loadReport(handle.db, await province(id), period, TODAY)).view;
  /** Runs a change as the guard does: one transaction, audit rows written in it as this person. */
  const as = <R>(
    username: string,
    provinceId: string,
    run: (ctx: {
      tx: Tx;
      user: CurrentUser;
      audit: (e: Parameters<typeof writeAudit>[1]) => Promise<void>;
    }) => Promise<R>,
  ) => {
    const user = people.get(username) as CurrentUser;
    return handle.db.transaction((tx) =>
      run({ tx, user, audit: (e) => writeAudit(tx, { provinceId, ...e, userId: user.id }) }),
    );
  };
  const edit = async (username: string, id: string, period: string, body: ReportEditBody) => {
    // Read before the transaction: PGlite has one connection, which the transaction holds.
    const unit = await province(id);
    return as(username, id, (ctx) => saveReportEdits(ctx, unit, period, body, TODAY));
  };
  const reviseFigure = (id: string, indicator: string, period: string, value: number) =>
    handle.db
      .update(figures)
      .set({ value: String(value), version: 2 })
      .where(
        and(
          eq(figures.provinceId, id),
          eq(figures.indicatorCode, indicator),
          eq(figures.period, period),
          eq(figures.measure, "value"),
        ),
      );

  it("former Lào Cai, first half of 2023: export-import as the province published it", async () => {
    const text = paragraphOf(await load("10", "2023-YTD06"), "TM.XNK");
    expect(text).toContain("ước đạt 945,04 triệu USD");
    expect(text).toContain("bằng 91,06% so với cùng kỳ");
    expect(text).toMatch(/đạt 18,90?% kế hoạch/);
  });

  // Every published expectation, in the text of its province and period, and in the table where
  // the table has a column for it: rounded to the decimals the report printed.
  const expected = readArticleRows().filter((r) => r.role === "expected");
  it("has published expectations to find", () => {
    expect(expected.length).toBeGreaterThanOrEqual(12);
  });
  for (const row of expected) {
    const published = String(row.value);
    it(`${row.provinceId} ${row.period}: ${row.indicator} ${row.measure} ${published} (${row.source})`, async () => {
      const view = await load(row.provinceId, row.period);
      const indicators = await listIndicators(handle.db);
      const parent = indicators.find((i) => i.code === row.indicator)?.parentCode ?? row.indicator;
      const text = paragraphOf(view, parent);
      // The clause of the report's own period: a cumulative report's comes after "tính chung".
      const cumulative = /-YTD/.test(row.period);
      const [first, toDate] = text.split("; tính chung");
      const clause = cumulative ? (toDate ?? first) : first;
      const decimals = decimalsOf(published);
      const inText = said(clause, row.measure);
      expect(inText, `${row.measure} not said in: ${clause}`).not.toBeNull();
      expect(Number((inText as number).toFixed(decimals))).toBe(row.value);
      if (row.measure !== "gap_pp") {
        const inTable = tableValue(view, row.indicator, row.measure, cumulative);
        expect(inTable, `no table cell for ${row.measure}`).not.toBeNull();
        expect(Number((inTable as number).toFixed(decimals))).toBe(row.value);
      }
    });
  }

  it("saves an edit with its version and audits it; a stale version is refused with the current one", async () => {
    const before = await load("10", "2023-06");
    expect(before.version).toBe(0);
    const saved = await edit("laocai.canbo", "10", "2023-06", {
      version: 0,
      paragraphs: [
        { key: "TM.XNK", text: "Kim ngạch xuất nhập khẩu giảm do thông quan chậm tại cửa khẩu." },
        { section: "tasks", text: "Tháo gỡ khó khăn cho doanh nghiệp xuất khẩu nông sản." },
      ],
    });
    expect(saved.version).toBe(1);
    expect(paragraphOf(saved, "TM.XNK")).toBe(
      "Kim ngạch xuất nhập khẩu giảm do thông quan chậm tại cửa khẩu.",
    );
    expect(saved.sections.find((s) => s.key === "tasks")?.paragraphs.map((p) => p.text)).toEqual([
      "Tháo gỡ khó khăn cho doanh nghiệp xuất khẩu nông sản.",
    ]);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.save"), eq(auditLog.entityId, "10/2023-06")));
    expect(entry.userId).toBe(people.get("laocai.canbo")?.id);
    expect(entry.before).toEqual({
      version: 0,
      paragraphs: [
        { key: "TM.XNK", text: paragraphOf(before, "TM.XNK") },
        { key: "added-1", text: null },
      ],
    });
    expect(entry.after).toMatchObject({ version: 1 });

    const stale = await appError(
      edit("laocai.lanhdao", "10", "2023-06", { version: 0, paragraphs: [{ key: "CN.GTSX", text: "x" }] }),
    );
    expect(stale.status).toBe(409);
    expect(stale.details).toEqual({ version: 1 });
    const unknown = await appError(
      edit("laocai.canbo", "10", "2023-06", { version: 1, paragraphs: [{ key: "NO.SUCH", text: "x" }] }),
    );
    expect(unknown.status).toBe(422);
    expect((await load("10", "2023-06")).version).toBe(1);
  });

  it("after a revision, unedited paragraphs follow the figures and edited ones are kept (marked stale) until asked", async () => {
    const id = "10";
    const period = "2023-YTD06";
    const first = await load(id, period);
    const gtsx = "Giá trị sản xuất công nghiệp 6 tháng đạt 20.207 tỷ đồng (đoạn do cán bộ viết).";
    const v1 = await edit("laocai.canbo", id, period, {
      version: first.version,
      paragraphs: [{ key: "CN.GTSX", text: gtsx }],
    });
    await reviseFigure(id, "TM.XNK", period, 950.5);
    await reviseFigure(id, "CN.GTSX", period, 20300);
    const after = await load(id, period);
    expect(paragraphOf(after, "TM.XNK")).toContain("ước đạt 950,50 triệu USD");
    expect(paragraphOf(after, "CN.GTSX")).toBe(gtsx);
    const edited = after.sections.flatMap((s) => s.paragraphs).find((p) => p.key === "CN.GTSX");
    expect(edited).toMatchObject({ edited: true, stale: true });
    expect(edited?.generatedText).toContain("20.300,0 tỷ đồng");

    const rewritten = await edit("laocai.canbo", id, period, { version: v1.version, reset: "all" });
    expect(paragraphOf(rewritten, "CN.GTSX")).toContain("ước đạt 20.300,0 tỷ đồng");
    await reviseFigure(id, "TM.XNK", period, 945.04);
    await reviseFigure(id, "CN.GTSX", period, 20207);
  });

  it("issuing freezes the report: number and date printed, files stored, revised figures change nothing", async () => {
    const id = "10";
    const period = "2023-YTD06";
    const unit = await province(id);
    const current = await load(id, period);
    const early = await appError(
      as("laocai.lanhdao", id, (ctx) =>
        issueReportNow(ctx, unit, period, { version: current.version, number: 5, date: "2023-05-31" }, TODAY),
      ),
    );
    expect(early.status).toBe(422);
    expect(early.fields?.date).toBeDefined();
    const future = await appError(
      as("laocai.lanhdao", id, (ctx) =>
        issueReportNow(ctx, unit, period, { version: current.version, number: 5, date: "2027-01-05" }, TODAY),
      ),
    );
    expect(future.status).toBe(422);

    const issued = await as("laocai.lanhdao", id, (ctx) =>
      issueReportNow(ctx, unit, period, { version: current.version, number: 5, date: "2023-07-05" }, TODAY),
    );
    expect(issued.header.numberLine).toBe("Số: 05/BC-SCT");
    expect(issued.header.placeDate).toBe("Lào Cai, ngày 05 tháng 7 năm 2023");
    expect(issued.appendix.attached).toBe(
      "(Kèm theo Báo cáo số 05/BC-SCT ngày 05 tháng 7 năm 2023 của Sở Công Thương)",
    );
    expect(issued.issued).toMatchObject({
      number: 5,
      date: "2023-07-05",
      place: "Lào Cai",
      issuedBy: people.get("laocai.lanhdao")?.displayName,
    });
    const record = await getReport(handle.db, id, period);
    const stored = await handle.db
      .select()
      .from(reportFiles)
      .where(eq(reportFiles.reportId, record?.id as number));
    expect(stored.map((f) => f.format).sort()).toEqual(["docx", "pdf", "xlsx"]);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "report.issue"));
    expect(audit.after).toMatchObject({ number: 5, symbol: "BC-SCT", date: "2023-07-05" });

    // A revision after issuing: the report and its files are what was issued.
    const pdfBefore = await reportFile(handle.db, unit, period, "pdf");
    await reviseFigure(id, "TM.XNK", period, 999.99);
    const frozen = await load(id, period);
    expect(paragraphOf(frozen, "TM.XNK")).toContain("945,04 triệu USD");
    expect(frozen.issued?.number).toBe(5);
    for (const format of ["pdf", "docx", "xlsx"] as const) {
      const file = await reportFile(handle.db, unit, period, format);
      const kept = stored.find((f) => f.format === format);
      expect(Buffer.from(file.content).equals(Buffer.from(kept?.content as Uint8Array)), format).toBe(true);
    }
    expect(
      Buffer.from(pdfBefore.content).equals(
        Buffer.from((await reportFile(handle.db, unit, period, "pdf")).content),
      ),
    ).toBe(true);
    await reviseFigure(id, "TM.XNK", period, 945.04);

    const edited = await appError(
      edit("laocai.canbo", id, period, {
        version: frozen.version,
        paragraphs: [{ key: "TM.XNK", text: "x" }],
      }),
    );
    expect(edited.status).toBe(409);
    const again = await appError(
      as("laocai.lanhdao", id, (ctx) =>
        issueReportNow(ctx, unit, period, { version: frozen.version, number: 6, date: "2023-07-06" }, TODAY),
      ),
    );
    expect(again.status).toBe(409);
    // Numbers run per year: 05/BC-SCT is taken in 2023.
    const june = await load(id, "2023-06");
    const taken = await appError(
      as("laocai.lanhdao", id, (ctx) =>
        issueReportNow(ctx, unit, "2023-06", { version: june.version, number: 5, date: "2023-07-04" }, TODAY),
      ),
    );
    expect(taken.status).toBe(409);
    expect(taken.messageVi).toContain("05/BC-SCT");
  }, 60_000);

  it("prints the settings valid on the report's date: a 2024 report of former Hà Giang says Hà Giang", async () => {
    const haGiang = await load("02", "2024");
    expect(haGiang.header.supervisingBody).toBe("UBND TỈNH HÀ GIANG");
    expect(haGiang.header.placeDate.startsWith("Hà Giang, ngày")).toBe(true);
    expect(haGiang.addressees).toContain("UBND tỉnh Hà Giang");
    const tuyenQuang = await load("08-2025", "2026-10");
    expect(tuyenQuang.header.supervisingBody).toBe("UBND TỈNH TUYÊN QUANG");

    const unit = "08-2025";
    const base = { ...defaultSettings({ nameVi: "Tỉnh Tuyên Quang" }), provinceId: unit };
    await as("tuyenquang.quantri", unit, (ctx) =>
      saveSettings(ctx, {
        ...base,
        validFrom: "2025-07-01",
        validTo: "2025-12-31",
        signerName: "Trần Thị Bình",
      }),
    );
    await as("tuyenquang.quantri", unit, (ctx) =>
      saveSettings(ctx, { ...base, validFrom: "2026-01-01", validTo: null, signerName: "Nguyễn Văn An" }),
    );
    const overlap = await appError(
      as("tuyenquang.quantri", unit, (ctx) =>
        saveSettings(ctx, { ...base, validFrom: "2025-12-01", validTo: "2026-02-01" }),
      ),
    );
    expect(overlap.status).toBe(422);
    expect(overlap.fields?.validFrom).toBeDefined();
    expect((await load(unit, "2026-10")).signature.name).toBe("Nguyễn Văn An");
    const tuyenQuang2025 = await province(unit);
    const november = await as("tuyenquang.lanhdao", unit, (ctx) =>
      issueReportNow(ctx, tuyenQuang2025, "2025-11", { version: 0, number: 12, date: "2025-12-05" }, TODAY),
    );
    expect(november.signature.name).toBe("Trần Thị Bình");
    expect(november.header.placeDate).toBe("Tuyên Quang, ngày 05 tháng 12 năm 2025");
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "report_settings.save"));
    expect(audits).toHaveLength(2);
  }, 60_000);

  it("the national summary lists the 34 units of a period after the merger, with where each report stands", async () => {
    const summary = await nationalSummary(handle.db, "2025-11");
    expect(summary.provinces).toHaveLength(34);
    const tuyenQuang = summary.provinces.find((p) => p.id === "08-2025");
    expect(tuyenQuang?.report).toMatchObject({
      issued: true,
      number: 12,
      symbol: "BC-SCT",
      date: "2025-12-05",
    });
    expect(tuyenQuang?.indicators.map((i) => i.indicator)).toEqual([
      "CN.IIP",
      "CN.GTSX",
      "NL.DIEN_SX",
      "TM.BLDV",
      "TM.XNK",
    ]);
    const before = await nationalSummary(handle.db, "2024-06");
    expect(before.provinces).toHaveLength(63);
  });
});
