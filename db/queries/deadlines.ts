import "server-only";
import { and, count, eq, gte, inArray } from "drizzle-orm";
import { daysBetween, lastMonths, lastReportableMonth, vnDay } from "@/lib/calendar";
import { digestMail } from "@/lib/notify";
import type { DbOrTx } from "../index";
import { figureRevisions, figures, users } from "../schema";
import { mailAddresses, notify, queueMail } from "./notifications";
import { getSubmissionBoard, listCurrentProvinces } from "./submissions";

/** Notify staff this many days (or fewer) before a month is due. */
export const DUE_SOON_DAYS = 3;

/** The Monday (Việt Nam) of the week of `today`: the key of that week's digest. */
export function weekOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The scheduled part of the notifications, run by the worker (and safe to run any number of
 * times: every event has its dedupe key). For the provinces that have people: staff hear of a
 * month due in 3 days or fewer; staff and province admins of one past its due date and not
 * submitted; and each week, leaders get an e-mail digest. Looks at the last three months that can
 * be due, not the whole history.
 */
export async function sweepDeadlines(db: DbOrTx, now: Date, appUrl: string) {
  const today = vnDay(now);
  const months = lastMonths(lastReportableMonth(today), 3);
  const current = await listCurrentProvinces(db);
  const people = await db
    .select({ id: users.id, role: users.role, provinceId: users.provinceId })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, ["staff", "leader", "province_admin"]),
        inArray(
          users.provinceId,
          current.map((p) => p.id),
        ),
      ),
    );
  const withPeople = current.filter((p) => people.some((u) => u.provinceId === p.id));
  const board = await getSubmissionBoard(db, withPeople, months, today);
  let sent = 0;
  for (const row of board) {
    const names = { provinceVi: row.province.nameVi, provinceEn: row.province.nameEn };
    const of = (...roles: string[]) =>
      people.filter((u) => u.provinceId === row.province.id && roles.includes(u.role)).map((u) => u.id);
    for (const [month, cell] of Object.entries(row.cells)) {
      const open = cell.status === "missing" || cell.status === "draft" || cell.status === "returned";
      if (!open) continue;
      const left = daysBetween(today, cell.due);
      const base = { provinceId: row.province.id, period: month };
      if (cell.overdue) {
        sent += (
          await notify(
            db,
            {
              ...base,
              kind: "overdue",
              payload: { ...names, due: cell.due, days: -left },
              dedupeKey: `overdue:${row.province.id}:${month}`,
              recipients: of("staff", "province_admin"),
            },
            appUrl,
          )
        ).length;
      } else if (left <= DUE_SOON_DAYS) {
        sent += (
          await notify(
            db,
            {
              ...base,
              kind: "due_soon",
              payload: { ...names, due: cell.due, days: left },
              dedupeKey: `due_soon:${row.province.id}:${month}`,
              recipients: of("staff"),
            },
            appUrl,
          )
        ).length;
      }
    }
    sent += await queueDigest(db, row, of("leader"), now, today, appUrl);
  }
  return { notified: sent };
}

/** The week's digest e-mail for the province's leaders who have an address (once per week). */
async function queueDigest(
  db: DbOrTx,
  row: Awaited<ReturnType<typeof getSubmissionBoard>>[number],
  leaders: number[],
  now: Date,
  today: string,
  appUrl: string,
): Promise<number> {
  if (leaders.length === 0) return 0;
  const addresses = await mailAddresses(db, leaders);
  if (addresses.length === 0) return 0;
  const [revised] = await db
    .select({ n: count() })
    .from(figureRevisions)
    .innerJoin(figures, eq(figures.id, figureRevisions.figureId))
    .where(
      and(
        eq(figures.provinceId, row.province.id),
        gte(figureRevisions.enteredAt, new Date(now.getTime() - 7 * 86_400_000)),
      ),
    );
  const cells = Object.entries(row.cells);
  const mail = digestMail(
    {
      provinceVi: row.province.nameVi,
      provinceEn: row.province.nameEn,
      waiting: cells.filter(([, c]) => c.status === "submitted").map(([m]) => m),
      overdue: cells.filter(([, c]) => c.overdue).map(([m]) => m),
      revisions: revised?.n ?? 0,
    },
    appUrl,
  );
  const week = weekOf(today);
  return queueMail(db, addresses, mail, "digest", `:digest:${row.province.id}:${week}`);
}
