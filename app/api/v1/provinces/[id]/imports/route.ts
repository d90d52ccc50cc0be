import { z } from "zod";
import { apiForm } from "@/app/_server/guard";
import { importOptionsSchema, previewImport } from "@/app/_server/imports";
import type { Province } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/import/workbook";
import { zodFieldErrors } from "@/lib/zod-messages";

const input = z.object({ id: z.string().min(1).max(16) });

/**
 * Uploads a filled template (or another sheet, with a mapping) and answers with a preview; nothing
 * is saved but the pending import that `POST …/imports/{importId}/commit` confirms.
 */
export const POST = apiForm(
  {
    input,
    permission: { action: "enter_figures", province: (i) => i.id },
    maxBytes: MAX_UPLOAD_BYTES + 256 * 1024,
  },
  async ({ tx, user, province, form }) => {
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError("bad_request", "Thiếu tệp (trường «file»).", "No file (field «file»).", {
        file: [{ vi: "Bắt buộc", en: "Required" }],
      });
    }
    const options = importOptionsSchema.safeParse(
      Object.fromEntries(
        ["month", "year", "vintage", "sheet", "mapping"].flatMap((k) =>
          form.has(k) ? [[k, String(form.get(k))]] : [],
        ),
      ),
    );
    if (!options.success) {
      throw new AppError(
        "invalid",
        "Tùy chọn nhập không hợp lệ.",
        "Invalid import options.",
        zodFieldErrors(options.error),
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    return previewImport(
      tx,
      user,
      province as Province,
      { name: file.name || "tệp.xlsx", bytes },
      options.data,
    );
  },
);
