import "server-only";
import type { Db } from "@/db";
import { getProvince, getProvinceWithPredecessors } from "@/db/queries/reference";
import { errors } from "@/lib/errors";
import { can, roleMay } from "@/lib/permissions";
import type { CurrentUser } from "./session";

/**
 * Whose audit log a caller sees, for the page and its CSV download alike: a province admin, their
 * province and the former units it took over; a system admin, every province (or the one asked
 * for, with its predecessors). Null means every entry, including those of no province.
 */
export async function auditScope(
  db: Db,
  user: CurrentUser,
  requested: string | undefined,
): Promise<string[] | null> {
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  if (!roleMay(user.role, "view_audit")) throw errors.forbidden();
  const anchor = requested ?? user.provinceId;
  if (!anchor) return null;
  const province = await getProvince(db, anchor);
  if (!province) throw errors.notFound("tỉnh", "Province");
  if (!can(actor, "view_audit", province)) throw errors.forbidden();
  const reach = await getProvinceWithPredecessors(db, province.id);
  return reach.filter((p) => can(actor, "view_audit", p)).map((p) => p.id);
}
