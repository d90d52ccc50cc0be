import { z } from "zod";
import { apiWrite } from "@/app/_server/guard";
import { copyTargetsFromLastYear } from "@/db/queries/targets";

/** Copies last year's targets into `year` for the indicators without one: the page's "copy" button. */
export const POST = apiWrite(
  {
    input: z.object({ id: z.string().min(1).max(16) }),
    body: z.object({ year: z.number().int().min(2001).max(2100) }),
    permission: { action: "edit_targets", province: (i) => i.id },
  },
  async ({ tx, user, input, body }) => ({
    targets: await copyTargetsFromLastYear(tx, input.id, body.year, user.id),
  }),
);
