import { z } from "zod";
import { changeAccount } from "@/app/_server/accounts";
import { apiWrite } from "@/app/_server/guard";
import { accountChangeSchema } from "@/lib/account-input";
import { toApiUser } from "../serialize";

export const PATCH = apiWrite(
  {
    input: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
    body: accountChangeSchema,
    permission: { action: "manage_users", anyProvince: true },
  },
  async (ctx) => {
    const { account, changed, temporaryPassword } = await changeAccount(ctx, ctx.input.id, ctx.body);
    return {
      user: toApiUser(account),
      changed,
      ...(temporaryPassword ? { temporaryPassword } : {}),
    };
  },
);
