"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type LoginState, login } from "./actions";

export function LoginForm({ next, notice }: { next?: string; notice?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, null);
  const message = state?.error ? t(state.error) : notice;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? "/"} />
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t("username")}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          maxLength={64}
          aria-describedby={message ? "login-message" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          aria-describedby={message ? "login-message" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
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
