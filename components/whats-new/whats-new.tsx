import { getLocale, getTranslations } from "next-intl/server";
import { cachedChangesSince } from "@/app/_server/attainment-cache";
import { provinceAndPredecessors } from "@/app/_server/province-scope";
import type { CurrentUser } from "@/app/_server/session";
import { markWhatsNewSeenAction } from "@/app/(app)/notifications/actions";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/notifications";
import { changesSince } from "@/db/queries/whats-new";
import { formatDateTime, formatNumber, type Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";

const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * "Có gì mới từ lần trước": for a leader (their province and its former units) or a national
 * viewer (everywhere), what changed since they last pressed "Seen" — figures revised (before →
 * after, by whom), months submitted / approved / returned, targets changed. The first time, the
 * last 7 days.
 */
export async function WhatsNew({ user }: { user: CurrentUser }) {
  const db = getDb();
  const everywhere = user.role === "national" || user.role === "system_admin";
  const scope = everywhere
    ? null
    : user.provinceId
      ? (await provinceAndPredecessors(user.provinceId)).map((p) => p.id)
      : [];
  const prefs = await getPreferences(db, user.id);
  // The first time, the last 7 days from the hour: the same window (and cache key) for an hour.
  const since = prefs.whatsNewSeenAt ?? new Date(Math.floor((Date.now() - WEEK_MS) / HOUR_MS) * HOUR_MS);
  const [t, locale, changes] = await Promise.all([
    getTranslations("whatsNew"),
    getLocale() as Promise<Locale>,
    everywhere || user.provinceId
      ? cachedChangesSince(db, everywhere ? null : user.provinceId, scope, since)
      : changesSince(db, scope, since),
  ]);
  const name = (p: { provinceVi: string; provinceEn: string }) =>
    locale === "en" ? p.provinceEn : p.provinceVi;
  const indicator = (r: { indicatorVi: string; indicatorEn: string }) =>
    locale === "en" ? r.indicatorEn : r.indicatorVi;
  const period = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodLabel(p, locale) : key;
  };
  const num = (v: string | null) => (v === null ? "—" : formatNumber(Number(v), 2, locale));
  const more = (total: number, shown: number) =>
    total > shown ? <li className="text-slate-500">{t("more", { count: total - shown })}</li> : null;
  const empty = changes.revised.length + changes.months.length + changes.targets.length === 0;
  return (
    <section className="rounded border border-brand-200 bg-white p-4" data-testid="whats-new">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <span className="text-sm text-slate-600">
          {prefs.whatsNewSeenAt ? t("since", { at: formatDateTime(since, locale) }) : t("firstVisit")}
        </span>
      </div>
      {empty ? (
        <p className="mt-2 text-sm text-slate-600">{t("nothing")}</p>
      ) : (
        <div className="mt-2 grid gap-4 text-sm md:grid-cols-3">
          {changes.months.length > 0 && (
            <div>
              <h3 className="font-medium">{t("months")}</h3>
              <ul className="mt-1 space-y-1" data-testid="whats-new-months">
                {changes.months.map((m) => (
                  <li key={`${m.provinceId}${m.period}${m.at.toISOString()}`}>
                    {name(m)} · {period(m.period)}: {t(`action.${m.action as "submit"}`)}
                    {m.by && <span className="text-slate-600"> {t("by", { who: m.by })}</span>}
                  </li>
                ))}
                {more(changes.months[0]?.total ?? 0, changes.months.length)}
              </ul>
            </div>
          )}
          {changes.revised.length > 0 && (
            <div>
              <h3 className="font-medium">{t("revised")}</h3>
              <ul className="mt-1 space-y-1" data-testid="whats-new-revised">
                {changes.revised.map((r) => (
                  <li key={`${r.provinceId}${r.indicatorVi}${r.period}${r.measure}${r.at.toISOString()}`}>
                    {name(r)} · {indicator(r)} · {period(r.period)}:{" "}
                    <span className="num">
                      {num(r.before)} → {num(r.after)}
                    </span>
                    {r.by && <span className="text-slate-600"> {t("by", { who: r.by })}</span>}
                  </li>
                ))}
                {more(changes.revised[0]?.total ?? 0, changes.revised.length)}
              </ul>
            </div>
          )}
          {changes.targets.length > 0 && (
            <div>
              <h3 className="font-medium">{t("targets")}</h3>
              <ul className="mt-1 space-y-1" data-testid="whats-new-targets">
                {changes.targets.map((r) => (
                  <li key={`${r.provinceId}${r.indicatorVi}${r.year}${r.quarter}${r.at.toISOString()}`}>
                    {name(r)} · {indicator(r)} · {r.year}
                    {r.quarter ? `-Q${r.quarter}` : ""}:{" "}
                    <span className="num">
                      {num(r.before)} → {num(r.after)}
                    </span>
                    {r.by && <span className="text-slate-600"> {t("by", { who: r.by })}</span>}
                  </li>
                ))}
                {more(changes.targets[0]?.total ?? 0, changes.targets.length)}
              </ul>
            </div>
          )}
        </div>
      )}
      <form action={markWhatsNewSeenAction} className="mt-3">
        <button
          type="submit"
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
        >
          {t("markSeen")}
        </button>
      </form>
    </section>
  );
}
