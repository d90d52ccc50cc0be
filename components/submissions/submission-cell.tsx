import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/calendar";
import { formatDateTime } from "@/lib/format";
import type { BoardCell, BoardStatus } from "@/lib/submissions";

const STYLE: Record<BoardStatus, { icon: string; className: string }> = {
  missing: { icon: "–", className: "bg-slate-100 text-slate-700 border-slate-300" },
  draft: { icon: "✎", className: "bg-sky-50 text-sky-900 border-sky-300" },
  submitted: { icon: "⧗", className: "bg-amber-50 text-amber-900 border-amber-300" },
  approved: { icon: "✓", className: "bg-emerald-100 text-emerald-900 border-emerald-300" },
  returned: { icon: "↩", className: "bg-red-50 text-red-900 border-red-300" },
};

/** A month on the board: the status (icon and word, never colour alone) and its lateness. */
export async function SubmissionCell({ cell }: { cell: BoardCell }) {
  const t = await getTranslations("submissions");
  const { icon, className } = STYLE[cell.status];
  const timing =
    cell.lateDays === null
      ? null
      : cell.overdue
        ? t("overdue", { days: cell.lateDays })
        : cell.lateDays > 0
          ? t("late", { days: cell.lateDays })
          : cell.submittedAt
            ? t("onTime")
            : null;
  const title = [
    `${t("due")}: ${formatDay(cell.due)}`,
    cell.submittedAt ? `${t("submittedAt")}: ${formatDateTime(cell.submittedAt)}` : null,
    cell.approvedAt ? `${t("approvedAt")}: ${formatDateTime(cell.approvedAt)}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <span
      className={`inline-flex flex-col items-center whitespace-nowrap rounded border px-1 py-0.5 ${className}`}
      data-status={cell.status}
      data-late={cell.lateDays ?? ""}
      title={title}
    >
      <span>
        <span aria-hidden="true">{icon}</span> {t(`status.${cell.status}`)}
      </span>
      {timing && <span className={cell.lateDays ? "font-medium text-red-800" : ""}>{timing}</span>}
    </span>
  );
}
