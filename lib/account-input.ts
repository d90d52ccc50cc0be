/**
 * The shape of account input, shared by the pages' forms and the API: what a username, a display
 * name and a role may be. Messages are in both languages (`bilingual`); a form shows its reader's.
 */
import { z } from "zod";
import { bilingual } from "./errors";
import { ROLES } from "./permissions";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, bilingual("Tên đăng nhập cần ít nhất 3 ký tự.", "At least 3 characters."))
  .max(64, bilingual("Tên đăng nhập tối đa 64 ký tự.", "At most 64 characters."))
  .regex(
    /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/,
    bilingual(
      "Chỉ dùng chữ không dấu, số và dấu . _ - (không ở đầu hay cuối), ví dụ laocai.nguyenvana.",
      "Only letters without accents, digits and . _ - (not first or last), e.g. laocai.nguyenvana.",
    ),
  );

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, bilingual("Nhập họ tên.", "Enter a name."))
  .max(120, bilingual("Tối đa 120 ký tự.", "At most 120 characters."));

export const roleSchema = z.enum(ROLES, {
  error: bilingual(
    `Vai trò không hợp lệ; chọn một trong: ${ROLES.join(", ")}.`,
    `Unknown role; one of: ${ROLES.join(", ")}.`,
  ),
});

/** A province id, or nothing ("" from a form counts as nothing). */
export const optionalProvinceSchema = z
  .string()
  .trim()
  .max(16)
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

export const newAccountSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  provinceId: optionalProvinceSchema,
});
export type NewAccountInput = z.infer<typeof newAccountSchema>;

/** An administrator's change to an account: any of the three, at least one. */
export const accountChangeSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    resetPassword: z
      .literal(true, { error: bilingual("resetPassword chỉ nhận true.", "resetPassword takes only true.") })
      .optional(),
  })
  .strict()
  .refine((c) => c.role !== undefined || c.active !== undefined || c.resetPassword !== undefined, {
    message: bilingual(
      "Cần ít nhất một thay đổi: role, active hoặc resetPassword.",
      "Nothing to change: give role, active or resetPassword.",
    ),
  });
export type AccountChangeInput = z.infer<typeof accountChangeSchema>;

export const ownPasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, bilingual("Nhập mật khẩu hiện tại.", "Enter your current password."))
      .max(256, bilingual("Tối đa 256 ký tự.", "At most 256 characters.")),
    newPassword: z.string().max(1000, bilingual("Tối đa 256 ký tự.", "At most 256 characters.")),
    confirmPassword: z.string().max(1000),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: bilingual("Hai lần nhập mật khẩu mới không khớp.", "The new passwords do not match."),
    path: ["confirmPassword"],
  });
