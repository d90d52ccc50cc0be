"use server";

import { z } from "zod";
import { changeAccount, createAccount } from "@/app/_server/accounts";
import { serverAction } from "@/app/_server/guard";
import { newAccountSchema, roleSchema } from "@/lib/account-input";

// Which accounts a caller may touch, and with which roles, is decided per account inside the
// transaction (app/_server/accounts.ts → lib/account-rules.ts); the guard lets in only those whose
// role manages accounts somewhere.
const accounts = { action: "manage_users", anyProvince: true } as const;

export const createAccountAction = serverAction(
  { schema: newAccountSchema, permission: accounts, revalidate: ["/admin"] },
  async (ctx) => {
    const { account, temporaryPassword } = await createAccount(ctx, ctx.input);
    return { username: account.username, displayName: account.displayName, temporaryPassword };
  },
);

const userId = z.coerce.number().int().positive();

export const setAccountActiveAction = serverAction(
  {
    schema: z.object({ userId, active: z.enum(["true", "false"]).transform((v) => v === "true") }),
    permission: accounts,
    revalidate: ["/admin"],
  },
  async (ctx) => {
    const { account } = await changeAccount(ctx, ctx.input.userId, { active: ctx.input.active });
    return { userId: account.id, active: account.active };
  },
);

export const changeRoleAction = serverAction(
  { schema: z.object({ userId, role: roleSchema }), permission: accounts, revalidate: ["/admin"] },
  async (ctx) => {
    const { account } = await changeAccount(ctx, ctx.input.userId, { role: ctx.input.role });
    return { userId: account.id, role: account.role };
  },
);

export const resetPasswordAction = serverAction(
  { schema: z.object({ userId }), permission: accounts, revalidate: ["/admin"] },
  async (ctx) => {
    const { account, temporaryPassword } = await changeAccount(ctx, ctx.input.userId, {
      resetPassword: true,
    });
    return { username: account.username, temporaryPassword };
  },
);
