"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { saveExtractedAction } from "@/app/(app)/entry/text/actions";
import { inLocale } from "@/lib/errors";
import { formatFigure, type Locale } from "@/lib/format";
import { formatForInput, parseVietnameseNumber } from "@/lib/numbers";
import { parsePeriod, periodLabel } from "@/lib/periods";
import type { Measure } from "@/lib/sheet";
import { type CatalogueEntry, MEASURES_BY_KIND } from "./catalogue";

type Vintage = "estimate" | "preliminary" | "official";
type Found = {
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  sentence: string;
  sentenceStart: number;
  start: number;
  end: number;
  text: string;
  current: { value: number; version: number; vintage: Vintage } | null;
};
type NotTaken = {
  sentence: string;
  sentenceStart: number;
  start: number;
  end: number;
  text: string;
  reason: string;
};
type Row = Found & {
  take: boolean;
  valueText: string;
  original: { indicator: string; period: string; measure: Measure };
};

const VINTAGE_VI: Record<Vintage, string> = {
  estimate: "Ước tính",
  preliminary: "Sơ bộ",
  official: "Chính thức",
};
const VINTAGE_EN: Record<Vintage, string> = {
  estimate: "Estimate",
  preliminary: "Preliminary",
  official: "Official",
};

/** A sentence with the phrase a figure was read from marked. */
function Highlight({ sentence, from, to }: { sentence: string; from: number; to: number }) {
  return (
    <q className="text-slate-700">
      {sentence.slice(0, from)}
      <mark className="rounded bg-yellow-200 px-0.5">{sentence.slice(from, to)}</mark>
      {sentence.slice(to)}
    </q>
  );
}

/** "Dán văn bản báo cáo": text or a .docx → figures found, each confirmed or corrected → saved as draft. */
export function ReportText({
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
  const t = useTranslations("import.text");
  const tm = useTranslations("import.excel.measures");
  const [text, setText] = useState("");
  const [docx, setDocx] = useState<File | null>(null);
  const [period, setPeriod] = useState(month);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [unmatched, setUnmatched] = useState<NotTaken[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [pending, start] = useTransition();
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const name = (code: string) => {
    const c = byCode.get(code);
    return c ? (locale === "en" ? c.nameEn : c.nameVi) : code;
  };
  const percent = (m: Measure) => m === "yoy_pct" || m === "mom_pct";

  async function read() {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const url = `/api/v1/provinces/${encodeURIComponent(provinceId)}/extract`;
      let response: Response;
      if (docx) {
        const body = new FormData();
        body.set("file", docx);
        body.set("period", period);
        response = await fetch(url, { method: "POST", body });
      } else {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text, period }),
        });
      }
      const json = (await response.json()) as
        | { text?: string; figures: Found[]; unmatched: NotTaken[] }
        | { error: { message: string; messageEn: string } };
      if ("error" in json) {
        setError(locale === "en" ? json.error.messageEn : json.error.message);
        return;
      }
      if (json.text !== undefined) {
        setText(json.text);
        setDocx(null);
      }
      setRows(
        json.figures.map((f) => ({
          ...f,
          take: true,
          valueText: formatForInput(f.value, 6, { percent: percent(f.measure) }),
          original: { indicator: f.indicator, period: f.period, measure: f.measure },
        })),
      );
      setUnmatched(json.unmatched);
    } catch {
      setError(
        locale === "en"
          ? "The text could not be read. Please try again."
          : "Không đọc được văn bản. Vui lòng thử lại.",
      );
    } finally {
      setBusy(false);
    }
  }

  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all?.map((r, j) => (j === i ? { ...r, ...patch } : r)) ?? null);
  const parsed = (r: Row) => parseVietnameseNumber(r.valueText, { percent: percent(r.measure) });
  const periodOk = (p: string) => parsePeriod(p) !== null;
  const taken = rows?.filter((r) => r.take) ?? [];
  const ready = taken.length > 0 && taken.every((r) => parsed(r).ok && periodOk(r.period));

  function save() {
    start(async () => {
      const figures = taken.map((r) => {
        const same =
          r.indicator === r.original.indicator &&
          r.period === r.original.period &&
          r.measure === r.original.measure;
        const value = parsed(r);
        return {
          indicator: r.indicator,
          period: r.period,
          measure: r.measure,
          value: value.ok ? value.value : Number.NaN,
          vintage: r.vintage,
          // The version the person saw; a corrected figure's own version is checked by the save path.
          version: same ? (r.current?.version ?? null) : null,
        };
      });
      const result = await saveExtractedAction(null, { provinceId, figures });
      if (result.ok) {
        setSaved(result.data.filter((f) => f.changed).length);
        setRows(null);
        setUnmatched([]);
      } else {
        const { message, fields } = inLocale(result.error, locale);
        setError(`${message} ${fields ? Object.values(fields).flat().join(" ") : ""}`.trim());
      }
    });
  }

  return (
    <div className="space-y-4">
      <form
        className="space-y-3 rounded border border-slate-200 bg-white p-3"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("textLabel")}</span>
          <textarea
            data-testid="report-text"
            rows={7}
            value={text}
            placeholder={t("placeholder")}
            onChange={(e) => setText(e.target.value)}
            className="w-full rounded border border-slate-300 p-2 text-sm"
          />
        </label>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            {t("docx")}
            <input
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              data-testid="report-docx"
              className="max-w-full"
              onChange={(e) => setDocx(e.target.files?.[0] ?? null)}
            />
          </label>
          <label className="flex flex-col gap-1">
            {t("period")}
            <input
              type="month"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button
            type="submit"
            disabled={busy || (!text.trim() && !docx)}
            className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900 disabled:opacity-50"
          >
            {busy ? t("reading") : t("read")}
          </button>
        </div>
      </form>

      {error && (
        <p
          data-testid="text-error"
          className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      {saved !== null && (
        <div data-testid="text-saved" className="rounded border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p>{t("saved", { count: saved })}</p>
          <Link
            className="underline"
            href={`/entry?province=${encodeURIComponent(provinceId)}&month=${month}`}
          >
            {locale === "en" ? "Open the month's sheet" : "Mở bảng nhập tháng"}
          </Link>
        </div>
      )}

      {rows && (
        <section className="space-y-3" data-testid="found-figures">
          <h2 className="font-semibold">{rows.length ? t("found", { count: rows.length }) : t("none")}</h2>
          <ul className="space-y-2">
            {rows.map((r, i) => {
              const kind = byCode.get(r.indicator)?.kind ?? "flow";
              const value = parsed(r);
              return (
                <li
                  key={`${r.start}-${r.original.indicator}-${r.original.measure}`}
                  data-testid="found-figure"
                  data-indicator={r.indicator}
                  className="space-y-2 rounded border border-slate-200 bg-white p-2 text-sm"
                >
                  <Highlight
                    sentence={r.sentence}
                    from={r.start - r.sentenceStart}
                    to={r.end - r.sentenceStart}
                  />
                  <div className="flex flex-wrap items-end gap-2">
                    <label className="flex items-center gap-1">
                      <input
                        type="checkbox"
                        checked={r.take}
                        onChange={(e) => update(i, { take: e.target.checked })}
                      />
                      {t("take")}
                    </label>
                    <label className="flex min-w-0 flex-col">
                      <span className="text-xs text-slate-500">{t("columns.indicator")}</span>
                      <select
                        className="max-w-[16rem] rounded border border-slate-300 px-1 py-0.5"
                        value={r.indicator}
                        onChange={(e) => {
                          const k = byCode.get(e.target.value)?.kind ?? "flow";
                          const measures = MEASURES_BY_KIND[k] ?? ["value"];
                          update(i, {
                            indicator: e.target.value,
                            measure: measures.includes(r.measure) ? r.measure : measures[0],
                          });
                        }}
                      >
                        {catalogue.map((c) => (
                          <option key={c.code} value={c.code}>
                            {locale === "en" ? c.nameEn : c.nameVi}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="flex flex-col">
                      <span className="text-xs text-slate-500">{t("columns.period")}</span>
                      <input
                        className="w-28 rounded border border-slate-300 px-1 py-0.5"
                        value={r.period}
                        aria-invalid={!periodOk(r.period)}
                        title={
                          periodOk(r.period)
                            ? periodLabel(parsePeriod(r.period) as never, locale)
                            : t("invalidPeriod")
                        }
                        onChange={(e) => update(i, { period: e.target.value.trim() })}
                      />
                    </label>
                    <label className="flex flex-col">
                      <span className="text-xs text-slate-500">{t("columns.measure")}</span>
                      <select
                        className="rounded border border-slate-300 px-1 py-0.5"
                        value={r.measure}
                        onChange={(e) => update(i, { measure: e.target.value as Measure })}
                      >
                        {(MEASURES_BY_KIND[kind] ?? ["value"]).map((m) => (
                          <option key={m} value={m}>
                            {tm(m)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="flex flex-col">
                      <span className="text-xs text-slate-500">{t("columns.value")}</span>
                      <input
                        data-testid="found-value"
                        className="w-28 rounded border border-slate-300 px-1 py-0.5 text-right tabular-nums"
                        value={r.valueText}
                        aria-invalid={!value.ok}
                        onChange={(e) => update(i, { valueText: e.target.value })}
                      />
                    </label>
                    <label className="flex flex-col">
                      <span className="text-xs text-slate-500">{t("columns.vintage")}</span>
                      <select
                        className="rounded border border-slate-300 px-1 py-0.5"
                        value={r.vintage}
                        onChange={(e) => update(i, { vintage: e.target.value as Vintage })}
                      >
                        {(["estimate", "preliminary", "official"] as const).map((v) => (
                          <option key={v} value={v}>
                            {locale === "en" ? VINTAGE_EN[v] : VINTAGE_VI[v]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <span className="text-xs text-slate-500">
                      {t("columns.current")}:{" "}
                      {r.current
                        ? formatFigure(
                            r.current.value,
                            byCode.get(r.indicator) ?? { kind: "flow", decimals: 2 },
                            r.measure,
                            locale,
                          )
                        : "—"}
                    </span>
                  </div>
                  <p className="text-xs text-slate-500">{name(r.indicator)}</p>
                  {!value.ok && (
                    <p className="text-xs text-red-700">
                      {locale === "en" ? value.messageEn : value.messageVi}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {unmatched.length > 0 && (
            <details
              className="rounded border border-slate-200 bg-white p-2 text-sm"
              data-testid="unmatched"
              open
            >
              <summary className="cursor-pointer font-medium">
                {t("unmatched", { count: unmatched.length })}
              </summary>
              <p className="mt-1 text-slate-600">{t("unmatchedIntro")}</p>
              <ul className="mt-2 space-y-2">
                {unmatched.map((u) => (
                  <li key={`${u.start}-${u.end}`} data-testid="unmatched-item" data-reason={u.reason}>
                    <Highlight
                      sentence={u.sentence}
                      from={u.start - u.sentenceStart}
                      to={u.end - u.sentenceStart}
                    />
                    <span className="ml-1 text-xs text-slate-500">— {t(`reasons.${u.reason}`)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {rows.length > 0 && (
            <button
              type="button"
              onClick={save}
              disabled={!ready || pending}
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-50"
            >
              {pending ? t("saving") : t("save", { count: taken.length })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
