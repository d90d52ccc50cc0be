"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { type LoginState, login } from "./actions";

const input =
  "mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

export function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, null);
  const message = state?.error ? t(state.error) : notice;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? "/"} />
      <Field
        id="username"
        label={t("username")}
        labelClassName="block text-sm font-medium"
        describedBy={message ? "login-message" : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="username"
            autoComplete="username"
            required
            maxLength={64}
            className={input}
          />
        )}
      </Field>
      <Field
        id="password"
        label={t("password")}
        labelClassName="block text-sm font-medium"
        describedBy={message ? "login-message" : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            className={input}
          />
        )}
      </Field>
      <p
        id="login-message"
        aria-live="polite"
        data-testid="login-message"
        className="min-h-5 text-sm text-red-700"
      >
        {message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
