"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { AppError } from "@/lib/errors";

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
