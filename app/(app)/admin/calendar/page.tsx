import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { vnToday } from "@/app/_server/submissions";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listDueRules } from "@/db/queries/calendar";
import { listCurrentProvinces } from "@/db/queries/submissions";
import {
  dueDate,
  formatDay,
  lastReportableMonth,
  OBLIGATION_KINDS,
  type ObligationKind,
  resolveRule,
} from "@/lib/calendar";
import type { Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { RuleForm } from "./rule-form";

export const generateMetadata = pageTitle("calendar.title");

/** The example period of each obligation, to show what a rule means. */
function examplePeriod(kind: ObligationKind, month: string): string {
  const year = month.slice(0, 4);
  if (kind === "month") return month;
  if (kind === "quarter") return `${year}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
  if (kind === "half") return `${year}-YTD06`;
  return year;
}

/** The reporting calendar: the national rule of each obligation and the provinces' own rules. System admins. */
export default async function CalendarPage() {
  const user = await requirePageUser();
  if (!can({ id: user.id, role: user.role, provinceId: user.provinceId }, "manage_catalogue"))
    return <NotAllowed />;
  const db = getDb();
  const [t, locale, rules, provinces] = await Promise.all([
    getTranslations("calendar"),
    getLocale() as Promise<Locale>,
    listDueRules(db),
    listCurrentProvinces(db),
  ]);
  const month = lastReportableMonth(vnToday());
  const names = new Map(provinces.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameVi]));
  const overrides = rules.filter((r) => r.provinceId !== null);
  const periodText = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodLabel(p, locale) : key;
  };
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
      </div>
      <div className="space-y-4">
        <h2 className="text-lg font-medium">{t("national")}</h2>
        {OBLIGATION_KINDS.map((kind) => {
          const rule = resolveRule(kind, null, rules);
          const example = examplePeriod(kind, month);
          return (
            <div key={kind} className="rounded border border-slate-200 bg-white p-3">
              <h3 className="font-medium">
                {t(`kind.${kind}`)}{" "}
                <span className="text-sm font-normal text-slate-600">
                  · {t("example")}: {periodText(example)} → {formatDay(dueDate(example, rule) as string)}
                </span>
              </h3>
              <RuleForm kind={kind} rule={rule} testId={`national-${kind}`} />
            </div>
          );
        })}
      </div>
      <div className="space-y-3">
        <h2 className="text-lg font-medium">{t("overrides")}</h2>
        {overrides.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noOverrides")}</p>
        ) : (
          <ul className="text-sm" data-testid="overrides">
            {overrides.map((r) => (
              <li key={r.id}>
                {names.get(r.provinceId as string) ?? r.provinceId} · {t(`kind.${r.kind as ObligationKind}`)}:{" "}
                {t("dueDay")} {r.dueDay}, {t("monthsAfter").toLowerCase()} {r.monthsAfter}
                {r.cutoffDay ? `, ${t("cutoffDay").toLowerCase()} ${r.cutoffDay}` : ""}
              </li>
            ))}
          </ul>
        )}
        <div className="rounded border border-slate-200 bg-white p-3">
          <RuleForm
            kind="month"
            rule={resolveRule("month", null, rules)}
            provinces={provinces.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id }))}
            testId="province-month"
          />
        </div>
      </div>
    </section>
  );
}
