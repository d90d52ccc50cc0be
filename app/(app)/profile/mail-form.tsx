"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { controlClass, Field } from "@/components/ui/field";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import { saveMailPreferencesAction } from "./actions";

/** The person's e-mail address and opt-out. */
export function MailPreferencesForm({ email, optOut }: { email: string | null; optOut: boolean }) {
  const t = useTranslations("mailPrefs");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(saveMailPreferencesAction, null);
  const error = state && !state.ok ? inLocale(state.error, locale) : null;
  // Controlled: React resets an uncontrolled form after its action, losing a refused address.
  const [address, setAddress] = useState(email ?? "");
  const [off, setOff] = useState(optOut);
  return (
    <form action={action} noValidate className="max-w-md space-y-3" data-testid="mail-preferences">
      <Field id="mail-email" label={t("email")} error={error ? (error.fields?.email ?? error.message) : null}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            className={controlClass}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="optOut" checked={off} onChange={(e) => setOff(e.target.checked)} />
        {t("optOut")}
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-3 py-1.5 text-white disabled:opacity-60"
        >
          {t("save")}
        </button>
        <span aria-live="polite" className="text-sm text-emerald-800">
          {state?.ok && t("saved")}
        </span>
      </div>
    </form>
  );
}
