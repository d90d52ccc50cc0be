import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { listProvinces } from "@/db/queries/reference";
import type { Province } from "@/db/schema";
import { can, type ProvinceAction } from "@/lib/permissions";
import { cachedProvinceWithPredecessors } from "./attainment-cache";
import type { CurrentUser } from "./session";

/**
 * A province and its former units, read once per request (React `cache`) — the layout, the page and
 * the workflow notices all ask for the signed-in user's — and kept at the province's data version.
 */
export const provinceAndPredecessors = cache((id: string) => cachedProvinceWithPredecessors(getDb(), id));

export type ProvinceScope =
  | { allowed: true; province: Province; options: Province[] }
  | { allowed: false; options: Province[] };

/**
 * Which province a page shows: the one asked for in `?province=` if the user may do `action` there, else the
 * user's own. Options are what the user may switch to: their province and its predecessors, or
 * every unit for nationwide roles.
 */
export async function resolveProvince(
  user: CurrentUser,
  requested: string | undefined,
  action: ProvinceAction = "read",
): Promise<ProvinceScope> {
  const db = getDb();
  const options = user.provinceId ? await provinceAndPredecessors(user.provinceId) : await listProvinces(db);
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  if (requested) {
    const all = options.some((p) => p.id === requested) ? options : await listProvinces(db);
    const province = all.find((p) => p.id === requested);
    if (!province || !can(actor, action, province)) return { allowed: false, options };
    return { allowed: true, province, options };
  }
  const fallback =
    options.find((p) => p.id === user.provinceId) ?? options.find((p) => !p.validTo) ?? options[0];
  return fallback ? { allowed: true, province: fallback, options } : { allowed: false, options };
}
