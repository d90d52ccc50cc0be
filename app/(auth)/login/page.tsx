import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { readEnv } from "@/lib/env";
import { LoginForm } from "./login-form";

export const generateMetadata = pageTitle("login.title");

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const t = await getTranslations();
  const callback = params.callbackUrl ? new URL(params.callbackUrl, "http://x") : null;
  const next = callback ? `${callback.pathname}${callback.search}` : params.next;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-start justify-between">
          <div>
            <h1 className="text-2xl font-semibold text-brand-900">{t("app.name")}</h1>
            <p className="text-sm text-slate-600">{t("app.tagline")}</p>
          </div>
          <LocaleSwitch />
        </div>
        <h2 className="mb-4 text-lg font-medium">{t("login.title")}</h2>
        <LoginForm next={next} notice={params.reason === "session" ? t("login.session") : undefined} />
        {readEnv().demoMode && <p className="mt-4 text-xs text-slate-500">{t("login.demoHint")}</p>}
      </div>
    </main>
  );
}
