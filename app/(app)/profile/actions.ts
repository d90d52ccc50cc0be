"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changeOwnPassword } from "@/app/_server/accounts";
import { type ActionResult, serverAction } from "@/app/_server/guard";
import { clientAddress } from "@/app/(auth)/auth";
import { savePreferences } from "@/db/queries/notifications";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { ownPasswordSchema } from "@/lib/account-input";
import { AppError, bilingual, errorBody } from "@/lib/errors";

const changePassword = serverAction(
  {
    schema: ownPasswordSchema,
    permission: { self: true },
    revalidate: ["/profile"],
    allowedBeforePasswordChange: true,
  },
  async (ctx) => changeOwnPassword(ctx, ctx.input, clientAddress(await headers())),
);

/**
 * Changes the caller's own password. After a temporary one, the person goes on to their province's
 * overview: everything else was closed to them until now.
 */
export async function changePasswordAction(
  previous: unknown,
  payload: FormData,
): Promise<ActionResult<{ wasTemporary: boolean }>> {
  const result = await changePassword(previous, payload);
  if (!result.ok) return result;
  // A wrong current password is an answer, not a throw: its failed attempt had to be kept.
  if (!result.data.ok) return { ok: false, error: errorBody(result.data.error).error };
  if (result.data.wasTemporary) redirect("/");
  return { ok: true, data: { wasTemporary: false } };
}

export const createTokenAction = serverAction(
  {
    schema: z.object({
      name: z
        .string()
        .trim()
        .min(1, "Nhập tên mã / enter a name")
        .max(80, "Tối đa 80 ký tự / at most 80 characters"),
    }),
    permission: { self: true },
    revalidate: ["/profile"],
  },
  async ({ tx, user, input, audit }) => {
    const { secret, token } = await createApiToken(tx, user.id, input.name);
    await audit({
      action: "token.create",
      entity: "api_token",
      entityId: String(token.id),
      after: { name: token.name, prefix: token.prefix, userId: user.id },
    });
    return { secret, name: token.name };
  },
);

export const revokeTokenAction = serverAction(
  {
    schema: z.object({ id: z.coerce.number().int().positive() }),
    permission: { self: true },
    revalidate: ["/profile"],
  },
  async ({ tx, user, input, audit }) => {
    // Only the owner's own, live tokens: another person's token id finds nothing.
    const before = await revokeApiToken(tx, user.id, input.id);
    if (!before) throw new AppError("not_found", "Không tìm thấy mã truy cập.", "Token not found.");
    await audit({
      action: "token.revoke",
      entity: "api_token",
      entityId: String(before.id),
      before: { name: before.name, prefix: before.prefix, revokedAt: null },
      after: { revokedAt: new Date().toISOString() },
    });
    return { id: before.id };
  },
);

/** The caller's e-mail address and opt-out (issue 13); audited as an account change. */
export const saveMailPreferencesAction = serverAction(
  {
    schema: z.object({
      email: z
        .string()
        .trim()
        .max(200)
        .refine(
          (v) => v === "" || z.email().safeParse(v).success,
          bilingual("Địa chỉ thư không hợp lệ.", "Invalid e-mail address."),
        ),
      optOut: z.preprocess((v) => v === "on" || v === true, z.boolean()),
    }),
    permission: { self: true },
    revalidate: ["/profile"],
  },
  async ({ tx, user, input, audit }) => {
    const email = input.email === "" ? null : input.email;
    const before = await savePreferences(tx, user.id, { email, emailOptOut: input.optOut });
    await audit({
      action: "user.mail_preferences",
      entity: "user",
      entityId: String(user.id),
      before: { email: before.email, emailOptOut: before.emailOptOut },
      after: { email, emailOptOut: input.optOut },
    });
    return { email, optOut: input.optOut };
  },
);
