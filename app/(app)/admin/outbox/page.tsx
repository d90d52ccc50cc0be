import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listOutbox } from "@/db/queries/notifications";
import { readMailEnv } from "@/lib/env";
import { formatDateTime, type Locale } from "@/lib/format";
import { can } from "@/lib/permissions";

export const generateMetadata = pageTitle("outbox.title");

/**
 * The outgoing mail, newest first, for the system admin: without SMTP_URL this is where the
 * messages are read (the demo); with it, what was sent, what waits for a retry and why.
 */
export default async function OutboxPage() {
  const user = await requirePageUser();
  if (!can({ id: user.id, role: user.role, provinceId: user.provinceId }, "manage_catalogue"))
    return <NotAllowed />;
  const [t, locale, rows] = await Promise.all([
    getTranslations("outbox"),
    getLocale() as Promise<Locale>,
    listOutbox(getDb(), 200),
  ]);
  const smtp = Boolean(readMailEnv().smtpUrl);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className={smtp ? "text-slate-600" : "text-amber-800"}>{smtp ? t("smtp") : t("noSmtp")}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="outbox">
          {rows.map((m) => (
            <li
              key={m.id}
              className="rounded border border-slate-200 bg-white p-3 text-sm"
              data-status={m.status}
            >
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">{m.subject}</span>
                <span>
                  {t(`state.${m.status as "pending"}`)} · {t("attempts")}: {m.attempts}
                </span>
              </div>
              <p className="text-slate-600">
                {t("to")}: {m.to} · {t("createdAt")}: {formatDateTime(m.createdAt, locale)}
                {m.status === "pending" && m.attempts > 0 && (
                  <>
                    {" "}
                    · {t("nextAttempt")}: {formatDateTime(m.nextAttemptAt, locale)}
                  </>
                )}
              </p>
              {m.lastError && (
                <p className="text-red-800">
                  {t("error")}: {m.lastError}
                </p>
              )}
              <details className="mt-1">
                <summary className="cursor-pointer text-brand-700">{t("body")}</summary>
                <pre className="mt-1 whitespace-pre-wrap font-sans">{m.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
