"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";
import { setAccountActiveAction } from "./actions";

export function AccountActiveButton({ userId, active }: { userId: number; active: boolean }) {
  const t = useTranslations("admin");
  const locale = toLocale(useLocale());
  const [state, action, pending] = useActionState(setAccountActiveAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60"
      >
        {active ? t("deactivate") : t("activate")}
      </button>
      <span aria-live="polite" className="text-xs text-red-700">
        {state && !state.ok ? inLocale(state.error, locale).message : ""}
      </span>
    </form>
  );
}
