"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { figureWritesSchema } from "@/app/_server/month";
import { saveFigures } from "@/db/queries/figure-writes";

/** Saves the figures a person confirmed from a report's text: the sheet's save path, its audit rows marked `text`. */
export const saveExtractedAction = serverAction(
  {
    schema: z.object({ provinceId: z.string().min(1).max(16), figures: figureWritesSchema }),
    permission: { action: "enter_figures", province: (i) => i.provinceId },
    revalidate: ["/entry"],
  },
  ({ tx, user, input }) => saveFigures(tx, input.provinceId, user.id, input.figures, { source: "text" }),
);
