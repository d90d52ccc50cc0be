import { z } from "zod";
import { apiWrite } from "@/app/_server/guard";
import { markRead } from "@/db/queries/notifications";

/** Marks the caller's notifications read: `{ids: [...]}`, or all of them with `{}`. */
export const POST = apiWrite(
  {
    input: z.object({}),
    body: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }),
    permission: { self: true },
  },
  async ({ tx, user, body }) => ({ marked: await markRead(tx, user.id, body.ids, new Date()) }),
);
