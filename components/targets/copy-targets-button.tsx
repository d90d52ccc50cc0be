"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { copyTargetsAction } from "@/app/(app)/targets/actions";
import { toLocale } from "@/i18n/locales";
import { inLocale } from "@/lib/errors";

/** Copies last year's targets as a start, for the indicators that have none this year (`count` of them). */
export function CopyTargetsButton({
  provinceId,
  year,
  count,
}: {
  provinceId: string;
  year: number;
  count: number;
}) {
  const t = useTranslations("targets");
  const router = useRouter();
  const locale = toLocale(useLocale());
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const copy = () =>
    start(async () => {
      const result = await copyTargetsAction(null, { provinceId, year });
      if (result.ok) {
        const indicators = new Set(result.data.map((c) => c.indicator)).size;
        setMessage({ ok: true, text: t("copied", { count: indicators, from: year - 1, to: year }) });
        router.refresh();
      } else {
        setMessage({ ok: false, text: inLocale(result.error, locale).message });
      }
    });

  // Rendered while there is something to copy, and after copying to say what was done.
  if (count === 0 && !message) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      {count > 0 && <p className="text-slate-700">{t("copyHelp", { count, from: year - 1, to: year })}</p>}
      {count > 0 && (
        <button
          type="button"
          onClick={copy}
          disabled={pending}
          className="rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? t("copying") : t("copy", { from: year - 1 })}
        </button>
      )}
      <p
        aria-live="polite"
        data-testid="copy-message"
        className={message?.ok ? "text-green-800" : "text-red-700"}
      >
        {message?.text}
      </p>
    </div>
  );
}
