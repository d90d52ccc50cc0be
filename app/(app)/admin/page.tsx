import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { ProvincePicker } from "@/components/shell/province-picker";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listProvinceAccounts } from "@/db/queries/accounts";
import { formatDateTime, type Locale } from "@/lib/format";
import { roleMay } from "@/lib/permissions";
import { AccountActiveButton } from "./account-active-button";

export const metadata: Metadata = { title: "Quản trị" };

/** The province's accounts. Creating accounts, roles and password resets come with the accounts issue. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const user = await requirePageUser();
  if (!roleMay(user.role, "manage_users")) return <NotAllowed />;
  const scope = await resolveProvince(user, (await searchParams).province, "manage_users");
  if (!scope.allowed) return <NotAllowed />;
  const [t, locale, accounts] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listProvinceAccounts(getDb(), scope.province.id),
  ]);
  const options = scope.options.filter((p) => !p.validTo);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
          <p className="text-slate-600">{locale === "en" ? scope.province.nameEn : scope.province.nameVi}</p>
        </div>
        <ProvincePicker options={options} selected={scope.province.id} />
      </div>
      <p className="text-sm text-amber-900">{t("admin.comingSoon")}</p>
      {accounts.length === 0 ? (
        <p className="text-slate-600">{t("admin.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="accounts">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-2">{t("admin.name")}</th>
                <th className="px-3 py-2">{t("login.username")}</th>
                <th className="px-3 py-2">{t("admin.role")}</th>
                <th className="px-3 py-2">{t("admin.status")}</th>
                <th className="px-3 py-2">{t("admin.lastSignIn")}</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-t border-slate-100" data-username={a.username}>
                  <td className="px-3 py-2">{a.displayName}</td>
                  <td className="px-3 py-2 font-mono">{a.username}</td>
                  <td className="px-3 py-2">{t(`roles.${a.role}`)}</td>
                  <td className="px-3 py-2">{a.active ? t("admin.active") : t("admin.inactive")}</td>
                  <td className="px-3 py-2">
                    {a.lastSignInAt ? formatDateTime(a.lastSignInAt, locale) : "—"}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {a.id !== user.id && <AccountActiveButton userId={a.id} active={a.active} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
