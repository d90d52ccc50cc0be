import { count, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { extractForProvince } from "@/app/_server/extract";
import type { WriteContext } from "@/app/_server/guard";
import { commitImport, monthTemplate, type PreviewResponse, previewImport } from "@/app/_server/imports";
import type { CurrentUser } from "@/app/_server/session";
import type { DbHandle, Tx } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { saveFigures } from "@/db/queries/figure-writes";
import { transitionMonth } from "@/db/queries/workflow";
import {
  auditLog,
  figureRevisions,
  figures,
  importMappings,
  imports,
  type Province,
  provinces,
  users,
} from "@/db/schema";
import { seed } from "@/db/seed";
import type { LayoutMapping } from "@/lib/import/layout";
import { DATA_SHEET } from "@/lib/import/template";
import { appError } from "./app-error";
import { DB_KINDS, openTestDb } from "./db";
import { compoundFile, storedZip } from "./zip";

const PROVINCE = "19-2025";
const MONTH = "2026-11"; // after the demo series: an empty draft month

describe.each(DB_KINDS)("Excel import and report text on %s", (kind) => {
  let handle: DbHandle;
  let staff: CurrentUser;
  let other: CurrentUser;
  let province: Province;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    await seed(handle.db, { demoAccounts: true });
    const rows = await handle.db.select().from(users);
    const user = (name: string): CurrentUser => {
      const u = rows.find((r) => r.username === name);
      if (!u) throw new Error(name);
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        provinceId: u.provinceId,
        mustChangePassword: false,
      };
    };
    staff = user("thainguyen.canbo");
    other = user("laocai.canbo");
    [province] = await handle.db.select().from(provinces).where(eq(provinces.id, PROVINCE));
  }, 120_000);
  afterAll(() => handle?.close());

  /** Every table an import could write to, counted: a refused upload must leave them as they were. */
  async function footprint() {
    const n = async (
      table:
        | typeof figures
        | typeof figureRevisions
        | typeof auditLog
        | typeof imports
        | typeof importMappings,
    ) => (await handle.db.select({ n: count() }).from(table))[0].n;
    return {
      figures: await n(figures),
      revisions: await n(figureRevisions),
      audit: await n(auditLog),
      imports: await n(imports),
      mappings: await n(importMappings),
    };
  }

  const preview = (bytes: Uint8Array, options: Parameters<typeof previewImport>[4] = {}, name = "mau.xlsx") =>
    handle.db.transaction((tx) => previewImport(tx, staff, province, { name, bytes }, options));

  const commit = (importId: string, user = staff) =>
    handle.db.transaction((tx) => {
      const ctx = {
        tx: tx as Tx,
        user,
        audit: (entry: Parameters<WriteContext<unknown>["audit"]>[0]) =>
          writeAudit(tx, { provinceId: PROVINCE, ...entry, userId: user.id }),
      };
      return commitImport(ctx, province, importId);
    });

  async function template(month = MONTH) {
    return monthTemplate(handle.db, province, month, staff);
  }

  async function fill(bytes: Uint8Array, values: Record<string, string | number | null>) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
    for (const [key, value] of Object.entries(values)) {
      const [code, column] = key.split("@");
      let row = 0;
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === code) row = r;
      ws.getCell(`${column}${row}`).value = value;
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  const asPreview = (r: PreviewResponse) => {
    if (r.status !== "preview") throw new Error(`expected a preview, got ${r.status}`);
    return r;
  };

  it("previews a filled template without saving a figure, then commits it in one go with versions and audit rows naming the import", async () => {
    const before = await footprint();
    const file = await fill(await template(), {
      "TM.XNK@D": 150.5,
      "CN.IIP@D": "7,25",
      "CN.IIP@F": "-1,5%",
      "NL.DIEN_SX@D": "1.234,5",
    });
    const p = asPreview(await preview(file, { month: MONTH }));
    expect(p.kind).toBe("template");
    expect(p.counts).toMatchObject({ new: 4, changed: 0, error: 0, conflict: 0 });
    expect(p.importId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await footprint();
    expect(after).toEqual({ ...before, imports: before.imports + 1 });

    const result = await commit(p.importId as string);
    expect(result.saved).toBe(4);
    const saved = await handle.db.select().from(figures).where(eq(figures.period, MONTH));
    expect(
      saved
        .filter((f) => f.provinceId === PROVINCE)
        .map((f) => [f.indicatorCode, f.measure, Number(f.value), f.version])
        .sort(),
    ).toEqual(
      [
        ["CN.IIP", "mom_pct", -1.5, 1],
        ["CN.IIP", "yoy_pct", 7.25, 1],
        ["NL.DIEN_SX", "value", 1234.5, 1],
        ["TM.XNK", "value", 150.5, 1],
      ].sort(),
    );
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(like(auditLog.entityId, `${PROVINCE}/%/${MONTH}/%`));
    expect(audits).toHaveLength(4);
    for (const a of audits) expect((a.after as { source: string }).source).toBe(`import:${p.importId}`);
    const [summary] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "import.commit"));
    expect(summary).toMatchObject({
      entity: "import",
      entityId: p.importId,
      userId: staff.id,
      provinceId: PROVINCE,
    });
    const [row] = await handle.db
      .select()
      .from(imports)
      .where(eq(imports.id, p.importId as string));
    expect(row.status).toBe("committed");

    // Confirming twice saves nothing more.
    const again = await appError(commit(p.importId as string));
    expect(again.status).toBe(409);
  });

  it("answers 409 with every figure changed since the template was downloaded, and saves nothing", async () => {
    const downloaded = await template();
    const file = await fill(downloaded, { "TM.XNK@D": 175, "NL.DIEN_SX@D": 1300, "TM.XNK.XK@D": 90 });
    const p = asPreview(await preview(file));
    expect(p.counts).toMatchObject({ changed: 2, new: 1 });
    // Meanwhile someone changes export-import on the sheet.
    const [xnk] = await handle.db.select().from(figures).where(eq(figures.period, MONTH));
    const current = (await handle.db.select().from(figures).where(eq(figures.period, MONTH))).find(
      (f) => f.indicatorCode === "TM.XNK" && f.provinceId === PROVINCE,
    );
    expect(xnk).toBeDefined();
    await handle.db.transaction((tx) =>
      saveFigures(tx, PROVINCE, staff.id, [
        {
          indicator: "TM.XNK",
          period: MONTH,
          measure: "value",
          value: 160,
          vintage: "estimate",
          version: current?.version,
        },
      ]),
    );
    const before = await footprint();
    const e = await appError(commit(p.importId as string));
    expect(e.status).toBe(409);
    const conflicts = (e.details as { conflicts: { indicator: string; current: { value: number } }[] })
      .conflicts;
    expect(conflicts.map((c) => [c.indicator, c.current.value])).toEqual([["TM.XNK", 160]]);
    expect(Object.keys(e.fields ?? {})).toHaveLength(1);
    expect(await footprint()).toEqual(before);
    // A new upload of the same stale file shows the conflict in its preview.
    const again = asPreview(await preview(file));
    expect(again.cells.find((c) => c.indicator === "TM.XNK" && c.period === MONTH)?.status).toBe("conflict");
  });

  it.each([
    ["not an Excel file", new TextEncoder().encode("hello"), "không phải là sổ làm việc Excel"],
    ["an old .xls", compoundFile(false), "Excel cũ (.xls)"],
    ["a password-protected workbook", compoundFile(true), "mật khẩu"],
    ["a damaged workbook", storedZip({ "xl/workbook.xml": "<<<" }), "bị hỏng"],
  ])("refuses %s with a clear message and leaves the database as it was", async (_what, bytes, message) => {
    const before = await footprint();
    const e = await appError(preview(bytes));
    expect(e.status).toBe(422);
    expect(e.messageVi).toContain(message);
    expect(e.messageEn.length).toBeGreaterThan(10);
    expect(await footprint()).toEqual(before);
  });

  it("refuses another province's template and another month's, leaving nothing behind", async () => {
    const before = await footprint();
    const [laoCai] = await handle.db.select().from(provinces).where(eq(provinces.id, "15-2025"));
    const theirs = await monthTemplate(handle.db, laoCai, MONTH, other);
    expect((await appError(preview(theirs))).messageVi).toContain(
      "Đây là mẫu của Tỉnh Lào Cai, không phải của Tỉnh Thái Nguyên",
    );
    const october = await template("2026-10");
    expect((await appError(preview(october, { month: MONTH }))).messageVi).toContain(
      "Đây là mẫu tháng 10/2026, không phải tháng 11/2026",
    );
    const formula = await fill(await template(), {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(formula.buffer as ArrayBuffer);
    const ws = wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet;
    let row = 0;
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === "TM.XNK.NK") row = r;
    ws.getCell(`D${row}`).value = { formula: "J7*1,1" } as ExcelJS.CellFormulaValue;
    const p = asPreview(await preview(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(p.importId).toBeNull();
    expect(p.cells.find((c) => c.status === "error")?.message?.vi).toBe(
      `Ô D${row} có công thức (=J7*1,1): hãy dán giá trị (Dán đặc biệt › Giá trị), không dán công thức.`,
    );
    expect(await footprint()).toEqual(before);
  });

  it("marks the cells of a submitted month as errors, with the reason", async () => {
    await handle.db.transaction(async (tx) => {
      await saveFigures(tx, PROVINCE, staff.id, [
        { indicator: "TM.XNK", period: "2026-12", measure: "value", value: 100, vintage: "estimate" },
      ]);
      await transitionMonth(tx, {
        provinceId: PROVINCE,
        month: "2026-12",
        transition: "submit",
        userId: staff.id,
      });
    });
    const file = await fill(await template("2026-12"), { "TM.XNK@D": 101 });
    const p = asPreview(await preview(file));
    expect(p.importId).toBeNull();
    expect(p.cells.find((c) => c.indicator === "TM.XNK" && c.period === "2026-12")).toMatchObject({
      status: "error",
    });
    expect(p.cells.find((c) => c.status === "error")?.message?.vi).toContain("tháng đã gửi duyệt");
  });

  it("maps another layout once, keeps the mapping for the province, and applies it to the next file", async () => {
    // A year of figures no other test reads: 2027, so the clock says 2028 (months to come are refused).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2028-01-15T03:00:00Z") });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const table = async (values: number[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Biểu IIP");
      ws.getRow(2).values = ["Chỉ tiêu", ...Array.from({ length: 12 }, (_, i) => `T${i + 1}/2027`)];
      ws.getRow(3).values = ["Chỉ số sản xuất công nghiệp", ...values];
      ws.getRow(4).values = ["Kim ngạch xuất khẩu", ...values.map((v) => v * 2)];
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const first = await table([105.1, 106.2, 107.3, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    const before = await footprint();
    const ask = await preview(first, {}, "bieu-iip.xlsx");
    expect(ask.status).toBe("needs_mapping");
    if (ask.status !== "needs_mapping") return;
    expect(ask.year).toBe(2027);
    expect(ask.suggestion.rows.map((r) => [r.indicator, r.measure, r.index100])).toEqual([
      ["CN.IIP", "yoy_pct", true],
      ["TM.XNK.XK", "value", false],
    ]);
    expect(await footprint()).toEqual(before);

    const mapping: LayoutMapping = {
      ...ask.suggestion,
      rows: ask.suggestion.rows.filter((r) => r.indicator === "CN.IIP"),
    };
    const p = asPreview(await preview(first, { mapping, vintage: "official" }, "bieu-iip.xlsx"));
    expect(p.counts.new).toBe(12);
    expect(p.cells[0]).toMatchObject({
      indicator: "CN.IIP",
      period: "2027-01",
      measure: "yoy_pct",
      after: 5.1,
    });
    await commit(p.importId as string);
    const [kept] = await handle.db
      .select()
      .from(importMappings)
      .where(eq(importMappings.provinceId, PROVINCE));
    expect((kept.mapping as LayoutMapping).rows.map((r) => r.indicator)).toEqual(["CN.IIP"]);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, "import.mapping"))).toHaveLength(
      1,
    );

    // Next time the kept mapping is applied at once: only what changed is new.
    const second = await table([105.1, 106.2, 107.3, 101, 102, 103, 104, 105, 106, 107, 108, 110.5]);
    const again = asPreview(await preview(second, {}, "bieu-iip-2.xlsx"));
    expect(again.counts).toMatchObject({ changed: 1, unchanged: 11, new: 0 });
    expect(again.cells.find((c) => c.status === "changed")).toMatchObject({
      period: "2027-12",
      before: 9,
      after: 10.5,
    });
  });

  it("reads figures from report text for the province, with the saved value and version of each", async () => {
    const text =
      "Tháng 11/2026, kim ngạch xuất nhập khẩu ước đạt 210,4 triệu USD, tăng 3,2% so với cùng kỳ. Tỉnh Lạng Sơn tăng 9%.";
    const r = await extractForProvince(handle.db, province, text, MONTH);
    expect(r.figures.map((f) => [f.indicator, f.period, f.measure, f.value, f.vintage])).toEqual([
      ["TM.XNK", MONTH, "value", 210.4, "estimate"],
      ["TM.XNK", MONTH, "yoy_pct", 3.2, "estimate"],
    ]);
    expect(r.figures[0].current).toMatchObject({ value: 160 });
    expect(r.figures[1].current).toBeNull();
    expect(r.unmatched.map((u) => u.reason)).toEqual(["other_province"]);
  });
});
