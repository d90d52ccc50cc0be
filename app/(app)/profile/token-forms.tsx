"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("profile");
  const [state, action, pending] = useActionState(createTokenAction, null);
  const nameError = state && !state.ok ? (state.error.fields?.name?.[0] ?? state.error.message) : null;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="token-name" className="block text-sm">
            {t("tokenName")}
          </label>
          <input
            id="token-name"
            name="name"
            maxLength={80}
            required
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? "token-name-error" : undefined}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 text-white disabled:opacity-60"
        >
          {pending ? t("creating") : t("create")}
        </button>
      </form>
      <div aria-live="polite">
        {nameError && (
          <p id="token-name-error" className="text-sm text-red-700">
            {nameError}
          </p>
        )}
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
  const [state, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 hover:underline disabled:opacity-60">
        {t("revoke")}
      </button>
      {state && !state.ok && <span className="ml-2 text-xs text-red-700">{state.error.message}</span>}
    </form>
  );
}
