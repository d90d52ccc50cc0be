"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { setAccountActive } from "@/db/queries/accounts";
import { getUserById } from "@/db/queries/users";
import { AppError, errors } from "@/lib/errors";

export const setAccountActiveAction = serverAction(
  {
    schema: z.object({
      userId: z.coerce.number().int().positive(),
      active: z.enum(["true", "false"]).transform((v) => v === "true"),
    }),
    // The account's own province decides: a province admin reaches only their province's accounts.
    permission: {
      action: "manage_users",
      province: async (input, db) => (await getUserById(db, input.userId))?.provinceId ?? null,
    },
    revalidate: ["/admin"],
  },
  async ({ tx, user, input, audit }) => {
    if (input.userId === user.id && !input.active) {
      throw new AppError(
        "invalid",
        "Bạn không thể tự khóa tài khoản của mình.",
        "You cannot deactivate your own account.",
      );
    }
    const change = await setAccountActive(tx, input.userId, input.active);
    if (!change) throw errors.notFound("tài khoản", "Account");
    await audit({
      action: input.active ? "user.activate" : "user.deactivate",
      entity: "user",
      entityId: String(input.userId),
      provinceId: change.before.provinceId,
      before: { active: change.before.active },
      after: { active: change.after.active },
    });
    return { userId: input.userId, active: change.after.active };
  },
);
