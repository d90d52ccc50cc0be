"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { targetWritesSchema } from "@/app/_server/targets";
import { copyTargetsFromLastYear, saveTargets } from "@/db/queries/targets";

const provinceId = z.string().min(1).max(16);

/** Saves the targets edited on the page: the same function, checks and audit as `PUT /targets`. */
export const saveTargetsAction = serverAction(
  {
    schema: z.object({ provinceId, targets: targetWritesSchema }),
    permission: { action: "edit_targets", province: (i) => i.provinceId },
    revalidate: ["/targets"],
  },
  ({ tx, user, input }) => saveTargets(tx, input.provinceId, user.id, input.targets),
);

/** Copies last year's targets as a start, for the indicators with none this year. */
export const copyTargetsAction = serverAction(
  {
    schema: z.object({ provinceId, year: z.coerce.number().int().min(2001).max(2100) }),
    permission: { action: "edit_targets", province: (i) => i.provinceId },
    revalidate: ["/targets"],
  },
  ({ tx, user, input }) => copyTargetsFromLastYear(tx, input.provinceId, input.year, user.id),
);
