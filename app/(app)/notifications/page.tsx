import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db";
import { listNotifications } from "@/db/queries/notifications";
import { formatDateTime, type Locale } from "@/lib/format";
import { type NotificationKind, notificationPath, notificationText } from "@/lib/notify";
import { markAllReadAction } from "./actions";

export const generateMetadata = pageTitle("notifications.title");

/** The person's notifications, newest first; unread ones marked, all markable as read. */
export default async function NotificationsPage() {
  const user = await requirePageUser();
  const [t, locale, { unread, items }] = await Promise.all([
    getTranslations("notifications"),
    getLocale() as Promise<Locale>,
    listNotifications(getDb(), user.id, 100),
  ]);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button
              type="submit"
              className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              {t("markAll")}
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="notifications">
          {items.map((n) => {
            const kind = n.kind as NotificationKind;
            const text = notificationText(kind, n.period, n.payload);
            return (
              <li
                key={n.id}
                className={`rounded border p-3 ${n.readAt ? "border-slate-200 bg-white" : "border-brand-300 bg-brand-50"}`}
                data-kind={n.kind}
                data-unread={n.readAt ? "0" : "1"}
              >
                <p>
                  {!n.readAt && (
                    <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">
                      {t("unread")}
                    </span>
                  )}
                  {locale === "en" ? text.en : text.vi}
                </p>
                <p className="mt-1 text-xs text-slate-600">
                  {formatDateTime(n.createdAt, locale)} ·{" "}
                  <Link
                    href={notificationPath(kind, n.provinceId, n.period)}
                    className="text-brand-700 hover:underline"
                  >
                    {t("open")}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
