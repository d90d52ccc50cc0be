/**
 * A province-month on the submission board: its status (missing when nothing was ever entered)
 * and how it stands against its due date. Pure, no I/O.
 */
import { daysBetween, lateDays } from "./calendar";

export const BOARD_STATUSES = ["missing", "draft", "submitted", "approved", "returned"] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export type BoardInput = {
  /** The workflow status row, if the month has one. */
  status: "draft" | "submitted" | "approved" | "returned" | null;
  /** Whether any figure of the month was entered. */
  hasFigures: boolean;
  /** The first time the month was submitted (a seeded approval has none). */
  submittedAt: Date | null;
  /** The last approval, when the month is approved. */
  approvedAt: Date | null;
  due: string;
};

export type BoardCell = {
  status: BoardStatus;
  submittedAt: Date | null;
  approvedAt: Date | null;
  due: string;
  /**
   * Days late: of the first submission when there was one; for a month not yet submitted and past
   * its due date, the days overdue so far; 0 on time; null when unknown (seeded history).
   */
  lateDays: number | null;
  /**
   * True while nothing has reached the leaders and the due date is past (missing or draft). A
   * returned month was sent: its lateness is the submission's, and the return told the staff.
   */
  overdue: boolean;
};

export function boardCell(input: BoardInput, today: string): BoardCell {
  const status: BoardStatus =
    input.status && input.status !== "draft"
      ? input.status
      : input.status === "draft" || input.hasFigures
        ? "draft"
        : "missing";
  const outstanding = status === "missing" || status === "draft" || status === "returned";
  const pastDue = daysBetween(input.due, today) > 0;
  let late: number | null = null;
  if (input.submittedAt) late = lateDays(input.due, input.submittedAt);
  else if (outstanding) late = pastDue ? daysBetween(input.due, today) : 0;
  return {
    status,
    submittedAt: input.submittedAt,
    approvedAt: input.approvedAt,
    due: input.due,
    lateDays: late,
    overdue: !input.submittedAt && outstanding && pastDue,
  };
}
