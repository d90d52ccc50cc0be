"use server";

import { z } from "zod";
import { serverAction } from "@/app/_server/guard";
import { figureWritesSchema, monthSchema, runTransition, transitionBodySchema } from "@/app/_server/month";
import { saveFigures } from "@/db/queries/figure-writes";
import { type Transition, transitionRule } from "@/lib/workflow";

const provinceId = z.string().min(1).max(16);

/** Saves figures typed on the sheet: the same function, checks and audit as `PUT /figures`. */
export const saveFiguresAction = serverAction(
  {
    schema: z.object({ provinceId, figures: figureWritesSchema }),
    permission: { action: "enter_figures", province: (i) => i.provinceId },
  },
  ({ tx, user, input }) => saveFigures(tx, input.provinceId, user.id, input.figures),
);

const transitionSchema = transitionBodySchema.extend({ provinceId, month: monthSchema });

function transitionAction(transition: Transition) {
  return serverAction(
    {
      schema: transitionSchema,
      permission: { action: transitionRule(transition).permission, province: (i) => i.provinceId },
      revalidate: ["/entry", "/review"],
    },
    (ctx) => runTransition(ctx, ctx.input.provinceId, ctx.input.month, transition, ctx.input),
  );
}

export const submitMonthAction = transitionAction("submit");
export const approveMonthAction = transitionAction("approve");
export const returnMonthAction = transitionAction("return");
export const reopenMonthAction = transitionAction("reopen");
