import { z } from "zod";
import { createAccount, listManagedAccounts } from "@/app/_server/accounts";
import { apiRead, apiWrite } from "@/app/_server/guard";
import { newAccountSchema } from "@/lib/account-input";
import { toApiUser } from "./serialize";

// Which accounts, and which roles, is decided per account by lib/account-rules.ts (app/_server/accounts.ts).
const permission = { action: "manage_users", anyProvince: true } as const;

export const GET = apiRead(
  { input: z.object({ province: z.string().trim().min(1).max(16).optional() }), permission },
  async ({ db, user, input }) => (await listManagedAccounts(db, user, input.province ?? null)).map(toApiUser),
);

export const POST = apiWrite(
  { input: z.object({}), body: z.strictObject(newAccountSchema.shape), permission },
  async (ctx) => {
    const { account, temporaryPassword } = await createAccount(ctx, ctx.body);
    return Response.json({ user: toApiUser(account), temporaryPassword }, { status: 201 });
  },
);
