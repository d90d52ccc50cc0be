"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { commitImportAction } from "@/app/(app)/entry/import/actions";
import { inLocale } from "@/lib/errors";
import { formatFigure, type Locale } from "@/lib/format";
import { cleanLabel, headerKey, readHeader } from "@/lib/import/labels";
import type { PreviewCell, PreviewStatus } from "@/lib/import/preview";
import { parsePeriod, periodLabel } from "@/lib/periods";
import type { Measure } from "@/lib/sheet";
import type { Message } from "@/lib/validation";
import { type CatalogueEntry, MEASURES_BY_KIND } from "./catalogue";

type Mapping = {
  sheet: string;
  labelColumn: number;
  headerRow: number;
  rows: { label: string; indicator: string; measure: Measure; index100: boolean }[];
  columns: { header: string; kind: "month" | "ytd"; month: number }[];
};
type Grid = { sheet: string; sheets: string[]; rows: string[][] };
type Preview = {
  status: "preview";
  importId: string | null;
  kind: "template" | "layout";
  fileName: string;
  months: string[];
  counts: Record<PreviewStatus, number>;
  cells: PreviewCell[];
  warnings: { month: string; indicator: string; code: string; message: Message }[];
  indicators: Record<string, { nameVi: string; nameEn: string; unit: string; decimals: number }>;
  mapping: Mapping | null;
  grid: Grid | null;
  year: number | null;
};
type NeedsMapping = {
  status: "needs_mapping";
  fileName: string;
  grid: Grid;
  suggestion: Mapping;
  year: number | null;
};
type ApiError = {
  code: string;
  message: string;
  messageEn: string;
  fields?: Record<string, string[]>;
  fieldsEn?: Record<string, string[]>;
};

const MAX_BYTES = 2 * 1024 * 1024;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const STATUS_STYLE: Record<PreviewStatus, string> = {
  new: "bg-emerald-50 text-emerald-800",
  changed: "bg-amber-50 text-amber-900",
  unchanged: "text-slate-500",
  error: "bg-red-50 text-red-800",
  conflict: "bg-red-50 text-red-800",
};
const columnLetter = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Upload → preview (each cell new, changed, unchanged, in error) → confirm; or map another layout first. */
export function ImportFlow({
  provinceId,
  month,
  locale,
  catalogue,
}: {
  provinceId: string;
  month: string;
  locale: Locale;
  catalogue: CatalogueEntry[];
}) {
  const t = useTranslations("import.excel");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<{ grid: Grid; draft: Mapping; year: number | null } | null>(null);
  const [vintage, setVintage] = useState<"estimate" | "preliminary" | "official">("official");
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [pending, start] = useTransition();
  const text = (m: Message | { message: string; messageEn: string }) =>
    "vi" in m ? (locale === "en" ? m.en : m.vi) : locale === "en" ? m.messageEn : m.message;
  const names = new Map(catalogue.map((c) => [c.code, c]));
  const nameOf = (code: string) => {
    const c = names.get(code);
    return c ? (locale === "en" ? c.nameEn : c.nameVi) : code;
  };
  const periodText = (p: string) => {
    const parsed = parsePeriod(p);
    return parsed ? periodLabel(parsed, locale) : p;
  };

  async function upload(options: { mapping?: Mapping; year?: number | null; sheet?: string } = {}) {
    if (!file) return setError(t("noFile"));
    if (file.size > MAX_BYTES) return setError(t("tooLarge"));
    setBusy(true);
    setError(null);
    setDone(null);
    setConflicts(null);
    const body = new FormData();
    body.set("file", file);
    body.set("month", month);
    body.set("vintage", vintage);
    if (options.mapping) body.set("mapping", JSON.stringify(options.mapping));
    if (options.year) body.set("year", String(options.year));
    if (options.sheet) body.set("sheet", options.sheet);
    try {
      const response = await fetch(`/api/v1/provinces/${encodeURIComponent(provinceId)}/imports`, {
        method: "POST",
        body,
      });
      const json = (await response.json()) as Preview | NeedsMapping | { error: ApiError };
      if ("error" in json) {
        setPreview(null);
        setError(text(json.error));
      } else if (json.status === "needs_mapping") {
        setPreview(null);
        setMapping({ grid: json.grid, draft: json.suggestion, year: json.year });
      } else {
        setPreview(json);
        if (json.mapping && json.grid) setMapping(null);
      }
    } catch {
      setError(
        locale === "en"
          ? "The upload failed. Please try again."
          : "Tải lên không thành công. Vui lòng thử lại.",
      );
    } finally {
      setBusy(false);
    }
  }

  function confirm() {
    if (!preview?.importId) return;
    const importId = preview.importId;
    start(async () => {
      const result = await commitImportAction(null, { provinceId, importId });
      if (result.ok) {
        setDone(result.data.saved);
        setPreview(null);
      } else {
        setError(text(result.error));
        const { fields } = inLocale(result.error, locale);
        setConflicts(fields ? Object.values(fields).flat() : null);
      }
    });
  }

  const shown = preview?.cells.filter((c) => showUnchanged || c.status !== "unchanged") ?? [];
  const writes = preview ? preview.counts.new + preview.counts.changed : 0;

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("file")}</span>
          <input
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            className="max-w-full text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setMapping(null);
              setDone(null);
            }}
          />
        </label>
        <button
          type="submit"
          disabled={busy || !file}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-50"
        >
          {busy ? t("reading") : t("preview")}
        </button>
      </form>

      {error && (
        <div
          data-testid="import-error"
          className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          {conflicts ? <p className="font-medium">{t("conflictTitle")}</p> : null}
          <p>{error}</p>
          {conflicts && (
            <ul className="mt-2 list-disc pl-5">
              {conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {done !== null && (
        <div
          data-testid="import-done"
          className="rounded border border-emerald-200 bg-emerald-50 p-3 text-sm"
        >
          <p>{t("saved", { count: done })}</p>
          <Link
            className="underline"
            href={`/entry?province=${encodeURIComponent(provinceId)}&month=${month}`}
          >
            {t("openSheet")}
          </Link>
        </div>
      )}

      {mapping && (
        <MappingEditor
          grid={mapping.grid}
          initial={mapping.draft}
          initialYear={mapping.year ?? Number(month.slice(0, 4))}
          vintage={vintage}
          onVintage={setVintage}
          catalogue={catalogue}
          locale={locale}
          busy={busy}
          onSheet={(sheet) => void upload({ sheet })}
          onApply={(m, year) => void upload({ mapping: m, year })}
        />
      )}

      {preview && (
        <section className="space-y-3" data-testid="import-preview">
          <p className="text-sm text-slate-700" data-testid="import-summary">
            <span className="font-medium">{preview.fileName}</span> —{" "}
            {t("summary", {
              new: preview.counts.new,
              changed: preview.counts.changed,
              unchanged: preview.counts.unchanged,
              error: preview.counts.error,
              conflict: preview.counts.conflict,
            })}
          </p>
          {preview.mapping && preview.grid && (
            <p className="text-sm text-slate-600">
              {t("mapping.kept", { sheet: preview.mapping.sheet })}{" "}
              <button
                type="button"
                className="underline"
                onClick={() =>
                  setMapping({
                    grid: preview.grid as Grid,
                    draft: preview.mapping as Mapping,
                    year: preview.year,
                  })
                }
              >
                {t("mapping.edit")}
              </button>
            </p>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={showUnchanged}
              onChange={(e) => setShowUnchanged(e.target.checked)}
            />
            {t("showUnchanged", { count: preview.counts.unchanged })}
          </label>
          <div className="overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="w-full min-w-[640px] text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th className="px-2 py-1.5">{t("columns.cell")}</th>
                  <th className="px-2 py-1.5">{t("columns.indicator")}</th>
                  <th className="px-2 py-1.5">{t("columns.period")}</th>
                  <th className="px-2 py-1.5">{t("columns.measure")}</th>
                  <th className="px-2 py-1.5 text-right">{t("columns.before")}</th>
                  <th className="px-2 py-1.5 text-right">{t("columns.after")}</th>
                  <th className="px-2 py-1.5">{t("columns.status")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const indicator = names.get(c.indicator) ?? { kind: "flow", decimals: 2 };
                  return (
                    <tr
                      key={`${c.cell}|${c.indicator}|${c.period}|${c.measure}`}
                      data-testid="preview-cell"
                      data-status={c.status}
                      data-indicator={c.indicator}
                      className="border-t border-slate-100 align-top"
                    >
                      <td className="px-2 py-1 font-mono text-xs">{c.cell}</td>
                      <td className="px-2 py-1">{nameOf(c.indicator)}</td>
                      <td className="px-2 py-1 whitespace-nowrap">{periodText(c.period)}</td>
                      <td className="px-2 py-1 whitespace-nowrap">{t(`measures.${c.measure}`)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">
                        {formatFigure(c.before, indicator, c.measure, locale)}
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums">
                        {formatFigure(c.after, indicator, c.measure, locale)}
                      </td>
                      <td className="px-2 py-1">
                        <span
                          className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[c.status]}`}
                        >
                          {t(`status.${c.status}`)}
                        </span>
                        {c.message && <p className="mt-1 text-xs">{text(c.message)}</p>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {preview.warnings.length > 0 && (
            <div
              className="rounded border border-amber-200 bg-amber-50 p-3 text-sm"
              data-testid="import-warnings"
            >
              <p className="font-medium">{t("warnings")}</p>
              <ul className="mt-1 list-disc pl-5">
                {preview.warnings.map((w) => (
                  <li key={`${w.month}|${w.indicator}|${w.code}|${w.message.vi}`}>
                    {periodText(w.month)} · {nameOf(w.indicator)}: {text(w.message)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={confirm}
              disabled={!preview.importId || pending || preview.counts.conflict > 0}
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-50"
            >
              {pending ? t("saving") : t("confirm", { count: writes })}
            </button>
            <p className="text-sm text-slate-600">
              {preview.counts.error > 0
                ? t("cannotConfirmErrors")
                : preview.counts.conflict > 0
                  ? t("cannotConfirmConflicts")
                  : writes === 0
                    ? t("nothingToSave")
                    : null}
            </p>
          </div>
        </section>
      )}
    </div>
  );
}

function MappingEditor({
  grid,
  initial,
  initialYear,
  vintage,
  onVintage,
  catalogue,
  locale,
  busy,
  onSheet,
  onApply,
}: {
  grid: Grid;
  initial: Mapping;
  initialYear: number;
  vintage: "estimate" | "preliminary" | "official";
  onVintage: (v: "estimate" | "preliminary" | "official") => void;
  catalogue: CatalogueEntry[];
  locale: Locale;
  busy: boolean;
  onSheet: (sheet: string) => void;
  onApply: (mapping: Mapping, year: number) => void;
}) {
  const t = useTranslations("import.excel");
  const [headerRow, setHeaderRow] = useState(initial.headerRow);
  const [labelColumn, setLabelColumn] = useState(initial.labelColumn);
  const [year, setYear] = useState(initialYear);
  const [rowChoice, setRowChoice] = useState<Record<string, { value: string; index100: boolean }>>(() =>
    Object.fromEntries(
      initial.rows.map((r) => [r.label, { value: `${r.indicator}|${r.measure}`, index100: r.index100 }]),
    ),
  );
  const [columnChoice, setColumnChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(initial.columns.map((c) => [c.header, `${c.kind}|${c.month}`])),
  );
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  const labels = [
    ...new Set(
      grid.rows
        .slice(headerRow)
        .map((r) => r[labelColumn - 1] ?? "")
        .filter((s) => cleanLabel(s)),
    ),
  ];
  const headers = [...new Set((grid.rows[headerRow - 1] ?? []).filter((h) => headerKey(h)))];
  const vintages = ["estimate", "preliminary", "official"] as const;
  const vintageLabel = { estimate: "Ước tính", preliminary: "Sơ bộ", official: "Chính thức" };
  const vintageLabelEn = { estimate: "Estimate", preliminary: "Preliminary", official: "Official" };

  function apply() {
    const rows: Mapping["rows"] = [];
    for (const text of labels) {
      const label = cleanLabel(text);
      const choice = rowChoice[label];
      if (!choice?.value) continue;
      const [indicator, measure] = choice.value.split("|");
      if (rows.some((r) => r.label === label)) continue;
      rows.push({ label, indicator, measure: measure as Measure, index100: choice.index100 });
    }
    const columns: Mapping["columns"] = [];
    for (const text of headers) {
      const header = headerKey(text);
      const choice = columnChoice[header];
      if (!choice || columns.some((c) => c.header === header)) continue;
      const [kind, m] = choice.split("|");
      columns.push({ header, kind: kind as "month" | "ytd", month: Number(m) });
    }
    onApply({ sheet: grid.sheet, labelColumn, headerRow, rows, columns }, year);
  }

  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-3" data-testid="mapping-editor">
      <h2 className="font-semibold">{t("mapping.title")}</h2>
      <p className="text-sm text-slate-600">{t("mapping.intro")}</p>
      <div className="flex min-w-0 flex-wrap gap-3 text-sm">
        {grid.sheets.length > 1 && (
          <label className="flex flex-col gap-1">
            {t("mapping.sheet")}
            <select
              className="rounded border border-slate-300 px-2 py-1"
              value={grid.sheet}
              onChange={(e) => onSheet(e.target.value)}
            >
              {grid.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <label className="flex min-w-0 max-w-full flex-col gap-1">
          {t("mapping.headerRow")}
          <select
            className="w-full max-w-xs rounded border border-slate-300 px-2 py-1"
            value={headerRow}
            onChange={(e) => {
              const row = Number(e.target.value);
              setHeaderRow(row);
              const next: Record<string, string> = {};
              for (const h of grid.rows[row - 1] ?? []) {
                const read = readHeader(h);
                if (read) next[headerKey(h)] = `${read.kind}|${read.month}`;
              }
              setColumnChoice(next);
            }}
          >
            {grid.rows.slice(0, 40).map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the sheet
              <option key={i} value={i + 1}>
                {i + 1}: {r.filter(Boolean).slice(0, 3).join(" · ").slice(0, 50)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("mapping.labelColumn")}
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={labelColumn}
            onChange={(e) => setLabelColumn(Number(e.target.value))}
          >
            {Array.from({ length: Math.max(width, 1) }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the sheet
              <option key={i} value={i + 1}>
                {columnLetter(i + 1)}: {(grid.rows[headerRow - 1]?.[i] ?? "").slice(0, 30)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("mapping.year")}
          <input
            type="number"
            min={2000}
            max={2100}
            className="w-24 rounded border border-slate-300 px-2 py-1"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </label>
        <label className="flex flex-col gap-1">
          {t("mapping.vintage")}
          <select
            className="rounded border border-slate-300 px-2 py-1"
            value={vintage}
            onChange={(e) => onVintage(e.target.value as typeof vintage)}
          >
            {vintages.map((v) => (
              <option key={v} value={v}>
                {locale === "en" ? vintageLabelEn[v] : vintageLabel[v]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium">{t("mapping.rows")}</h3>
          <ul className="space-y-1.5 text-sm">
            {labels.map((text) => {
              const label = cleanLabel(text);
              const choice = rowChoice[label] ?? { value: "", index100: false };
              const percent = choice.value.endsWith("_pct");
              return (
                <li key={text} className="flex flex-wrap items-center gap-2" data-testid="mapping-row">
                  <span className="min-w-0 flex-1 basis-48 truncate" title={text}>
                    {text}
                  </span>
                  <select
                    aria-label={text}
                    className="w-full min-w-0 rounded border border-slate-300 px-1 py-0.5 sm:w-auto sm:max-w-xs"
                    value={choice.value}
                    onChange={(e) =>
                      setRowChoice({ ...rowChoice, [label]: { ...choice, value: e.target.value } })
                    }
                  >
                    <option value="">{t("mapping.skip")}</option>
                    {catalogue.flatMap((c) =>
                      (MEASURES_BY_KIND[c.kind] ?? ["value"]).map((m) => (
                        <option key={`${c.code}|${m}`} value={`${c.code}|${m}`}>
                          {locale === "en" ? c.nameEn : c.nameVi} — {t(`measures.${m}`)}
                        </option>
                      )),
                    )}
                  </select>
                  {percent && (
                    <label className="flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        checked={choice.index100}
                        onChange={(e) =>
                          setRowChoice({ ...rowChoice, [label]: { ...choice, index100: e.target.checked } })
                        }
                      />
                      {t("mapping.index100")}
                    </label>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium">{t("mapping.columns")}</h3>
          <ul className="space-y-1.5 text-sm">
            {headers.map((text) => {
              const header = headerKey(text);
              return (
                <li key={text} className="flex items-center gap-2" data-testid="mapping-column">
                  <span className="min-w-0 flex-1 truncate">{text}</span>
                  <select
                    aria-label={text}
                    className="rounded border border-slate-300 px-1 py-0.5"
                    value={columnChoice[header] ?? ""}
                    onChange={(e) => setColumnChoice({ ...columnChoice, [header]: e.target.value })}
                  >
                    <option value="">{t("mapping.skip")}</option>
                    {MONTHS.map((m) => (
                      <option key={`month|${m}`} value={`month|${m}`}>
                        {t("mapping.monthOption", { month: m })}
                      </option>
                    ))}
                    {MONTHS.map((m) => (
                      <option key={`ytd|${m}`} value={`ytd|${m}`}>
                        {t("mapping.ytdOption", { month: m })}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      <button
        type="button"
        onClick={apply}
        disabled={busy}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-50"
      >
        {t("mapping.apply")}
      </button>
    </section>
  );
}
