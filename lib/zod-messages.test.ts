import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, bilingual, errorBody, inLocale } from "./errors";
import { zodFieldErrors, zodFieldMessages } from "./zod-messages";

const schema = z.object({
  name: z.string().min(3, bilingual("Cần ít nhất 3 ký tự.", "At least 3 characters.")),
  count: z.number(),
});

describe("messages in one language each", () => {
  it("splits our own messages and gives zod's defaults their Vietnamese", () => {
    const parsed = schema.safeParse({ name: "a", count: "nhiều" }, { reportInput: true });
    if (parsed.success) throw new Error("expected a failure");
    const fields = zodFieldErrors(parsed.error);
    expect(fields.name).toEqual([{ vi: "Cần ít nhất 3 ký tự.", en: "At least 3 characters." }]);
    expect(fields.count[0].en).toMatch(/^Invalid input: expected number/);
    expect(fields.count[0].vi).toMatch(/^Đầu vào không hợp lệ: mong đợi số/);
    expect(zodFieldMessages(parsed.error, "vi").name).toEqual(["Cần ít nhất 3 ký tự."]);
  });

  it("sends fields in Vietnamese and fieldsEn in English; a page picks the reader's", () => {
    const e = new AppError("invalid", "Dữ liệu không hợp lệ.", "Invalid input.", {
      reason: [{ vi: "Bắt buộc.", en: "Required." }],
    });
    const body = errorBody(e).error;
    expect(body.fields).toEqual({ reason: ["Bắt buộc."] });
    expect(body.fieldsEn).toEqual({ reason: ["Required."] });
    expect(inLocale(body, "en")).toEqual({ message: "Invalid input.", fields: { reason: ["Required."] } });
    expect(inLocale(body, "vi")).toEqual({
      message: "Dữ liệu không hợp lệ.",
      fields: { reason: ["Bắt buộc."] },
    });
  });
});
