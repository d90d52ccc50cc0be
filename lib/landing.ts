/**
 * Where a person lands after signing in (the home page, `/`). Pure: one small decision, so that
 * another landing replaces it in one place.
 */
import { type Actor, can } from "./permissions";

/**
 * The page a person's home sends them to, or null to stay on their province's overview. A
 * nationwide reader belongs to no province, so an overview of one would be an arbitrary
 * province's (often empty) table: they land on the submission board (issue 13), which says which
 * province sent what; before the board existed, on the province comparison (`/national`, which
 * opens on the latest approved month: `defaultComparisonPeriod`).
 */
export function landingPath(actor: Actor): string | null {
  if (actor.provinceId === null && can(actor, "read_national")) return "/submissions";
  return null;
}

/**
 * The period the province comparison opens on when none is asked for: the latest month some
 * province has approved, so the first table is of final figures; else the latest month with any.
 */
export function defaultComparisonPeriod(
  latestApprovedMonth: string | null,
  latestFigureMonth: string | null,
): string | null {
  return latestApprovedMonth ?? latestFigureMonth;
}
