"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, type Locale } from "@/lib/format";
import type { SavedTarget, TargetRow, TargetVersion } from "@/lib/targets";
import { targetText } from "./target-text";

/** Every version of an indicator's targets for the year: who changed what, when, from what to what. */
export function TargetHistory({ row, locale }: { row: TargetRow; locale: Locale }) {
  const t = useTranslations("targets");
  const words = { atLeast: t("atLeast"), atMost: t("atMost") };
  const text = (v: TargetVersion) => targetText(v, row, words, locale);
  const [open, setOpen] = useState(false);
  const name = locale === "en" ? row.nameEn : row.nameVi;
  const parts: [string, SavedTarget][] = [];
  if (row.year) parts.push([t("yearTarget"), row.year]);
  row.quarters.forEach((q, i) => {
    if (q) parts.push([t("scenarioOf", { quarter: t(`quarters.${i + 1}`) }), q]);
  });
  if (parts.length === 0) return null;

  const line = (h: TargetVersion, before: TargetVersion | undefined) => {
    const now = text(h);
    const was = before ? text(before) : null;
    const documentChanged = before && before.document !== h.document;
    return (
      <>
        <span className="font-medium">{t("versionN", { version: h.version })}</span> ·{" "}
        {formatDateTime(h.updatedAt, locale)} · {h.updatedBy ?? t("system")} ·{" "}
        {was !== null && was !== now ? `${was} → ` : ""}
        <strong>{now}</strong>
        {h.document ? ` · ${documentChanged ? `${before?.document ?? "—"} → ` : ""}${h.document}` : ""}
      </>
    );
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="text-xs text-brand-700 hover:underline"
        aria-label={`${t("history")} — ${name}`}
      >
        {t("history")}
      </button>
      {open && (
        <div
          role="dialog"
          aria-modal="true"
          aria-label={`${t("historyTitle")}: ${name}`}
          className="fixed inset-0 z-10 flex items-center justify-center bg-black/30 p-4"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          <div
            className="max-h-[80vh] w-full max-w-2xl overflow-y-auto rounded bg-white p-4 shadow-lg"
            data-testid="target-history"
          >
            <div className="mb-2 flex items-start justify-between gap-3">
              <h3 className="font-medium">
                {t("historyTitle")}: {name}
              </h3>
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="text-sm underline"
                // biome-ignore lint/a11y/noAutofocus: the dialog's one control takes the focus when it opens
                autoFocus
              >
                {t("close")}
              </button>
            </div>
            {parts.map(([label, target]) => (
              <div key={label} className="mb-3">
                <h4 className="text-sm font-medium">{label}</h4>
                <ol className="text-xs">
                  {[...target.history].reverse().map((h, i, all) => (
                    <li key={h.version} className="border-t border-slate-100 py-1">
                      {line(h, all[i + 1])}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
