"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { commitImport } from "@/app/_server/imports";
import type { Province } from "@/db/schema";

/** Confirms a previewed import from the page: the same function, checks and audit as the API's commit. */
export const commitImportAction = serverAction(
  {
    schema: z.object({ provinceId: z.string().min(1).max(16), importId: z.uuid() }),
    permission: { action: "enter_figures", province: (i) => i.provinceId },
    revalidate: ["/entry"],
  },
  (ctx) => commitImport(ctx, ctx.province as Province, ctx.input.importId),
);
