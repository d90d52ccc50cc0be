"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "./actions";

const fieldClass = "mt-1 w-full max-w-sm rounded border border-slate-300 px-2 py-1";

/** Used on the profile page and, for a temporary password, on the page that must come first. */
export function ChangePasswordForm() {
  const t = useTranslations("accounts.password");
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fields = state && !state.ok ? state.error.fields : undefined;
  const field = (
    name: "currentPassword" | "newPassword" | "confirmPassword",
    label: string,
    auto: string,
  ) => (
    <div>
      <label htmlFor={name} className="block text-sm">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        required
        maxLength={256}
        autoComplete={auto}
        aria-invalid={Boolean(fields?.[name])}
        aria-describedby={
          [name === "newPassword" ? "password-rules" : "", fields?.[name] ? `${name}-error` : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
        className={fieldClass}
      />
      {fields?.[name] && (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700" data-testid={`${name}-error`}>
          {fields[name].join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <form action={action} className="space-y-3" noValidate>
      {field("currentPassword", t("current"), "current-password")}
      {field("newPassword", t("new"), "new-password")}
      <p id="password-rules" className="text-xs text-slate-600">
        {t("rules")}
      </p>
      {field("confirmPassword", t("confirm"), "new-password")}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("pending") : t("submit")}
      </button>
      <p aria-live="polite" className="text-sm" data-testid="password-status">
        {state && !state.ok && !state.error.fields && (
          <span className="text-red-700">{state.error.message}</span>
        )}
        {state?.ok && <span className="text-emerald-800">{t("done")}</span>}
      </p>
    </form>
  );
}
