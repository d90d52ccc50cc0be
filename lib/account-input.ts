/**
 * The shape of account input, shared by the pages' forms and the API: what a username, a display
 * name and a role may be. Messages are "Vietnamese / English", as the forms show them.
 */
import { z } from "zod";
import { ROLES } from "./permissions";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập cần ít nhất 3 ký tự / at least 3 characters")
  .max(64, "Tên đăng nhập tối đa 64 ký tự / at most 64 characters")
  .regex(
    /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/,
    "Chỉ dùng chữ không dấu, số và dấu . _ - (không ở đầu hay cuối), ví dụ laocai.nguyenvana / letters without accents, digits and . _ -",
  );

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Nhập họ tên / enter a name")
  .max(120, "Tối đa 120 ký tự / at most 120 characters");

export const roleSchema = z.enum(ROLES, {
  error: `Vai trò không hợp lệ; chọn một trong: ${ROLES.join(", ")} / unknown role`,
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
    resetPassword: z.literal(true, { error: "resetPassword chỉ nhận true / only true" }).optional(),
  })
  .strict()
  .refine((c) => c.role !== undefined || c.active !== undefined || c.resetPassword !== undefined, {
    message: "Cần ít nhất một thay đổi: role, active hoặc resetPassword / nothing to change",
  });
export type AccountChangeInput = z.infer<typeof accountChangeSchema>;

export const ownPasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Nhập mật khẩu hiện tại / enter your current password")
      .max(256, "Tối đa 256 ký tự / at most 256 characters"),
    newPassword: z.string().max(1000, "Tối đa 256 ký tự / at most 256 characters"),
    confirmPassword: z.string().max(1000),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "Hai lần nhập mật khẩu mới không khớp / the new passwords do not match",
    path: ["confirmPassword"],
  });
