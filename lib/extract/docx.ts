/**
 * The text of a Word report (.docx), for the extractor: paragraphs as lines, read with mammoth
 * after the same checks as an uploaded workbook (a zip of reasonable size that is a Word file).
 */
import mammoth from "mammoth";
import { zipEntries } from "../import/workbook";
import type { Message } from "../validation";

export const MAX_DOCX_BYTES = 5 * 1024 * 1024;
const MAX_DOCX_UNPACKED = 40 * 1024 * 1024;

export class DocxProblem extends Error {
  constructor(readonly problem: Message) {
    super(problem.en);
    this.name = "DocxProblem";
  }
}

export async function readDocxText(bytes: Uint8Array): Promise<string> {
  const refuse = (vi: string, en: string): never => {
    throw new DocxProblem({ vi, en });
  };
  if (bytes.length === 0) refuse("Tệp rỗng.", "The file is empty.");
  if (bytes.length > MAX_DOCX_BYTES)
    refuse("Tệp Word quá lớn (tối đa 5 MB).", "The Word file is too large (at most 5 MB).");
  const entries = bytes[0] === 0x50 && bytes[1] === 0x4b ? zipEntries(bytes) : null;
  if (!entries?.some((e) => e.name === "word/document.xml")) {
    refuse(
      "Tệp không phải là văn bản Word (.docx). Tệp .doc cũ: hãy mở bằng Word và lưu lại dạng .docx.",
      "The file is not a Word document (.docx). For an old .doc, open it in Word and save it as .docx.",
    );
  }
  if ((entries ?? []).reduce((n, e) => n + e.size, 0) > MAX_DOCX_UNPACKED) {
    refuse("Tệp Word quá lớn khi giải nén.", "The Word file is too large once unpacked.");
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value.normalize("NFC");
  } catch {
    return refuse("Tệp Word bị hỏng, không đọc được.", "The Word file is damaged and cannot be read.");
  }
}
