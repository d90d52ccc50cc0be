"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Fragment, useEffect, useState, useTransition } from "react";
import { saveTargetsAction } from "@/app/(app)/targets/actions";
import { inLocale } from "@/lib/errors";
import { formatDateTime, type Locale, MISSING } from "@/lib/format";
import { formatForInput, parseVietnameseNumber } from "@/lib/numbers";
import {
  type Basis,
  FORMS,
  formOf,
  normaliseDocument,
  QUARTERS,
  type SavedTarget,
  sameTarget,
  type TargetContent,
  type TargetField,
  type TargetForm,
  type TargetRow,
  type TargetWrite,
  targetProblems,
} from "@/lib/targets";
import { unitLabel } from "@/lib/units";
import { TargetHistory } from "./target-history";
import { targetText } from "./target-text";

type Quad = [string, string, string, string];
/** What is typed in a row: the year's target, its shape, the four quarterly scenarios, the document. */
type Draft = {
  basis: Basis;
  form: TargetForm;
  value: string;
  valueMax: string;
  quarters: Quad;
  document: string;
  /** The versions the draft was started from: what the save names, so a change made meanwhile is caught. */
  base: { year: number | null; quarters: (number | null)[] };
};
/** Where a message goes in a row. */
type Field = "basis" | "form" | "value" | "valueMax" | "document" | "q1" | "q2" | "q3" | "q4" | "row";
type Current = (TargetContent & { version: number }) | null;
type Conflict = { quarter: number | null; current: Current };
type Sent = { code: string; quarter: number | null };

const quarterField = (q: number) => `q${q}` as Field;
const baseOf = (row: TargetRow): Draft["base"] => ({
  year: row.year?.version ?? null,
  quarters: row.quarters.map((q) => q?.version ?? null),
});

function draftOf(row: TargetRow): Draft {
  const basis = row.year?.basis ?? row.defaultBasis;
  const percent = basis === "growth";
  return {
    basis,
    form: row.year ? formOf(row.year) : "exact",
    value: row.year ? formatForInput(row.year.value, 6, { percent }) : "",
    valueMax: row.year?.valueMax != null ? formatForInput(row.year.valueMax, 6, { percent }) : "",
    quarters: row.quarters.map((q) => (q ? formatForInput(q.value, 6, { percent: true }) : "")) as Quad,
    document: row.year?.document ?? "",
    base: baseOf(row),
  };
}

/** What a draft says, whitespace aside: two drafts with the same key save the same targets. */
const contentKey = (d: Draft) =>
  JSON.stringify([
    d.basis,
    d.form,
    d.value.trim(),
    d.form === "range" ? d.valueMax.trim() : "",
    d.basis === "growth" ? d.quarters.map((q) => q.trim()) : [],
    d.document.trim(),
  ]);
/** The versions a row shows; after a save, the page has caught up when they are the saved ones. */
const signature = (row: TargetRow) =>
  [row.year?.version ?? 0, ...row.quarters.map((q) => q?.version ?? 0)].join("|");

const contentOf = (w: TargetWrite): TargetContent => ({
  basis: w.basis,
  value: w.value,
  valueMax: w.valueMax ?? null,
  bound: w.bound ?? "exact",
  document: normaliseDocument(w.document),
});

/**
 * The year's targets of a province, one row per indicator. For the province admin every row is a
 * small form (basis, shape, value, scenarios, document); "Lưu" sends every changed target in one
 * request, which the server saves all or nothing. The server is the source of truth: this
 * component only overlays what is typed and not yet saved.
 */
export function TargetsSheet({
  provinceId,
  year,
  rows,
  editable,
  locale,
}: {
  provinceId: string;
  year: number;
  rows: TargetRow[];
  editable: boolean;
  locale: Locale;
}) {
  const t = useTranslations("targets");
  const tEntry = useTranslations("entry");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, Partial<Record<Field, string>>>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  /** Rows saved and waiting for the page to show the saved versions: their signature, and the draft saved. */
  const [expected, setExpected] = useState<Record<string, { signature: string; key: string }>>({});
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text?: string } | null>(null);

  const words = { atLeast: t("atLeast"), atMost: t("atMost") };
  const text = (target: Parameters<typeof targetText>[0], row: TargetRow) =>
    targetText(target, row, words, locale);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const draftFor = (row: TargetRow) => drafts[row.code] ?? draftOf(row);
  const dirty = Object.entries(drafts).filter(([code, d]) => {
    const row = byCode.get(code);
    return row && !expected[code] && contentKey(d) !== contentKey(draftOf(row));
  });

  // Once the page shows what was saved, the draft has done its job; if more was typed meanwhile,
  // it stays, now based on the saved versions.
  useEffect(() => {
    const caughtUp = Object.entries(expected).filter(([code, e]) => {
      const row = rows.find((r) => r.code === code);
      return row && signature(row) === e.signature;
    });
    if (caughtUp.length === 0) return;
    setDrafts((all) => {
      const next = { ...all };
      for (const [code, e] of caughtUp) {
        const row = rows.find((r) => r.code === code);
        const d = next[code];
        if (!d || !row) continue;
        if (contentKey(d) === e.key) delete next[code];
        else next[code] = { ...d, base: baseOf(row) };
      }
      return next;
    });
    setExpected((all) => {
      const next = { ...all };
      for (const [code] of caughtUp) delete next[code];
      return next;
    });
  }, [rows, expected]);

  const edit = (row: TargetRow, change: Partial<Draft>, field: Field) => {
    setDrafts((all) => ({ ...all, [row.code]: { ...(all[row.code] ?? draftOf(row)), ...change } }));
    setErrors(({ [row.code]: rowErrors, ...rest }) => {
      if (!rowErrors) return rest;
      const { [field]: _, row: __, ...kept } = rowErrors;
      return Object.keys(kept).length ? { ...rest, [row.code]: kept } : rest;
    });
    setStatus(null);
  };

  const parse = (input: string, percent: boolean): { value: number } | { error: string } => {
    const r = parseVietnameseNumber(input, { percent });
    if (r.ok) return { value: r.value };
    return { error: locale === "en" ? r.messageEn : r.messageVi };
  };
  const say = (m: { vi: string; en: string }) => (locale === "en" ? m.en : m.vi);

  /** The targets a row's draft changes, or what is wrong with it, by field. */
  const writesOf = (row: TargetRow, d: Draft) => {
    const problems: Partial<Record<Field, string>> = {};
    const writes: { write: TargetWrite; quarter: number | null }[] = [];
    const document = normaliseDocument(d.document);
    const percent = d.basis === "growth";
    const place = (
      found: Partial<Record<TargetField, { vi: string; en: string }>>,
      quarter: number | null,
    ) => {
      for (const [field, message] of Object.entries(found)) {
        const at: Field = quarter
          ? quarterField(quarter)
          : field === "bound"
            ? "form"
            : field === "value" || field === "valueMax" || field === "basis"
              ? field
              : "row";
        problems[at] ??= say(message);
      }
    };

    if (d.value.trim() === "") {
      const newScenario =
        d.basis === "growth" && d.quarters.some((q, i) => q.trim() !== "" && !row.quarters[i]);
      if (row.year) problems.value = t("cannotClear");
      else if (d.form === "range" && d.valueMax.trim() !== "") problems.value = t("needLower");
      // A document alone would be lost: it belongs to a target (or goes with new scenarios).
      else if (document !== null && !newScenario) problems.value = t("needValue");
    } else {
      const low = parse(d.value, percent);
      let high: number | null = null;
      if ("error" in low) problems.value = low.error;
      if (d.form === "range") {
        const max = d.valueMax.trim() === "" ? { error: t("needUpper") } : parse(d.valueMax, percent);
        if ("error" in max) problems.valueMax = max.error;
        else high = max.value;
      }
      if ("value" in low && !problems.valueMax) {
        const write: TargetWrite = {
          indicator: row.code,
          year,
          basis: d.basis,
          value: low.value,
          valueMax: high,
          bound: d.form === "range" ? "exact" : d.form,
          quarter: null,
          document,
          version: d.base.year,
        };
        const found = targetProblems(write, { kind: row.kind });
        place(found, null);
        if (Object.keys(found).length === 0 && !(row.year && sameTarget(row.year, contentOf(write)))) {
          writes.push({ write, quarter: null });
        }
      }
    }

    if (d.basis === "growth") {
      for (const q of QUARTERS) {
        const input = d.quarters[q - 1];
        const saved: SavedTarget | null = row.quarters[q - 1];
        if (input.trim() === "") {
          if (saved) problems[quarterField(q)] = t("cannotClear");
          continue;
        }
        const parsed = parse(input, true);
        if ("error" in parsed) {
          problems[quarterField(q)] = parsed.error;
          continue;
        }
        const write: TargetWrite = {
          indicator: row.code,
          year,
          basis: "growth",
          value: parsed.value,
          // A scenario keeps its own shape and document; a new one takes the row's document.
          valueMax: saved?.valueMax ?? null,
          bound: saved?.bound ?? "exact",
          quarter: q,
          document: saved ? saved.document : document,
          version: d.base.quarters[q - 1],
        };
        const found = targetProblems(write, { kind: row.kind });
        place(found, q);
        if (Object.keys(found).length === 0 && !(saved && sameTarget(saved, contentOf(write)))) {
          writes.push({ write, quarter: q });
        }
      }
    }
    return { writes, problems };
  };

  const save = () =>
    start(async () => {
      const targets: TargetWrite[] = [];
      const sent: Sent[] = [];
      const found: Record<string, Partial<Record<Field, string>>> = {};
      const keys: Record<string, string> = {};
      for (const [code, d] of dirty) {
        const row = byCode.get(code);
        if (!row) continue;
        const { writes, problems } = writesOf(row, d);
        if (Object.keys(problems).length > 0) found[code] = problems;
        keys[code] = contentKey(d);
        for (const w of writes) {
          targets.push(w.write);
          sent.push({ code, quarter: w.quarter });
        }
      }
      setErrors(found);
      setConflicts({});
      if (Object.keys(found).length > 0) {
        setStatus({ kind: "error", text: t("fixErrors") });
        return;
      }
      const sentCodes = new Set(sent.map((s) => s.code));
      // Rows typed back to what is saved have nothing to send.
      setDrafts((all) =>
        Object.fromEntries(Object.entries(all).filter(([code]) => sentCodes.has(code) || expected[code])),
      );
      if (targets.length === 0) {
        setStatus({ kind: "saved" });
        return;
      }

      const result = await saveTargetsAction(null, { provinceId, targets });
      if (result.ok) {
        const next: Record<string, { signature: string; key: string }> = {};
        for (const code of sentCodes) {
          const row = byCode.get(code) as TargetRow;
          const versions = signature(row).split("|").map(Number);
          result.data.forEach((saved, i) => {
            if (sent[i].code === code) versions[saved.quarter ?? 0] = saved.version;
          });
          next[code] = { signature: versions.join("|"), key: keys[code] };
        }
        setExpected((all) => ({ ...all, ...next }));
        setStatus({ kind: "saved" });
        router.refresh();
        return;
      }

      // Nothing was saved: say why, in the row at fault where there is one.
      const { error } = result;
      const shown = inLocale(error, locale);
      const rowErrors: Record<string, Partial<Record<Field, string>>> = {};
      for (const [path, messages] of Object.entries(shown.fields ?? {})) {
        const match = /^targets\.(\d+)(?:\.(\w+))?$/.exec(path);
        const at = match ? sent[Number(match[1])] : undefined;
        if (!match || !at || match[2] === "version") continue;
        const field: Field = at.quarter
          ? quarterField(at.quarter)
          : match[2] === "bound"
            ? "form"
            : match[2] === "value" || match[2] === "valueMax" || match[2] === "basis"
              ? match[2]
              : "row";
        rowErrors[at.code] = { ...rowErrors[at.code], [field]: messages[0] };
      }
      setErrors(rowErrors);
      const details = error.details as { index?: number; current?: Current } | undefined;
      if (error.code === "conflict" && details?.index !== undefined && sent[details.index]) {
        const at = sent[details.index];
        setConflicts({ [at.code]: { quarter: at.quarter, current: details.current ?? null } });
      }
      setStatus({ kind: "error", text: shown.message });
    });

  /** After a conflict: keep what I typed, now based on the version just seen; or take the saved one. */
  const resolve = (row: TargetRow, keepMine: boolean) => {
    const conflict = conflicts[row.code];
    if (!conflict) return;
    setConflicts(({ [row.code]: _, ...rest }) => rest);
    setStatus(null);
    if (keepMine) {
      const d = draftFor(row);
      const version = conflict.current?.version ?? null;
      const base =
        conflict.quarter === null
          ? { ...d.base, year: version }
          : {
              ...d.base,
              quarters: d.base.quarters.map((v, i) => (i === (conflict.quarter ?? 0) - 1 ? version : v)),
            };
      setDrafts((all) => ({ ...all, [row.code]: { ...d, base } }));
    } else {
      setDrafts(({ [row.code]: _, ...rest }) => rest);
      router.refresh();
    }
  };

  const groups = [...new Set(rows.map((r) => r.group))];
  const columns = editable ? 9 : 8;
  const anyTarget = rows.some((r) => r.year || r.quarters.some(Boolean));
  const errorId = (row: TargetRow, field: Field) => `${row.code}-${field}-error`;
  const fieldError = (row: TargetRow, field: Field) => {
    const message = errors[row.code]?.[field];
    return message ? (
      <span
        id={errorId(row, field)}
        className="block max-w-56 text-left text-xs text-red-700"
        data-testid="target-error"
      >
        {message}
      </span>
    ) : null;
  };
  const invalidProps = (row: TargetRow, field: Field) =>
    errors[row.code]?.[field]
      ? { "aria-invalid": true as const, "aria-describedby": errorId(row, field) }
      : { "aria-invalid": false as const };
  const inputClass = (row: TargetRow, field: Field, changed: boolean) =>
    `num rounded border px-1.5 py-1 text-right disabled:bg-slate-50 ${
      errors[row.code]?.[field] ? "border-red-500" : changed ? "border-amber-400" : "border-slate-300"
    }`;

  const versionInfo = (row: TargetRow) => {
    const latest = [row.year, ...row.quarters]
      .filter((x): x is SavedTarget => x !== null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!latest || !row.year) {
      return latest ? (
        <span className="block text-xs text-slate-500">
          {latest.updatedBy ?? t("system")}, {formatDateTime(latest.updatedAt, locale)}
        </span>
      ) : (
        <span className="block text-slate-400">{MISSING}</span>
      );
    }
    return (
      <span className="block text-xs" data-testid="target-version">
        <span className="block font-medium">{t("versionN", { version: row.year.version })}</span>
        <span className="block text-slate-500">{latest.updatedBy ?? t("system")}</span>
        <span className="block text-slate-500">{formatDateTime(latest.updatedAt, locale)}</span>
      </span>
    );
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">{editable ? t("editHelp") : t("readOnly")}</p>
        {editable && (
          <div className="flex items-center gap-3">
            <p
              aria-live="polite"
              data-testid="targets-save-state"
              className={status?.kind === "error" ? "text-red-700" : "text-slate-700"}
            >
              {pending
                ? tEntry("saving")
                : status?.kind === "error"
                  ? status.text
                  : dirty.length > 0
                    ? tEntry("unsaved")
                    : status?.kind === "saved"
                      ? tEntry("saved")
                      : ""}
            </p>
            <button
              type="button"
              onClick={save}
              disabled={pending || dirty.length === 0}
              className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900 disabled:opacity-50"
            >
              {pending ? tEntry("saving") : t("save")}
            </button>
          </div>
        )}
      </div>
      {!editable && !anyTarget && <p className="text-slate-600">{t("empty")}</p>}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full min-w-[1080px] text-sm" data-testid="targets">
          <thead className="bg-slate-100 text-left text-xs">
            <tr>
              <th className="px-2 py-2" rowSpan={2}>
                {t("columns.indicator")}
              </th>
              {editable && (
                <th className="px-2 py-2" rowSpan={2}>
                  {t("basis")} · {t("columns.form")}
                </th>
              )}
              <th className="px-2 py-2 text-right" rowSpan={2}>
                {t("columns.target", { year })}
              </th>
              <th className="px-2 pt-2 text-center" colSpan={4}>
                {t("columns.scenarios")}
              </th>
              <th className="px-2 py-2" rowSpan={2}>
                {t("document")}
              </th>
              <th className="px-2 py-2" rowSpan={2}>
                {t("columns.version")}
              </th>
            </tr>
            <tr>
              {QUARTERS.map((q) => (
                <th key={q} className="whitespace-nowrap px-2 pb-2 text-right">
                  {t(`quarters.${q}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <Fragment key={group}>
                <tr className="bg-slate-50">
                  <th
                    colSpan={columns}
                    className="px-2 py-1 text-left text-xs font-semibold uppercase text-slate-600"
                  >
                    {tEntry(`groups.${group}`)}
                  </th>
                </tr>
                {rows
                  .filter((r) => r.group === group)
                  .map((row) => {
                    const name = locale === "en" ? row.nameEn : row.nameVi;
                    const d = draftFor(row);
                    const saved = draftOf(row);
                    const conflict = conflicts[row.code];
                    const unit = d.basis === "growth" ? "%" : unitLabel(row.unit, locale);
                    return (
                      <tr
                        key={row.code}
                        data-indicator={row.code}
                        className="border-t border-slate-100 align-top"
                      >
                        <td
                          className={`min-w-56 px-2 py-1.5 ${row.parentCode ? "pl-6 text-slate-700" : "font-medium"}`}
                        >
                          <span>{name}</span>
                          <span className="ml-1 text-xs text-slate-500">({unitLabel(row.unit, locale)})</span>
                          {fieldError(row, "row")}
                          {conflict && (
                            <span className="mt-1 block text-xs text-red-800" data-testid="target-conflict">
                              {t("conflict")}.{" "}
                              {conflict.current
                                ? t("conflictDetail", {
                                    value: text(conflict.current, row),
                                    version: conflict.current.version,
                                  })
                                : ""}
                              <button
                                type="button"
                                className="ml-1 underline"
                                onClick={() => resolve(row, true)}
                              >
                                {tEntry("keepMine")}
                              </button>{" "}
                              <button type="button" className="underline" onClick={() => resolve(row, false)}>
                                {tEntry("takeTheirs")}
                              </button>
                            </span>
                          )}
                        </td>
                        {editable ? (
                          <>
                            <td className="space-y-1 px-1 py-1">
                              <select
                                aria-label={`${t("basis")} — ${name}`}
                                data-field="basis"
                                value={d.basis}
                                onChange={(e) => edit(row, { basis: e.target.value as Basis }, "basis")}
                                {...invalidProps(row, "basis")}
                                className="block w-32 rounded border border-slate-300 px-1 py-1 text-xs"
                              >
                                <option value="level" disabled={row.kind === "index"}>
                                  {t("bases.level")}
                                </option>
                                <option value="growth">{t("bases.growth")}</option>
                              </select>
                              {fieldError(row, "basis")}
                              <select
                                aria-label={`${t("columns.form")} — ${name}`}
                                data-field="form"
                                value={d.form}
                                onChange={(e) => edit(row, { form: e.target.value as TargetForm }, "form")}
                                {...invalidProps(row, "form")}
                                className="block w-32 rounded border border-slate-300 px-1 py-1 text-xs"
                              >
                                {FORMS.map((f) => (
                                  <option key={f} value={f}>
                                    {t(`forms.${f}`)}
                                  </option>
                                ))}
                              </select>
                              {fieldError(row, "form")}
                            </td>
                            <td className="px-1 py-1 text-right">
                              <span className="inline-flex items-center gap-1">
                                <input
                                  aria-label={`${t("columns.target", { year })} — ${name}`}
                                  data-field="value"
                                  inputMode="decimal"
                                  value={d.value}
                                  onChange={(e) => edit(row, { value: e.target.value }, "value")}
                                  {...invalidProps(row, "value")}
                                  className={`w-24 ${inputClass(row, "value", d.value !== saved.value)}`}
                                />
                                {d.form === "range" && (
                                  <>
                                    <span aria-hidden="true">–</span>
                                    <input
                                      aria-label={`${t("valueMax")} — ${name}`}
                                      data-field="valueMax"
                                      inputMode="decimal"
                                      value={d.valueMax}
                                      onChange={(e) => edit(row, { valueMax: e.target.value }, "valueMax")}
                                      {...invalidProps(row, "valueMax")}
                                      className={`w-24 ${inputClass(row, "valueMax", d.valueMax !== saved.valueMax)}`}
                                    />
                                  </>
                                )}
                                <span className="min-w-10 text-left text-xs text-slate-500">{unit}</span>
                              </span>
                              {fieldError(row, "value")}
                              {fieldError(row, "valueMax")}
                            </td>
                            {QUARTERS.map((q) => {
                              const field = quarterField(q);
                              const value = d.quarters[q - 1];
                              return (
                                <td key={q} className="px-1 py-1 text-right">
                                  <input
                                    aria-label={`${t("scenarioOf", { quarter: t(`quarters.${q}`) })} — ${name}`}
                                    data-field={field}
                                    inputMode="decimal"
                                    disabled={d.basis !== "growth"}
                                    title={d.basis !== "growth" ? t("scenarioNeedsGrowth") : undefined}
                                    value={value}
                                    onChange={(e) => {
                                      const quarters = [...d.quarters] as Quad;
                                      quarters[q - 1] = e.target.value;
                                      edit(row, { quarters }, field);
                                    }}
                                    {...invalidProps(row, field)}
                                    className={`w-16 ${inputClass(row, field, value !== saved.quarters[q - 1])}`}
                                  />
                                  {fieldError(row, field)}
                                </td>
                              );
                            })}
                            <td className="px-1 py-1">
                              <input
                                aria-label={`${t("document")} — ${name}`}
                                data-field="document"
                                value={d.document}
                                maxLength={500}
                                placeholder={t("documentExample")}
                                onChange={(e) => edit(row, { document: e.target.value }, "document")}
                                className={`w-44 rounded border px-1.5 py-1 text-xs ${
                                  d.document !== saved.document ? "border-amber-400" : "border-slate-300"
                                }`}
                              />
                            </td>
                          </>
                        ) : (
                          <>
                            <td className="num px-2 py-1.5 text-right" data-field="target">
                              {row.year ? (
                                text(row.year, row)
                              ) : (
                                <span className="text-slate-400">{MISSING}</span>
                              )}
                            </td>
                            {row.quarters.map((q, i) => (
                              <td
                                key={QUARTERS[i]}
                                className="num px-2 py-1.5 text-right"
                                data-field={`q${i + 1}`}
                              >
                                {q ? text(q, row) : <span className="text-slate-400">{MISSING}</span>}
                              </td>
                            ))}
                            <td className="px-2 py-1.5 text-slate-700" data-field="document">
                              {row.year?.document ?? ""}
                            </td>
                          </>
                        )}
                        <td className="px-2 py-1.5">
                          {versionInfo(row)}
                          <TargetHistory row={row} locale={locale} />
                        </td>
                      </tr>
                    );
                  })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
