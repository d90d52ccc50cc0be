import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/notifications";
import { listApiTokens } from "@/db/queries/tokens";
import { listRecentSignIns } from "@/db/queries/users";
import { formatDateTime, type Locale } from "@/lib/format";
import { MailPreferencesForm } from "./mail-form";
import { ChangePasswordForm } from "./password-form";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const generateMetadata = pageTitle("nav.profile");

export default async function ProfilePage() {
  const user = await requirePageUser();
  const db = getDb();
  const [t, locale, tokens, signIns, preferences] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listApiTokens(db, user.id),
    listRecentSignIns(db, user.id),
    getPreferences(db, user.id),
  ]);
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-semibold">{t("profile.title")}</h1>
        <p className="text-slate-700">
          {user.displayName} · <span className="font-mono">{user.username}</span> · {t(`roles.${user.role}`)}
        </p>
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">{t("accounts.password.title")}</h2>
        <ChangePasswordForm />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">{t("mailPrefs.title")}</h2>
        <p className="text-sm text-slate-600">{t("mailPrefs.intro")}</p>
        <MailPreferencesForm email={preferences.email} optOut={preferences.emailOptOut} />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">{t("profile.tokens")}</h2>
        <p className="text-sm text-slate-600">{t("profile.tokensHelp")}</p>
        <CreateTokenForm />
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("profile.noTokens")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="tokens">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1">{t("profile.tokenName")}</th>
                <th className="py-1">{t("profile.created")}</th>
                <th className="py-1">{t("profile.lastUsed")}</th>
                <th className="py-1" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-slate-100">
                  <td className="py-1">
                    {token.name} <span className="font-mono text-slate-500">{token.prefix}…</span>
                  </td>
                  <td className="py-1">{formatDateTime(token.createdAt, locale)}</td>
                  <td className="py-1">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("profile.never")}
                  </td>
                  <td className="py-1 text-right">
                    {token.revokedAt ? (
                      <span className="text-slate-500">{t("profile.revoked")}</span>
                    ) : token.expired ? (
                      <span className="text-slate-500">{t("accounts.tokens.expired")}</span>
                    ) : (
                      <RevokeTokenButton id={token.id} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2 className="mb-2 text-lg font-medium">{t("profile.signIns")}</h2>
        <ul className="text-sm">
          {signIns.map((s) => (
            <li key={s.at.toISOString()}>
              {formatDateTime(s.at, locale)} · {s.success ? t("profile.success") : t("profile.failure")} ·{" "}
              {t("profile.address")} {s.address}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
