import { z } from "zod";
import { apiWrite } from "@/app/_server/guard";
import { commitImport } from "@/app/_server/imports";
import type { Province } from "@/db/schema";

/**
 * Confirms a previewed import: one transaction through the save path; 409 with the list of figures
 * changed since the file was made, and nothing saved.
 */
export const POST = apiWrite(
  {
    input: z.object({ id: z.string().min(1).max(16), importId: z.uuid() }),
    body: z.object({}).strict(),
    permission: { action: "enter_figures", province: (i) => i.id },
  },
  (ctx) => commitImport(ctx, ctx.province as Province, ctx.input.importId),
);
