"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import { changePasswordAction } from "./actions";

const fieldClass = "mt-1 w-full max-w-sm rounded border border-slate-300 px-2 py-1";

/** Used on the profile page and, for a temporary password, on the page that must come first. */
export function ChangePasswordForm() {
  const t = useTranslations("accounts.password");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const error = state && !state.ok ? inLocale(state.error, locale) : null;
  const field = (
    name: "currentPassword" | "newPassword" | "confirmPassword",
    label: string,
    auto: string,
    hint?: string,
  ) => (
    <Field id={name} label={label} hint={hint} error={error?.fields?.[name]}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="password"
          required
          maxLength={256}
          autoComplete={auto}
          className={fieldClass}
        />
      )}
    </Field>
  );
  return (
    <form action={action} className="space-y-3" noValidate>
      {field("currentPassword", t("current"), "current-password")}
      {field("newPassword", t("new"), "new-password", t("rules"))}
      {field("confirmPassword", t("confirm"), "new-password")}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("pending") : t("submit")}
      </button>
      <p aria-live="polite" className="text-sm" data-testid="password-status">
        {error && !error.fields && <span className="text-red-700">{error.message}</span>}
        {state?.ok && <span className="text-emerald-800">{t("done")}</span>}
      </p>
    </form>
  );
}
