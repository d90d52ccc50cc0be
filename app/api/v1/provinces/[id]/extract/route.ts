import type { NextRequest } from "next/server";
import { z } from "zod";
import { extractBodySchema, extractForProvince } from "@/app/_server/extract";
import { apiForm, apiWrite } from "@/app/_server/guard";
import { monthSchema } from "@/app/_server/month";
import type { Province } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DocxProblem, MAX_DOCX_BYTES, readDocxText } from "@/lib/extract/docx";

const input = z.object({ id: z.string().min(1).max(16) });
const permission = { action: "enter_figures" as const, province: (i: { id: string }) => i.id };

/** `{"text": "…", "period": "2024-01"}` → the figures the text states and the sentences not understood. */
const fromJson = apiWrite({ input, body: extractBodySchema, permission }, ({ tx, province, body }) =>
  extractForProvince(tx, province as Province, body.text, body.period),
);

/** A Word report (multipart `file`, `period`): its text, then the same answer, with the text read. */
const fromDocx = apiForm(
  { input, permission, maxBytes: MAX_DOCX_BYTES + 256 * 1024 },
  async ({ tx, province, form }) => {
    const file = form.get("file");
    const period = monthSchema.safeParse(String(form.get("period") ?? ""));
    if (!period.success) {
      throw new AppError("invalid", "Tháng không hợp lệ (ví dụ 2024-02).", "Invalid month (e.g. 2024-02).", {
        period: [{ vi: "Tháng dạng 2024-02", en: "A month as 2024-02" }],
      });
    }
    if (!(file instanceof File)) {
      throw new AppError("bad_request", "Thiếu tệp (trường «file»).", "No file (field «file»).", {
        file: [{ vi: "Bắt buộc", en: "Required" }],
      });
    }
    let text: string;
    try {
      text = await readDocxText(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      if (e instanceof DocxProblem)
        throw new AppError("invalid", e.problem.vi, e.problem.en, { file: [e.problem] });
      throw e;
    }
    return { text, ...(await extractForProvince(tx, province as Province, text, period.data)) };
  },
);

export function POST(request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) {
  const type = request.headers.get("content-type") ?? "";
  return type.toLowerCase().startsWith("multipart/form-data")
    ? fromDocx(request, context)
    : fromJson(request, context);
}
