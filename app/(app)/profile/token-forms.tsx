"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import { createTokenAction, revokeTokenAction } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("profile");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(createTokenAction, null);
  const error = state && !state.ok ? inLocale(state.error, locale) : null;
  const nameError = error ? (error.fields?.name ?? error.message) : null;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <Field id="token-name" label={t("tokenName")} error={nameError}>
          {(control) => (
            <input
              {...control}
              name="name"
              maxLength={80}
              required
              className="mt-1 rounded border border-slate-300 px-2 py-1"
            />
          )}
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 text-white disabled:opacity-60"
        >
          {pending ? t("creating") : t("create")}
        </button>
      </form>
      <div aria-live="polite">
        {state?.ok && (
          <div className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
            <p>{t("shownOnce")}</p>
            <code className="mt-1 block break-all font-mono" data-testid="new-token">
              {state.data.secret}
            </code>
          </div>
        )}
      </div>
    </div>
  );
}

export function RevokeTokenButton({ id }: { id: number }) {
  const t = useTranslations("profile");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 hover:underline disabled:opacity-60">
        {t("revoke")}
      </button>
      {state && !state.ok && (
        <span className="ml-2 text-xs text-red-700">{inLocale(state.error, locale).message}</span>
      )}
    </form>
  );
}
