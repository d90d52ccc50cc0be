"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { changeRoleAction, createAccountAction, resetPasswordAction } from "./actions";

/** A temporary password, shown once: the person who received it is told so. */
function TemporaryPassword({ text, password }: { text: string; password: string }) {
  return (
    <div className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <p>{text}</p>
      <code className="mt-1 block font-mono text-base" data-testid="temporary-password">
        {password}
      </code>
    </div>
  );
}

export function CreateAccountForm({
  roles,
  provinceId,
}: {
  roles: readonly Role[];
  provinceId: string | null;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(createAccountAction, null);
  // Controlled, so that a refused submission keeps what was typed.
  const firstRole: string = roles[0];
  const [values, setValues] = useState({ username: "", displayName: "", role: firstRole });
  // Cleared once per account created (not on every refresh of the page's data, which would wipe typing).
  useEffect(() => {
    if (state?.ok) setValues({ username: "", displayName: "", role: firstRole });
  }, [state, firstRole]);
  const error = state && !state.ok ? inLocale(state.error, locale) : null;
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="create-account">
      <h2 className="text-lg font-medium">{t("accounts.admin.create.title")}</h2>
      <form action={action} className="grid gap-3 sm:grid-cols-4 sm:items-start" noValidate>
        {provinceId && <input type="hidden" name="provinceId" value={provinceId} />}
        <Field
          id="new-username"
          label={t("accounts.admin.create.username")}
          hint={t("accounts.admin.create.usernameHelp")}
          error={error?.fields?.username}
        >
          {(control) => (
            <input
              {...control}
              name="username"
              value={values.username}
              onChange={set("username")}
              required
              maxLength={64}
              autoComplete="off"
              className={`${controlClass} font-mono`}
            />
          )}
        </Field>
        <Field
          id="new-display-name"
          label={t("accounts.admin.create.displayName")}
          error={error?.fields?.displayName}
        >
          {(control) => (
            <input
              {...control}
              name="displayName"
              value={values.displayName}
              onChange={set("displayName")}
              required
              maxLength={120}
              className={controlClass}
            />
          )}
        </Field>
        <Field id="new-role" label={t("accounts.admin.create.role")} error={error?.fields?.role}>
          {(control) => (
            <select
              {...control}
              name="role"
              value={values.role}
              onChange={set("role")}
              className={controlClass}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700 disabled:opacity-60 sm:mt-6"
        >
          {pending ? t("accounts.admin.create.pending") : t("accounts.admin.create.submit")}
        </button>
      </form>
      <div aria-live="polite" data-testid="create-account-status">
        {error && <p className="text-sm text-red-700">{error.message}</p>}
        {state?.ok && (
          <TemporaryPassword
            text={t("accounts.admin.create.done", { username: state.data.username })}
            password={state.data.temporaryPassword}
          />
        )}
      </div>
    </section>
  );
}

export function RoleForm({
  userId,
  username,
  role,
  roles,
}: {
  userId: number;
  username: string;
  role: Role;
  roles: readonly Role[];
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-1">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        defaultValue={role}
        key={role}
        aria-label={t("accounts.admin.roleOf", { username })}
        className="rounded border border-slate-300 bg-white px-1 py-1"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {t("accounts.admin.changeRole")}
      </button>
      <span aria-live="polite" className="text-xs text-red-700">
        {state && !state.ok ? inLocale(state.error, locale).message : ""}
      </span>
    </form>
  );
}

export function ResetPasswordButton({ userId }: { userId: number }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {t("accounts.admin.resetPassword")}
      </button>
      <div aria-live="polite">
        {state && !state.ok && (
          <p className="text-xs text-red-700">{inLocale(state.error, locale).message}</p>
        )}
        {state?.ok && state.data.temporaryPassword && (
          <TemporaryPassword
            text={t("accounts.admin.resetDone", { username: state.data.username })}
            password={state.data.temporaryPassword}
          />
        )}
      </div>
    </form>
  );
}
