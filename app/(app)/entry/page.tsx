import { getLocale, getTranslations } from "next-intl/server";
import { loadSheet } from "@/app/_server/month";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { MonthSheet } from "@/components/entry/month-sheet";
import { WorkflowPanel } from "@/components/entry/workflow-panel";
import { EntryTools } from "@/components/import/entry-tools";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { monthDueDate } from "@/db/queries/calendar";
import { latestFigureMonth } from "@/db/queries/months";
import { figureChangesSince, getMonthStatus } from "@/db/queries/workflow";
import { deadlineState, deadlineText, vnDay } from "@/lib/calendar";
import { formatNumber, type Locale } from "@/lib/format";
import { addMonths, monthKey, parsePeriod, periodLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { unitLabel } from "@/lib/units";
import { isEditable } from "@/lib/workflow";

export const generateMetadata = pageTitle("nav.entry");

/** The month to open when none is asked for: the latest with figures, or the one after it once approved. */
async function defaultMonth(provinceId: string): Promise<string> {
  const db = getDb();
  const latest = await latestFigureMonth(db, provinceId);
  if (!latest) {
    const now = new Date();
    return addMonths(monthKey(now.getFullYear(), now.getMonth() + 1), -1);
  }
  const { status } = await getMonthStatus(db, provinceId, latest);
  return status === "approved" ? addMonths(latest, 1) : latest;
}

export default async function EntryPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; month?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const scope = await resolveProvince(user, params.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const month =
    parsePeriod(params.month ?? "")?.kind === "month"
      ? (params.month as string)
      : await defaultMonth(province.id);
  const db = getDb();
  const [t, locale, sheet, status, due] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    loadSheet(db, province.id, month),
    getMonthStatus(db, province.id, month),
    monthDueDate(db, province.id, month),
  ]);
  // The due date and where the month stands: sent on time or late (its first submission), or days left / overdue.
  const firstSubmit = status.history.find((h) => h.action === "submit")?.at ?? null;
  const seeded = status.status === "approved" && !firstSubmit;
  const standing = deadlineState(due, vnDay(new Date()), firstSubmit);
  const deadline = deadlineText(due, standing);
  const deadlineLate = standing.state === "overdue" || (standing.state === "sent" && standing.lateDays > 0);
  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  const allowed = {
    submit: can(actor, "submit", province),
    approve: can(actor, "approve", province),
    return: can(actor, "return", province),
    reopen: can(actor, "reopen", province),
  };
  const editable = can(actor, "enter_figures", province) && isEditable(status.status);
  const period = parsePeriod(month);
  const label = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodLabel(p, locale) : key;
  };
  // A month submitted again after a return: what changed since the submission before.
  const submits = status.history.filter((h) => h.action === "submit");
  const changes =
    status.status === "submitted" && submits.length >= 2
      ? await figureChangesSince(db, province.id, month, submits[submits.length - 2].at)
      : null;
  const rowsByCode = new Map(sheet.rows.map((r) => [r.code, r]));
  const changeText = (value: number | null, code: string, measure: string) => {
    if (value === null) return null;
    const row = rowsByCode.get(code);
    if (measure === "yoy_pct" || measure === "mom_pct" || (row?.kind === "index" && measure !== "level"))
      return `${formatNumber(value, 2, locale)}%`;
    const unit = row && measure === "value" ? ` ${unitLabel(row.unit, locale)}` : "";
    return `${formatNumber(value, measure === "level" ? 2 : (row?.decimals ?? 2), locale)}${unit}`;
  };

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("entry.title")}</h1>
          <p className="text-slate-600">
            <span data-testid="entry-province">{locale === "en" ? province.nameEn : province.nameVi}</span> ·{" "}
            <span data-testid="entry-month">{period ? periodLabel(period, locale) : month}</span>
          </p>
          {!seeded && (
            <p
              className={`text-sm ${deadlineLate ? "font-medium text-red-800" : "text-slate-700"}`}
              data-testid="deadline"
            >
              {locale === "en" ? deadline.en : deadline.vi}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <form method="get" className="flex items-center gap-2 text-sm">
            <input type="hidden" name="province" value={province.id} />
            <label htmlFor="month">{t("entry.month")}</label>
            <input
              id="month"
              name="month"
              type="month"
              defaultValue={month}
              className="rounded border border-slate-300 px-2 py-1"
            />
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              {t("entry.open")}
            </button>
          </form>
          <ProvincePicker options={scope.options} selected={province.id} />
        </div>
      </div>
      {can(actor, "enter_figures", province) && <EntryTools provinceId={province.id} month={month} />}
      <WorkflowPanel
        provinceId={province.id}
        month={month}
        status={status.status}
        timeline={status.history.map((h) => ({
          action: h.action,
          toStatus: h.toStatus,
          reason: h.reason,
          acknowledgements: h.acknowledgements,
          by: h.by,
          at: h.at.toISOString(),
        }))}
        warnings={sheet.warnings}
        indicatorNames={Object.fromEntries(
          sheet.rows.map((r) => [r.code, locale === "en" ? r.nameEn : r.nameVi]),
        )}
        allowed={allowed}
        locale={locale}
        provinceName={locale === "en" ? province.nameEn : province.nameVi}
        monthLabel={label(month)}
        changes={
          changes?.map((c) => ({
            key: `${c.indicator}|${c.period}|${c.measure}`,
            indicator: c.indicator,
            what: `${label(c.period)} (${t(`measure.${c.measure}`)})`,
            before: changeText(c.before, c.indicator, c.measure),
            after: changeText(c.after, c.indicator, c.measure) as string,
          })) ?? null
        }
      />
      <MonthSheet
        key={`${province.id}-${month}`}
        provinceId={province.id}
        month={month}
        sheet={sheet}
        editable={editable}
        readOnlyReason={
          !can(actor, "enter_figures", province)
            ? "readOnly"
            : status.status === "approved"
              ? "readOnlyApproved"
              : "readOnlySubmitted"
        }
        locale={locale}
      />
    </section>
  );
}
