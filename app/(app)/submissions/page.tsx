import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { boardProvinces, vnToday } from "@/app/_server/submissions";
import { SubmissionCell } from "@/components/submissions/submission-cell";
import { NotAllowed } from "@/components/ui/not-allowed";
import { WhatsNew } from "@/components/whats-new/whats-new";
import { getDb } from "@/db";
import { getSubmissionBoard } from "@/db/queries/submissions";
import { lastMonths, lastReportableMonth } from "@/lib/calendar";
import type { Locale } from "@/lib/format";
import { parsePeriod } from "@/lib/periods";
import { BOARD_STATUSES, type BoardStatus } from "@/lib/submissions";

export const generateMetadata = pageTitle("submissions.title");

/**
 * The submission board: the current provinces × the last 12 months, each cell's status and
 * lateness; filtered by the status of one month, or to the late ones; downloadable as CSV.
 */
export default async function SubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string; status?: string; late?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const db = getDb();
  const provinces = await boardProvinces(db, user);
  if (!provinces) return <NotAllowed />;
  const today = vnToday();
  const months = lastMonths(lastReportableMonth(today), 12);
  const month =
    parsePeriod(params.month ?? "")?.kind === "month" && months.includes(params.month as string)
      ? (params.month as string)
      : months[0];
  const status = BOARD_STATUSES.includes(params.status as BoardStatus)
    ? (params.status as BoardStatus)
    : null;
  const onlyLate = params.late === "1";
  const [t, locale, board] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    getSubmissionBoard(db, provinces, months, today),
  ]);
  const rows = board.filter((r) => {
    const cell = r.cells[month];
    if (status && cell.status !== status) return false;
    if (onlyLate && !(cell.lateDays && cell.lateDays > 0)) return false;
    return true;
  });
  const counts = Object.fromEntries(
    BOARD_STATUSES.map((s) => [s, board.filter((r) => r.cells[month].status === s).length]),
  ) as Record<BoardStatus, number>;
  const name = (p: { nameVi: string; nameEn: string }) => (locale === "en" ? p.nameEn : p.nameVi);
  const monthText = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;
  const national = provinces.length > 1;
  const exportHref = `/submissions/export?month=${month}`;

  return (
    <section className="space-y-4">
      {national && <WhatsNew user={user} />}
      <div>
        <h1 className="text-2xl font-semibold">{t("submissions.title")}</h1>
        <p className="text-slate-600">{national ? t("submissions.intro") : t("submissions.ownIntro")}</p>
      </div>
      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col gap-1">
          {t("submissions.month")}
          <select name="month" defaultValue={month} className="rounded border border-slate-300 px-2 py-1">
            {months.map((m) => (
              <option key={m} value={m}>
                {monthText(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("submissions.statusFilter")}
          <select
            name="status"
            defaultValue={status ?? ""}
            className="rounded border border-slate-300 px-2 py-1"
            data-testid="status-filter"
          >
            <option value="">{t("submissions.all")}</option>
            {BOARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`submissions.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="late" value="1" defaultChecked={onlyLate} />
          {t("submissions.onlyLate")}
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-800">
          {t("submissions.apply")}
        </button>
        <a
          href={exportHref}
          className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          download
        >
          {t("submissions.download")}
        </a>
      </form>
      <p className="text-sm text-slate-700" data-testid="board-summary">
        {t("submissions.summary", { month: monthText(month), ...counts })} ·{" "}
        {t("submissions.count", { shown: rows.length, total: board.length })}
      </p>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-xs" data-testid="submission-board">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="sticky left-0 bg-slate-100 px-2 py-2">{t("submissions.province")}</th>
              {months.map((m) => (
                <th
                  key={m}
                  className={`px-2 py-2 text-center ${m === month ? "bg-brand-50" : ""}`}
                  scope="col"
                >
                  <Link href={`/submissions?month=${m}`} className="hover:underline">
                    {monthText(m)}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.province.id} className="border-t border-slate-100" data-province={r.province.id}>
                <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                  {name(r.province)}
                </th>
                {months.map((m) => (
                  <td key={m} className="px-1 py-1 text-center" data-month={m}>
                    <SubmissionCell cell={r.cells[m]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
