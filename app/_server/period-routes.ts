import "server-only";
import { z } from "zod";
import type { Transition } from "@/lib/workflow";
import { transitionRule } from "@/lib/workflow";
import { apiWrite } from "./guard";
import { monthSchema, runTransition, transitionBodySchema } from "./month";

const input = z.object({ id: z.string().min(1).max(16), period: monthSchema });

/** `POST /provinces/{id}/periods/{period}/{transition}`: the permission is the transition's own. */
export function transitionRoute(transition: Transition) {
  return apiWrite(
    {
      input,
      body: transitionBodySchema,
      permission: { action: transitionRule(transition).permission, province: (i) => i.id },
    },
    (ctx) => runTransition(ctx, ctx.input.id, ctx.input.period, transition, ctx.body),
  );
}
