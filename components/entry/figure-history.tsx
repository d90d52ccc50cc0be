"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDateTime, formatFigure, type Locale } from "@/lib/format";
import type { SheetRow } from "@/lib/sheet-model";

type HistoryEntry = {
  version: number;
  value: number;
  vintage: string;
  note: string | null;
  enteredBy: string | null;
  enteredAt: string;
};
type FigureWithHistory = { period: string; measure: string; history: HistoryEntry[] };

/** Who changed a row's figures, when, from what to what: read from the API the integrations use. */
export function FigureHistory({
  provinceId,
  row,
  locale,
}: {
  provinceId: string;
  row: SheetRow;
  locale: Locale;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<FigureWithHistory[] | null>(null);

  const show = async () => {
    setOpen(true);
    const periods = [...new Set(row.cells.map((c) => c.period))];
    const responses = await Promise.all(
      periods.map((p) =>
        fetch(
          `/api/v1/provinces/${encodeURIComponent(provinceId)}/figures?indicator=${encodeURIComponent(row.code)}&period=${p}&history=1`,
        ).then((r) => (r.ok ? (r.json() as Promise<FigureWithHistory[]>) : [])),
      ),
    );
    setItems(responses.flat());
  };

  const label = (f: FigureWithHistory) => {
    const cell = row.cells.find((c) => c.period === f.period && c.measure === f.measure);
    return cell ? t(`entry.columns.${cell.key}`) : `${f.period} ${f.measure}`;
  };

  return (
    <>
      <button type="button" onClick={show} className="text-xs text-brand-700 hover:underline">
        {t("entry.history")}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={t("entry.historyTitle")}
          className="fixed inset-0 z-10 flex items-center justify-center bg-black/30 p-4"
        >
          <div
            className="max-h-[80vh] w-full max-w-xl overflow-y-auto rounded bg-white p-4 shadow-lg"
            data-testid="history-panel"
          >
            <div className="mb-2 flex items-start justify-between">
              <h3 className="font-medium">
                {t("entry.historyTitle")}: {locale === "en" ? row.nameEn : row.nameVi}
              </h3>
              <button type="button" onClick={() => setOpen(false)} className="text-sm underline">
                {t("entry.close")}
              </button>
            </div>
            {items === null ? (
              <p className="text-sm">…</p>
            ) : items.length === 0 ? (
              <p className="text-sm text-slate-600">{t("entry.noHistory")}</p>
            ) : (
              items.map((f) => (
                <div key={f.period + f.measure} className="mb-3">
                  <h4 className="text-sm font-medium">{label(f)}</h4>
                  <ol className="text-xs">
                    {[...f.history].reverse().map((h, i, all) => {
                      const before = all[i + 1];
                      const figure = (v: number) => formatFigure(v, row, f.measure, locale);
                      return (
                        <li key={h.version} className="border-t border-slate-100 py-1">
                          {formatDateTime(h.enteredAt, locale)} · {h.enteredBy ?? t("workflow.system")} ·{" "}
                          {before ? `${figure(before.value)} → ` : ""}
                          <strong>{figure(h.value)}</strong> · {t(`vintage.${h.vintage}`)}
                          {h.note ? ` · ${h.note}` : ""}
                        </li>
                      );
                    })}
                  </ol>
                </div>
              ))
            )}
          </div>
        </div>
      )}
    </>
  );
}
