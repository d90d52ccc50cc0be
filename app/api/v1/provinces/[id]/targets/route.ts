import { z } from "zod";
import { apiRead, apiWrite } from "@/app/_server/guard";
import { targetWritesSchema, yearParam } from "@/app/_server/targets";
import { listTargetRevisions, listTargets, saveTargets } from "@/db/queries/targets";

const input = z.object({
  id: z.string().min(1).max(16),
  year: yearParam.optional(),
  history: z.enum(["0", "1", "true", "false"]).optional(),
});

const num = (v: string | null) => (v === null ? null : Number(v));

export const GET = apiRead(
  { input, permission: { action: "read", province: (i) => i.id } },
  async ({ db, input: { id, year, history } }) => {
    const rows = await listTargets(db, id, year);
    const withHistory = history === "1" || history === "true";
    const revisions = withHistory
      ? await listTargetRevisions(
          db,
          rows.map((r) => r.id),
        )
      : [];
    const byTarget = new Map<number, typeof revisions>();
    for (const r of revisions) byTarget.set(r.targetId, [...(byTarget.get(r.targetId) ?? []), r]);
    return rows.map((r) => ({
      indicator: r.indicator,
      year: r.year,
      basis: r.basis,
      value: Number(r.value),
      valueMax: num(r.valueMax),
      bound: r.bound,
      quarter: r.quarter,
      document: r.document,
      version: r.version,
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt,
      ...(withHistory
        ? {
            history: (byTarget.get(r.id) ?? []).map((h) => ({
              version: h.version,
              basis: h.basis,
              value: Number(h.value),
              valueMax: num(h.valueMax),
              bound: h.bound,
              document: h.document,
              updatedBy: h.updatedBy,
              updatedAt: h.updatedAt,
            })),
          }
        : {}),
    }));
  },
);

/** Saves targets: one transaction, all or nothing; a stale version is 409, invalid values 422 by field. */
export const PUT = apiWrite(
  {
    input: z.object({ id: z.string().min(1).max(16) }),
    body: z.object({ targets: targetWritesSchema }),
    permission: { action: "edit_targets", province: (i) => i.id },
  },
  async ({ tx, user, input, body }) => ({ targets: await saveTargets(tx, input.id, user.id, body.targets) }),
);
