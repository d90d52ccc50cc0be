import "server-only";
import { z } from "zod";
import {
  deleteReportSettings,
  insertReportSettings,
  listReportSettings,
  lockReportSettings,
  type SettingsWrite,
  updateReportSettings,
} from "@/db/queries/reports";
import { AppError, errors } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { overlaps, type ReportSettingsRow } from "@/lib/report-settings";
import type { WriteContext } from "./guard";
import { isoDateSchema } from "./reports";

/**
 * A province's report settings, edited by its admin: the names, signer and recipients a report
 * prints, each set valid between two dates. Ranges of one province may not overlap, so a report's
 * date always picks one. Every change is audited.
 */

const nfc = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(max, `Tối đa ${max} ký tự / at most ${max} characters`));
const required = (max: number) => nfc(max).pipe(z.string().min(1, "Không được để trống / required"));

export const settingsWriteSchema = z.object({
  provinceId: z.string().min(1).max(16),
  id: z.number().int().positive().optional(),
  version: z.number().int().positive().optional(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  supervisingBody: required(200),
  issuingBody: required(200),
  place: required(100),
  symbol: nfc(40).pipe(
    z
      .string()
      .regex(
        /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u,
        "Ký hiệu viết hoa, các nhóm nối bằng dấu gạch ngang, ví dụ BC-SCT / capitals joined by hyphens, e.g. BC-SCT",
      ),
  ),
  signerAuthority: nfc(100),
  signerTitle: required(100),
  signerName: nfc(100),
  addressees: z.array(required(200)).max(10),
  recipients: z.array(required(200)).max(20),
  draftingUnit: nfc(40),
});
export type SettingsInput = z.infer<typeof settingsWriteSchema>;

export const settingsDeleteSchema = z.object({
  provinceId: z.string().min(1).max(16),
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});

function stale(): AppError {
  return new AppError(
    "conflict",
    "Cài đặt này đã được người khác thay đổi. Tải lại trang để xem bản mới nhất.",
    "Someone else changed these settings. Reload the page to see the latest.",
  );
}

function content(input: SettingsInput): SettingsWrite {
  const { provinceId: _p, id: _i, version: _v, ...rest } = input;
  return rest;
}

/** Saves one validity range of settings (a new one without `id`), refusing overlaps with the others. */
export async function saveSettings(
  ctx: Pick<WriteContext<unknown>, "tx" | "user" | "audit">,
  input: SettingsInput,
): Promise<ReportSettingsRow> {
  const { tx } = ctx;
  if (input.validTo !== null && input.validTo < input.validFrom) {
    const vi = "Ngày hết hiệu lực phải sau ngày bắt đầu.";
    const en = "The end of validity must come after its start.";
    throw new AppError("invalid", vi, en, { validTo: [{ vi, en }] });
  }
  const others = (await listReportSettings(tx, [input.provinceId])).filter((r) => r.id !== input.id);
  const clash = others.find((r) => overlaps(r, input));
  if (clash) {
    const range = `${formatDate(clash.validFrom)}–${clash.validTo ? formatDate(clash.validTo) : "…"}`;
    const vi = `Khoảng hiệu lực trùng với cài đặt ${range}.`;
    const en = `The validity overlaps the settings of ${range}.`;
    throw new AppError("invalid", vi, en, { validFrom: [{ vi, en }] });
  }
  let before: ReportSettingsRow | null = null;
  let saved: ReportSettingsRow | null;
  if (input.id !== undefined) {
    before = await lockReportSettings(tx, input.id);
    if (!before || before.provinceId !== input.provinceId)
      throw errors.notFound("cài đặt báo cáo", "Report settings");
    if (before.version !== input.version) throw stale();
    saved = await updateReportSettings(tx, input.id, before.version, ctx.user.id, content(input));
  } else {
    saved = await insertReportSettings(tx, input.provinceId, ctx.user.id, content(input));
  }
  if (!saved) throw stale();
  await ctx.audit({
    provinceId: input.provinceId,
    action: "report_settings.save",
    entity: "report_settings",
    entityId: String(saved.id),
    before,
    after: saved,
  });
  return saved;
}

export async function deleteSettings(
  ctx: Pick<WriteContext<unknown>, "tx" | "user" | "audit">,
  input: z.infer<typeof settingsDeleteSchema>,
): Promise<{ id: number }> {
  const before = await lockReportSettings(ctx.tx, input.id);
  if (!before || before.provinceId !== input.provinceId)
    throw errors.notFound("cài đặt báo cáo", "Report settings");
  if (before.version !== input.version) throw stale();
  const gone = await deleteReportSettings(ctx.tx, input.id, input.version);
  if (!gone) throw stale();
  await ctx.audit({
    provinceId: input.provinceId,
    action: "report_settings.delete",
    entity: "report_settings",
    entityId: String(input.id),
    before,
    after: null,
  });
  return { id: input.id };
}
