import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { requireSignedInUser } from "@/app/_server/session";
import { signOutAction } from "@/app/_server/shell-actions";
import { ChangePasswordForm } from "@/app/(app)/profile/password-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export const generateMetadata = pageTitle("accounts.password.title");

/**
 * The one page open to someone signed in with a temporary password (requirePageUser sends every
 * other page here, and the guard refuses every other action and API call). Anyone else changes
 * their password on the profile page.
 */
export default async function ChangePasswordPage() {
  const user = await requireSignedInUser();
  if (!user.mustChangePassword) redirect("/profile");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex items-start justify-between">
          <div>
            <h1 className="text-2xl font-semibold text-brand-900">{t("accounts.password.title")}</h1>
            <p className="text-sm text-slate-600">
              {user.displayName} · <span className="font-mono">{user.username}</span>
            </p>
          </div>
          <LocaleSwitch />
        </div>
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("accounts.password.forcedIntro")}
        </p>
        <ChangePasswordForm />
        <form action={signOutAction}>
          <button type="submit" className="text-sm text-slate-600 underline-offset-2 hover:underline">
            {t("nav.signOut")}
          </button>
        </form>
      </div>
    </main>
  );
}
