import "server-only";
import type { DbOrTx } from "@/db";
import {
  type BoardRow,
  getSubmissionBoard,
  listCurrentProvinces,
  provinceForBoard,
} from "@/db/queries/submissions";
import { lastMonths, lastReportableMonth, vnDay } from "@/lib/calendar";
import { roleMay } from "@/lib/permissions";
import type { BoardCell } from "@/lib/submissions";
import type { CurrentUser } from "./session";

/** Today in Việt Nam, `YYYY-MM-DD`: the day deadlines are counted against. */
export function vnToday(now = new Date()): string {
  return vnDay(now);
}

/** The board of the 34 current provinces for `months` (default: the last 12 that can be due). */
export async function nationalBoard(db: DbOrTx, months?: string[], today = vnToday()) {
  const list = months ?? lastMonths(lastReportableMonth(today), 12);
  const rows = await getSubmissionBoard(db, await listCurrentProvinces(db), list, today);
  return { months: list, rows, today };
}

/** The months of `year` up to the current one: those a province can have entered. */
export function monthsOfYear(year: number, today = vnToday()): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`).filter(
    (m) => m <= current,
  );
}

/** One cell as the API gives it: dates as ISO strings, the due day as `YYYY-MM-DD`. */
export function cellJson(cell: BoardCell) {
  return {
    status: cell.status,
    submittedAt: cell.submittedAt?.toISOString() ?? null,
    approvedAt: cell.approvedAt?.toISOString() ?? null,
    due: cell.due,
    lateDays: cell.lateDays,
    overdue: cell.overdue,
  };
}

export function rowJson(row: BoardRow, month: string) {
  return { province: row.province.id, name: row.province.nameVi, ...cellJson(row.cells[month]) };
}

/**
 * Whose months a person may see on the board: every current province for national viewers and
 * system admins; their own province for a leader or province admin; nobody else's (null).
 */
export async function boardProvinces(db: DbOrTx, user: CurrentUser) {
  if (roleMay(user.role, "read_national")) return listCurrentProvinces(db);
  if ((user.role === "leader" || user.role === "province_admin") && user.provinceId) {
    const own = await provinceForBoard(db, user.provinceId);
    return own ? [own] : null;
  }
  return null;
}
