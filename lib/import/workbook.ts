/**
 * Opening an uploaded workbook safely, and reading its cells as figures (report-layout.md §4):
 * the bytes are checked before exceljs sees them (an old .xls, a password-protected file, a Word
 * file, a zip that unpacks to far more than it weighs), then the workbook is loaded and its size
 * checked. Every refusal is a message in Vietnamese and English. No I/O: bytes in, workbook out.
 */
import ExcelJS from "exceljs";
import { parseVietnameseNumber } from "../numbers";
import type { Message } from "../validation";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** What the parts of the file may add up to once unpacked (a sheet's XML is ~10× its zipped size). */
export const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;
export const MAX_ROWS = 3000;
export const MAX_COLUMNS = 200;

export class WorkbookProblem extends Error {
  constructor(readonly problem: Message) {
    super(problem.en);
    this.name = "WorkbookProblem";
  }
}

const fail = (vi: string, en: string): never => {
  throw new WorkbookProblem({ vi, en });
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether the bytes contain `text` encoded as UTF-16LE (how a compound file names its streams). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(2).replace(".", ",");

/** The names and unpacked sizes of a zip's entries, from its central directory (no unpacking). */
export function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: { name: string; size: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    // 0xFFFFFFFF marks a Zip64 size: more than 4 GB unpacked, far beyond any sheet.
    entries.push({ name, size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses what is not an .xlsx workbook this app can read, before exceljs unpacks anything. */
export function checkWorkbookBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) fail("Tệp rỗng.", "The file is empty.");
  if (bytes.length > MAX_UPLOAD_BYTES) {
    fail(
      `Tệp quá lớn (${mb(bytes.length)} MB); tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Hãy chỉ giữ lại trang số liệu cần nhập.`,
      `The file is too large (${(bytes.length / 1024 / 1024).toFixed(2)} MB); at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Keep only the sheet to import.`,
    );
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsUtf16(bytes, "EncryptedPackage")) {
      fail(
        "Tệp được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi tải lên lại.",
        "The file is password-protected, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook) and upload it again.",
      );
    }
    fail(
      "Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx), rồi tải lên lại.",
      "This is an old Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again.",
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    fail("Tệp không phải là sổ làm việc Excel (.xlsx).", "The file is not an Excel workbook (.xlsx).");
  }
  const entries = zipEntries(bytes);
  if (!entries) fail("Tệp Excel bị hỏng, không mở được.", "The Excel file is damaged and cannot be opened.");
  const names = new Set(entries?.map((e) => e.name));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("word/document.xml")) {
      fail(
        "Đây là tệp Word (.docx), không phải tệp Excel. Để đọc số liệu trong văn bản, dùng «Dán văn bản báo cáo».",
        "This is a Word file (.docx), not an Excel file. To read figures from a report, use «Paste report text».",
      );
    }
    fail("Tệp không phải là sổ làm việc Excel (.xlsx).", "The file is not an Excel workbook (.xlsx).");
  }
  const unpacked = (entries ?? []).reduce((sum, e) => sum + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    fail(
      `Tệp có quá nhiều dòng (khi giải nén khoảng ${mb(unpacked)} MB). Một mẫu số liệu tháng hay một bảng của cục thống kê chỉ vài trăm dòng: hãy xóa bớt các trang và dòng không cần nhập.`,
      `The file holds far too many rows (about ${(unpacked / 1024 / 1024).toFixed(1)} MB unpacked). A month's template or a statistics table has a few hundred rows: delete the sheets and rows not to import.`,
    );
  }
}

/** Loads a checked workbook; a file exceljs cannot read, or one too big to be a table of figures, is refused. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    fail("Tệp Excel bị hỏng, không mở được.", "The Excel file is damaged and cannot be opened.");
  }
  if (workbook.worksheets.length === 0)
    fail("Tệp Excel không có trang tính nào.", "The workbook has no sheets.");
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_ROWS || sheet.columnCount > MAX_COLUMNS) {
      fail(
        `Trang «${sheet.name}» có quá nhiều dòng hoặc cột (${sheet.rowCount} dòng, ${sheet.columnCount} cột; tối đa ${MAX_ROWS} dòng, ${MAX_COLUMNS} cột).`,
        `Sheet «${sheet.name}» has too many rows or columns (${sheet.rowCount} rows, ${sheet.columnCount} columns; at most ${MAX_ROWS} rows, ${MAX_COLUMNS} columns).`,
      );
    }
  }
  return workbook;
}

// ── Cells ────────────────────────────────────────────────────────────────────

export type CellContent =
  | { kind: "empty" }
  | { kind: "number"; value: number; percentFormat: boolean }
  | { kind: "text"; text: string }
  | { kind: "formula"; formula: string }
  | { kind: "other"; shown: string };

/** What a cell holds, as a person would describe it: a number, text, a formula, or something else. */
export function cellContent(cell: ExcelJS.Cell): CellContent {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") {
    return {
      kind: "number",
      value: v,
      percentFormat: typeof cell.numFmt === "string" && cell.numFmt.includes("%"),
    };
  }
  if (typeof v === "string") {
    const text = v.normalize("NFC").trim();
    return text ? { kind: "text", text } : { kind: "empty" };
  }
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const f = "formula" in v ? v.formula : (v as { sharedFormula: string }).sharedFormula;
      return { kind: "formula", formula: String(f ?? "") };
    }
    if ("richText" in v) {
      const text = v.richText
        .map((r) => r.text)
        .join("")
        .normalize("NFC")
        .trim();
      return text ? { kind: "text", text } : { kind: "empty" };
    }
    if ("error" in v) return { kind: "other", shown: String(v.error) };
    if ("text" in v && typeof v.text === "string")
      return { kind: "text", text: v.text.normalize("NFC").trim() };
    if (v instanceof Date) return { kind: "other", shown: v.toISOString().slice(0, 10) };
  }
  return { kind: "other", shown: String(v) };
}

/** A cell's text for labels and headers ("" for numbers' absence); numbers as they would print. */
export function cellText(cell: ExcelJS.Cell): string {
  const c = cellContent(cell);
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return String(c.value);
    case "other":
      return c.shown;
    default:
      return "";
  }
}

/** The merged ranges of a sheet that reach into rows from `fromRow` on ("A4:B5"). */
export function mergesFrom(sheet: ExcelJS.Worksheet, fromRow: number): string[] {
  const merges: string[] = (sheet.model as { merges?: string[] }).merges ?? [];
  return merges.filter((range) => {
    const end = range.split(":")[1] ?? range;
    const row = Number(/\d+$/.exec(end)?.[0] ?? 0);
    return row >= fromRow;
  });
}

export type NumberRead = { ok: true; value: number | null } | { ok: false; message: Message };

const viDecimal = (n: number) => String(n).replace(".", ",");

/**
 * A cell read as a figure: empty is null; a number is taken as it is (a percentage typed with a %
 * sign that Excel stored as a fraction, 0,0414 shown as 4,14%, is read back as 4,14); text is read
 * the Vietnamese way (lib/numbers.ts). A formula, a date or an error is refused. Every message
 * names the cell ("Ô E12: «1.234» trong cột %: 1,234% hay 1234%?").
 */
export function readNumber(
  content: CellContent,
  where: { address: string; column: string; percent: boolean },
): NumberRead {
  const { address, column, percent } = where;
  switch (content.kind) {
    case "empty":
      return { ok: true, value: null };
    case "number": {
      const value =
        content.percentFormat && percent ? Math.round(content.value * 100 * 1e9) / 1e9 : content.value;
      return Number.isFinite(value)
        ? { ok: true, value }
        : {
            ok: false,
            message: { vi: `Ô ${address}: không phải là số.`, en: `Cell ${address}: not a number.` },
          };
    }
    case "formula":
      return {
        ok: false,
        message: {
          vi: `Ô ${address} có công thức (=${content.formula}): hãy dán giá trị (Dán đặc biệt › Giá trị), không dán công thức.`,
          en: `Cell ${address} holds a formula (=${content.formula}): paste the values (Paste Special › Values), not the formula.`,
        },
      };
    case "other":
      return {
        ok: false,
        message: {
          vi: `Ô ${address}: «${content.shown}» không phải là số.`,
          en: `Cell ${address}: «${content.shown}» is not a number.`,
        },
      };
    case "text": {
      const parsed = parseVietnameseNumber(content.text, { percent });
      if (parsed.ok) return { ok: true, value: parsed.value };
      const body = content.text.replace(/\s?%$/, "");
      if (parsed.code === "ambiguous" && /^[+-]?\d{1,3}[.,]\d{3}$/.test(body)) {
        const asDecimal = Number(body.replace(",", "."));
        const whole = Number(body.replace(/[.,]/, ""));
        const unit = percent ? "%" : "";
        return {
          ok: false,
          message: {
            vi: `Ô ${address}: «${content.text}» trong cột ${percent ? "%" : `«${column}»`}: ${viDecimal(asDecimal)}${unit} hay ${whole}${unit}? Hãy nhập rõ, ví dụ ${viDecimal(asDecimal)} hoặc ${whole}.`,
            en: `Cell ${address}: «${content.text}» in the ${percent ? "%" : `«${column}»`} column: ${asDecimal}${unit} or ${whole}${unit}? Type it unambiguously, e.g. ${viDecimal(asDecimal)} or ${whole}.`,
          },
        };
      }
      return {
        ok: false,
        message: {
          vi: `Ô ${address} (cột «${column}»): ${parsed.messageVi}`,
          en: `Cell ${address} («${column}» column): ${parsed.messageEn}`,
        },
      };
    }
  }
}
