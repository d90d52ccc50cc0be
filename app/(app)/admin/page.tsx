import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { type CurrentUser, requirePageUser } from "@/app/_server/session";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { type Account, hasActiveAdmin, listAccounts, listProvinceAccounts } from "@/db/queries/accounts";
import { NATIONWIDE_ROLES, PROVINCE_ROLES } from "@/lib/account-rules";
import { formatDateTime, type Locale } from "@/lib/format";
import { can, type Role, roleMay } from "@/lib/permissions";
import { AccountActiveButton } from "./account-active-button";
import { CreateAccountForm, ResetPasswordButton, RoleForm } from "./account-forms";

export const generateMetadata = pageTitle("nav.admin");

type Search = { province?: string; view?: string };

/**
 * Account administration: a province's accounts for its admins (and for system admins, any
 * province's), and for system admins the nationwide accounts. What each control may do is decided
 * again on the server for every request (lib/account-rules.ts); the page only leaves out what
 * would be refused.
 */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  if (!roleMay(user.role, "manage_users")) return <NotAllowed />;
  const search = await searchParams;
  const nationwideAllowed = can(
    { id: user.id, role: user.role, provinceId: user.provinceId },
    "manage_global_accounts",
  );
  const t = await getTranslations();
  const nationwide = search.view === "nationwide";
  if (nationwide && !nationwideAllowed) return <NotAllowed />;

  const tabs = nationwideAllowed && (
    <nav className="flex gap-2 text-sm" aria-label={t("admin.title")}>
      {[
        { href: "/admin", label: t("accounts.admin.provinceTab"), current: !nationwide },
        { href: "/admin?view=nationwide", label: t("accounts.admin.nationwideTab"), current: nationwide },
        { href: "/admin/calendar", label: t("calendar.title"), current: false },
        { href: "/admin/outbox", label: t("outbox.title"), current: false },
      ].map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={`rounded px-3 py-1 ${tab.current ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );

  if (nationwide) {
    const accounts = await listAccounts(getDb(), { provinceIds: [], nationwide: true });
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        {tabs}
        <p className="text-slate-600">{t("accounts.admin.nationwideIntro")}</p>
        <CreateAccountForm roles={NATIONWIDE_ROLES} provinceId={null} />
        <AccountTable accounts={accounts} user={user} roles={NATIONWIDE_ROLES} />
      </section>
    );
  }

  const scope = await resolveProvince(user, search.province, "manage_users");
  if (!scope.allowed) return <NotAllowed />;
  const db = getDb();
  const [locale, accounts, hasAdmin] = await Promise.all([
    getLocale() as Promise<Locale>,
    listProvinceAccounts(db, scope.province.id),
    hasActiveAdmin(db, scope.province.id),
  ]);
  const options = scope.options.filter((p) => !p.validTo);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
          <p className="text-slate-600" data-testid="admin-province">
            {locale === "en" ? scope.province.nameEn : scope.province.nameVi}
          </p>
        </div>
        <ProvincePicker options={options} selected={scope.province.id} />
      </div>
      {tabs}
      {!hasAdmin && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("accounts.admin.noAdmin")}
        </p>
      )}
      {!scope.province.validTo && <CreateAccountForm roles={PROVINCE_ROLES} provinceId={scope.province.id} />}
      {accounts.length === 0 ? (
        <p className="text-slate-600">{t("admin.empty")}</p>
      ) : (
        <AccountTable accounts={accounts} user={user} roles={PROVINCE_ROLES} />
      )}
    </section>
  );
}

async function AccountTable({
  accounts,
  user,
  roles,
}: {
  accounts: Account[];
  user: CurrentUser;
  roles: readonly Role[];
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="accounts">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-3 py-2">{t("admin.name")}</th>
            <th className="px-3 py-2">{t("login.username")}</th>
            <th className="px-3 py-2">{t("admin.role")}</th>
            <th className="px-3 py-2">{t("admin.status")}</th>
            <th className="px-3 py-2">{t("admin.lastSignIn")}</th>
            <th className="px-3 py-2">{t("accounts.admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-t border-slate-100 align-top" data-username={a.username}>
              <td className="px-3 py-2">{a.displayName}</td>
              <td className="px-3 py-2 font-mono">{a.username}</td>
              <td className="px-3 py-2">
                {a.id === user.id ? (
                  t(`roles.${a.role}`)
                ) : (
                  <RoleForm userId={a.id} username={a.username} role={a.role} roles={roles} />
                )}
              </td>
              <td className="px-3 py-2">
                <span data-testid="account-status">{a.active ? t("admin.active") : t("admin.inactive")}</span>
                {a.mustChangePassword && (
                  <span className="block text-xs text-amber-800">{t("accounts.admin.mustChange")}</span>
                )}
              </td>
              <td className="px-3 py-2">{a.lastSignInAt ? formatDateTime(a.lastSignInAt, locale) : "—"}</td>
              <td className="px-3 py-2">
                {a.id === user.id ? (
                  <span className="text-slate-500">{t("accounts.admin.you")}</span>
                ) : (
                  <div className="flex flex-wrap items-start gap-2">
                    <ResetPasswordButton userId={a.id} />
                    <AccountActiveButton userId={a.id} active={a.active} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
