import "server-only";
import { getDb } from "@/db";
import { listReturnedMonths } from "@/db/queries/workflow";
import { can, type ProvinceAction, roleMay } from "@/lib/permissions";
import { cachedSubmittedMonths } from "./attainment-cache";
import { provinceAndPredecessors } from "./province-scope";
import type { CurrentUser } from "./session";

/** The units of the user's province (with its former units) where they may do `action`. */
async function provincesWhere(user: CurrentUser, action: ProvinceAction) {
  if (!user.provinceId || !roleMay(user.role, action)) return [];
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  const reach = await provinceAndPredecessors(user.provinceId);
  return reach.filter((p) => can(actor, action, p));
}

/** How many months wait for this leader's decision: the count beside Duyệt in the menu. */
export async function pendingReviewCount(user: CurrentUser): Promise<number> {
  const provinces = await provincesWhere(user, "approve");
  if (!user.provinceId || provinces.length === 0) return 0;
  return cachedSubmittedMonths(
    getDb(),
    user.provinceId,
    provinces.map((p) => p.id),
  );
}

/** The months returned to this person's province for changes: what the staff's home tells them first. */
export async function returnedMonthsFor(user: CurrentUser) {
  const provinces = await provincesWhere(user, "submit");
  // Not cached: it names who returned each month, and a changed name bumps no data version.
  const months = await listReturnedMonths(
    getDb(),
    provinces.map((p) => p.id),
  );
  return months.map((m) => ({ ...m, province: provinces.find((p) => p.id === m.provinceId) ?? null }));
}
