import { z } from "zod";
import { apiRead, apiWrite } from "@/app/_server/guard";
import { figureWritesSchema } from "@/app/_server/month";
import { periodSchema } from "@/app/_server/period-schema";
import { saveFigures } from "@/db/queries/figure-writes";
import { listFigureRevisions, listFigures } from "@/db/queries/figures";

const input = z.object({
  id: z.string().min(1).max(16),
  period: periodSchema.optional(),
  indicator: z.string().min(1).max(32).optional(),
  history: z.enum(["0", "1", "true", "false"]).optional(),
});

export const GET = apiRead(
  { input, permission: { action: "read", province: (i) => i.id } },
  async ({ db, input: { id, period, indicator, history } }) => {
    const rows = await listFigures(db, id, { period, indicator });
    const withHistory = history === "1" || history === "true";
    const revisions = withHistory
      ? await listFigureRevisions(
          db,
          rows.map((r) => r.id),
        )
      : [];
    const byFigure = new Map<number, typeof revisions>();
    for (const r of revisions) byFigure.set(r.figureId, [...(byFigure.get(r.figureId) ?? []), r]);
    return rows.map(({ id: figureId, ...r }) => ({
      indicator: r.indicator,
      period: r.period,
      measure: r.measure,
      value: Number(r.value),
      vintage: r.vintage,
      note: r.note,
      status: r.status,
      version: r.version,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt,
      ...(withHistory
        ? {
            history: (byFigure.get(figureId) ?? []).map((h) => ({
              version: h.version,
              value: Number(h.value),
              vintage: h.vintage,
              note: h.note,
              enteredBy: h.enteredBy,
              enteredAt: h.enteredAt,
            })),
          }
        : {}),
    }));
  },
);

/** Saves drafts: one transaction, all or nothing; a stale version is 409, a locked month 423. */
export const PUT = apiWrite(
  {
    input: z.object({ id: z.string().min(1).max(16) }),
    body: z.object({ figures: figureWritesSchema }),
    permission: { action: "enter_figures", province: (i) => i.id },
  },
  async ({ tx, user, input, body }) => ({ figures: await saveFigures(tx, input.id, user.id, body.figures) }),
);
