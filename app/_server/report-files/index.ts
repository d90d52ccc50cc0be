import "server-only";
import type { ReportView } from "@/lib/report-view";
import { reportDocx } from "./docx";
import { reportHtml } from "./html";
import { htmlToPdf } from "./pdf";
import { reportXlsx } from "./xlsx";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** A report as a file: the PDF printed from the page's own HTML, the Word document, the Excel appendix. */
export async function renderReportFile(
  view: ReportView,
  format: keyof typeof CONTENT_TYPES,
): Promise<{ content: Uint8Array; contentType: string }> {
  const content =
    format === "pdf"
      ? await htmlToPdf(reportHtml(view))
      : format === "docx"
        ? await reportDocx(view)
        : await reportXlsx([view]);
  return { content, contentType: CONTENT_TYPES[format] };
}
