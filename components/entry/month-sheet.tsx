"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Fragment, type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { saveFiguresAction } from "@/app/(app)/entry/actions";
import { inLocale } from "@/lib/errors";
import { formatFigure, type Locale } from "@/lib/format";
import { formatForInput, parseVietnameseNumber } from "@/lib/numbers";
import { FIELD_KEYS, type FieldKey } from "@/lib/sheet";
import type { Sheet, SheetCell, SheetRow, Vintage } from "@/lib/sheet-model";
import { unitLabel } from "@/lib/units";
import { hardError } from "@/lib/validation";
import { FigureHistory } from "./figure-history";

type Edit = { text: string; baseVersion: number | null };
type CellState =
  | { status: "saving" }
  | { status: "saved" }
  | { status: "error"; message: string }
  | { status: "conflict"; value: number; version: number; mine: number };

const cellId = (row: SheetRow, key: FieldKey) => `${row.code}|${key}`;
const VINTAGES: Vintage[] = ["estimate", "preliminary", "official"];
const AUTOSAVE_MS = 4000;

/**
 * The monthly sheet: one row per indicator, inputs by kind, saved as you go. The server is the
 * source of truth: this component only overlays what is typed and not yet saved (also kept in
 * localStorage, so a reload loses nothing), and refreshes from the server after each save.
 */
export function MonthSheet({
  provinceId,
  month,
  sheet,
  editable,
  readOnlyReason = "readOnly",
  locale,
}: {
  provinceId: string;
  month: string;
  sheet: Sheet;
  editable: boolean;
  /** Why the sheet cannot be written, when it cannot: not the person's unit, or the month's status. */
  readOnlyReason?: "readOnly" | "readOnlySubmitted" | "readOnlyApproved";
  locale: Locale;
}) {
  const t = useTranslations();
  const router = useRouter();
  const storageKey = `chitieu:sheet:${provinceId}:${month}`;
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [states, setStates] = useState<Record<string, CellState>>({});
  const [versions, setVersions] = useState<Record<string, number>>({});
  const [rowMeta, setRowMeta] = useState<Record<string, { vintage: Vintage; note: string | null }>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const [restored, setRestored] = useState({ count: 0, refused: 0 });
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const editsRef = useRef(edits);
  editsRef.current = edits;

  const rowsByCode = new Map(sheet.rows.map((r) => [r.code, r]));
  const cellOf = (id: string): [SheetRow, SheetCell] | null => {
    const [code, key] = id.split("|");
    const row = rowsByCode.get(code);
    const cell = row?.cells.find((c) => c.key === key);
    return row && cell ? [row, cell] : null;
  };
  const versionOf = (id: string, cell: SheetCell) => Math.max(cell.version ?? 0, versions[id] ?? 0) || null;
  const metaOf = (row: SheetRow) => rowMeta[row.code] ?? { vintage: row.vintage, note: row.note };
  /** What the sheet's own checks say about a typed value (the reader's language), or null when it may be sent. */
  const localProblem = (id: string, text: string): string | null => {
    const found = cellOf(id);
    if (!found || text.trim() === "") return null;
    const [row, cell] = found;
    const parsed = parseVietnameseNumber(text, { percent: cell.percent });
    if (!parsed.ok) return locale === "en" ? parsed.messageEn : parsed.messageVi;
    const invalid = hardError(row.kind, cell.measure, parsed.value);
    return invalid ? (locale === "en" ? invalid.en : invalid.vi) : null;
  };
  /** A cell as people name it: "Kim ngạch xuất khẩu — Tháng này". */
  const cellName = (id: string) => {
    const found = cellOf(id);
    if (!found) return id;
    const [row, cell] = found;
    return `${locale === "en" ? row.nameEn : row.nameVi} — ${t(`entry.columns.${cell.key}`)}`;
  };
  /** The inputs of each column, top to bottom: Enter, Tab and pasting move along these. */
  const columnOrder = FIELD_KEYS.flatMap((key) =>
    sheet.rows.filter((r) => r.cells.some((c) => c.key === key)).map((r) => cellId(r, key)),
  );

  // Restore what was typed but not saved before a reload, when the figure has not changed since.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restoring once per sheet is the intent
  useEffect(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(storageKey) ?? "{}") as Record<string, Edit>;
      const usable = Object.fromEntries(
        Object.entries(stored).filter(([id, e]) => {
          const found = cellOf(id);
          return found && (found[1].version ?? null) === e.baseVersion;
        }),
      );
      if (Object.keys(usable).length > 0) {
        // What the checks refused before the reload is kept and marked again, not sent.
        const refused: Record<string, CellState> = {};
        for (const [id, edit] of Object.entries(usable)) {
          const problem = localProblem(id, edit.text);
          if (problem) refused[id] = { status: "error", message: problem };
        }
        setEdits(usable);
        setStates(refused);
        setRestored({ count: Object.keys(usable).length, refused: Object.keys(refused).length });
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [storageKey]);

  useEffect(() => {
    if (Object.keys(edits).length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(edits));
  }, [edits, storageKey]);

  // The closure reads the latest props and edits; it is rebuilt when they change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: helpers defined in render read the same state
  const commit = useCallback(
    async (ids: string[], meta?: Record<string, { vintage: Vintage; note: string | null }>) => {
      const writes = [];
      const sent: string[] = [];
      const sentTexts: Record<string, string | undefined> = {};
      const nextStates: Record<string, CellState> = {};
      for (const id of ids) {
        const found = cellOf(id);
        if (!found) continue;
        const [row, cell] = found;
        const edit = editsRef.current[id];
        let value: number | null = cell.value;
        if (edit) {
          if (edit.text.trim() === "") {
            setEdits(({ [id]: _, ...rest }) => rest);
            continue;
          }
          const parsed = parseVietnameseNumber(edit.text, { percent: cell.percent });
          const problem = localProblem(id, edit.text);
          if (!parsed.ok || problem) {
            nextStates[id] = { status: "error", message: problem ?? "" };
            continue;
          }
          value = parsed.value;
        }
        if (value === null) continue;
        const { vintage, note } = meta?.[row.code] ?? metaOf(row);
        writes.push({
          indicator: row.code,
          period: cell.period,
          measure: cell.measure,
          value,
          vintage,
          note,
          version: versionOf(id, cell),
        });
        sent.push(id);
        sentTexts[id] = edit?.text;
        nextStates[id] = { status: "saving" };
      }
      setStates((s) => ({ ...s, ...nextStates }));
      if (writes.length === 0) return;
      const result = await saveFiguresAction(null, { provinceId, figures: writes });
      if (result.ok) {
        setVersions((v) => ({
          ...v,
          ...Object.fromEntries(result.data.map((f, i) => [sent[i], f.version])),
        }));
        setStates((s) => ({
          ...s,
          ...Object.fromEntries(sent.map((id) => [id, { status: "saved" } as CellState])),
        }));
        // Keep what was typed again while the save was on its way; drop what was saved.
        setEdits((e) => {
          const next = { ...e };
          for (const id of sent) if (next[id]?.text === sentTexts[id]) delete next[id];
          return next;
        });
        setBanner(null);
        router.refresh();
        return;
      }
      // Nothing of the request was saved: say why, on the cell at fault where there is one.
      const { error } = result;
      const { message, fields } = inLocale(error, locale);
      const details = error.details as
        | { index?: number; current?: { value: number; version: number } | null }
        | undefined;
      const failed: Record<string, CellState> = {};
      for (const [i, id] of sent.entries()) {
        const fieldMessage = Object.entries(fields ?? {}).find(([path]) =>
          path.startsWith(`figures.${i}.`),
        )?.[1][0];
        if (error.code === "conflict" && details?.index === i && details.current) {
          failed[id] = {
            status: "conflict",
            value: details.current.value,
            version: details.current.version,
            mine: writes[i].value,
          };
        } else {
          failed[id] = { status: "error", message: fieldMessage ?? message };
        }
      }
      setStates((s) => ({ ...s, ...failed }));
      if (error.code === "locked" || error.code === "forbidden" || error.code === "conflict")
        setBanner(message);
    },
    [sheet, versions, rowMeta, locale, provinceId],
  );

  // Saved every few seconds as well as on leaving a field.
  useEffect(() => {
    if (!editable) return;
    const timer = setInterval(() => {
      const dirty = Object.keys(editsRef.current).filter((id) => states[id]?.status !== "error");
      if (dirty.length > 0) void commit(dirty);
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [commit, editable, states]);

  const move = (id: string, step: number, wrap: boolean) => {
    const at = columnOrder.indexOf(id);
    const column = id.split("|")[1];
    const next = columnOrder[at + step];
    if (!next || (!wrap && next.split("|")[1] !== column)) return false;
    inputs.current.get(next)?.focus();
    inputs.current.get(next)?.select();
    return true;
  };

  const onKeyDown = (id: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === "Tab") {
      if (move(id, e.shiftKey ? -1 : 1, e.key === "Tab")) e.preventDefault();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (move(id, e.key === "ArrowDown" ? 1 : -1, false)) e.preventDefault();
    }
  };

  /**
   * A block copied from Excel: one value per line fills the column downwards; a second (third…)
   * column fills the next input columns to the right. A value with no cell to go to (a row
   * without that column) is said, not dropped silently.
   */
  const onPaste = (id: string) => (e: React.ClipboardEvent<HTMLInputElement>) => {
    const lines = e.clipboardData
      .getData("text/plain")
      .split(/\r?\n/)
      .map((l) => l.split("\t").map((v) => v.trim()));
    while (lines.length > 0 && lines[lines.length - 1].every((v) => v === "")) lines.pop();
    if (lines.length === 0 || (lines.length === 1 && lines[0].length < 2)) return;
    e.preventDefault();
    const [code, column] = id.split("|") as [string, FieldKey];
    const firstKey = FIELD_KEYS.indexOf(column);
    const rows = columnOrder
      .slice(columnOrder.indexOf(id))
      .filter((c) => c.split("|")[1] === column)
      .map((c) => c.split("|")[0]);
    const next = { ...editsRef.current };
    const filled: string[] = [];
    const skipped: string[] = [];
    lines.slice(0, rows.length).forEach((values, i) => {
      values.forEach((text, j) => {
        const key = FIELD_KEYS[firstKey + j];
        const target = key ? `${rows[i]}|${key}` : null;
        const found = target ? cellOf(target) : null;
        if (!target || !found) {
          if (text !== "") skipped.push(rows[i] ?? code);
          return;
        }
        next[target] = { text, baseVersion: found[1].version ?? null };
        filled.push(target);
      });
    });
    editsRef.current = next;
    setEdits(next);
    const names = [...new Set(skipped)].map((c) => {
      const row = rowsByCode.get(c);
      return row ? (locale === "en" ? row.nameEn : row.nameVi) : c;
    });
    setPasteNote(
      skipped.length > 0 ? t("entry.pasteSkipped", { count: skipped.length, cells: names.join(", ") }) : null,
    );
    void commit(filled);
  };

  const changeMeta = (row: SheetRow, change: Partial<{ vintage: Vintage; note: string | null }>) => {
    const meta = { ...metaOf(row), ...change };
    setRowMeta((m) => ({ ...m, [row.code]: meta }));
    return { [row.code]: meta };
  };
  const rowCellIds = (row: SheetRow) =>
    row.cells
      .filter((c) => c.value !== null || editsRef.current[cellId(row, c.key)])
      .map((c) => cellId(row, c.key));

  const resolveConflict = (id: string, keepMine: boolean) => {
    const state = states[id];
    if (state?.status !== "conflict") return;
    setVersions((v) => ({ ...v, [id]: state.version }));
    if (keepMine) {
      editsRef.current = {
        ...editsRef.current,
        [id]: { text: formatForInput(state.mine), baseVersion: state.version },
      };
      setEdits(editsRef.current);
      // The next save carries the version just seen, so it is a decision, not an accident.
      setTimeout(() => void commit([id]), 0);
    } else {
      setEdits(({ [id]: _, ...rest }) => rest);
      setStates(({ [id]: _, ...rest }) => rest);
      router.refresh();
    }
    setBanner(null);
  };

  // lib/format's formatFigure decides: an index's rates with their sign ("+3,22%"), its level bare.
  const fmt = (value: number | null, row: SheetRow, measure: string) =>
    value === null ? "" : formatFigure(value, row, measure, locale);
  /** The context columns show what the month's input is: an index's growth, a flow's amount. */
  const contextMeasure = (row: SheetRow) =>
    row.kind === "index" ? "yoy_pct" : (row.cells.find((c) => c.key === "month")?.measure ?? "value");
  const targetText = (row: SheetRow) => {
    const target = row.context.target;
    if (!target) return "";
    if (target.basis === "growth") {
      const low = formatFigure(target.value, row, "yoy_pct", locale);
      return target.valueMax !== null
        ? `${low} – ${formatFigure(target.valueMax, row, "yoy_pct", locale)}`
        : low;
    }
    const low = formatFigure(target.value, row, "value", locale);
    return target.valueMax !== null ? `${low}–${formatFigure(target.valueMax, row, "value", locale)}` : low;
  };

  const anySaving = Object.values(states).some((s) => s.status === "saving");
  const failedCells = Object.entries(states)
    .filter(([, s]) => s.status === "error" || s.status === "conflict")
    .map(([id]) => id)
    .sort((a, b) => columnOrder.indexOf(a) - columnOrder.indexOf(b));
  const anyError = failedCells.length > 0;
  // The status names the cell at fault (the first, and how many more), not just "error".
  const errorText =
    failedCells.length === 1
      ? t("entry.errorIn", { cells: cellName(failedCells[0]) })
      : t("entry.errorIn", {
          cells: t("entry.errorMore", {
            cells: cellName(failedCells[0] ?? ""),
            count: failedCells.length - 1,
          }),
        });
  const pending = Object.keys(edits).length > 0;
  const groups = [...new Set(sheet.rows.map((r) => r.group))];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" data-testid="sheet-help">
          {editable ? t("entry.pasteHelp") : t(`entry.${readOnlyReason}`)}
        </p>
        <p
          aria-live="polite"
          data-testid="save-state"
          className={anyError ? "text-red-700" : "text-slate-700"}
        >
          {anySaving
            ? t("entry.saving")
            : anyError
              ? errorText
              : pending
                ? t("entry.unsaved")
                : t("entry.saved")}
        </p>
      </div>
      {restored.count > 0 && (
        <p className="text-sm text-amber-900" data-testid="sheet-restored">
          {t("entry.restored", { count: restored.count })}
          {restored.refused > 0 && ` ${t("entry.restoredRefused", { count: restored.refused })}`}
        </p>
      )}
      {pasteNote && (
        <p className="text-sm text-amber-900" data-testid="paste-note" aria-live="polite">
          {pasteNote}
        </p>
      )}
      {banner && (
        <p
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900"
          data-testid="sheet-banner"
        >
          {banner}
        </p>
      )}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full min-w-[960px] text-sm" data-testid="month-sheet">
          <thead className="bg-slate-100 text-left text-xs">
            <tr>
              <th className="px-2 py-2">{t("entry.columns.indicator")}</th>
              {FIELD_KEYS.map((key) => (
                <th key={key} className="px-2 py-2 text-right" data-testid={`column-${key}`}>
                  {t(`entry.columns.${key}`)}
                  {/* Flows and indices share the column: say what an index's cell holds. */}
                  {(key === "month" || key === "cumulative") && (
                    <span className="block font-normal text-slate-500">{t(`entry.indexHint.${key}`)}</span>
                  )}
                </th>
              ))}
              <th className="px-2 py-2">{t("entry.columns.vintage")}</th>
              <th className="px-2 py-2">{t("entry.columns.note")}</th>
              <th className="px-1.5 py-2 text-right">{t("entry.columns.lastMonth")}</th>
              <th className="px-1.5 py-2 text-right">{t("entry.columns.sameMonthLastYear")}</th>
              <th className="px-1.5 py-2 text-right">{t("entry.columns.yearToDate")}</th>
              <th className="px-1.5 py-2 text-right" data-testid="column-target">
                {t("entry.columns.target")}
              </th>
              <th className="px-2 py-2" />
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <Fragment key={group}>
                <tr className="bg-slate-50">
                  <th
                    colSpan={13}
                    className="px-2 py-1 text-left text-xs font-semibold uppercase text-slate-600"
                  >
                    {t(`entry.groups.${group}`)}
                  </th>
                </tr>
                {sheet.rows
                  .filter((r) => r.group === group)
                  .map((row) => {
                    const meta = metaOf(row);
                    const warnings = sheet.warnings.filter((w) => w.indicator === row.code);
                    return (
                      <tr
                        key={row.code}
                        data-indicator={row.code}
                        className="border-t border-slate-100 align-top"
                      >
                        <td
                          className={`min-w-44 px-2 py-1 ${row.parentCode ? "pl-5 text-slate-700" : "font-medium"}`}
                        >
                          <span>{locale === "en" ? row.nameEn : row.nameVi}</span>
                          <span className="ml-1 text-xs text-slate-500">
                            ({row.kind === "index" ? t("entry.indexUnit") : unitLabel(row.unit, locale)})
                          </span>
                          {warnings.map((w) => (
                            <span
                              key={w.code + w.message.en}
                              className="mt-0.5 block text-xs text-amber-800"
                              data-testid="row-warning"
                            >
                              ⚠ {locale === "en" ? w.message.en : w.message.vi}
                            </span>
                          ))}
                        </td>
                        {FIELD_KEYS.map((key) => {
                          const cell = row.cells.find((c) => c.key === key);
                          if (!cell) return <td key={key} />;
                          const id = cellId(row, key);
                          const state = states[id];
                          const shown =
                            edits[id]?.text ??
                            (cell.value === null
                              ? ""
                              : formatForInput(cell.value, 6, { percent: cell.percent }));
                          const hint =
                            row.kind === "index" && (key === "month" || key === "cumulative")
                              ? t(`entry.cellHint.${key}_index`)
                              : null;
                          const label = `${locale === "en" ? row.nameEn : row.nameVi} — ${t(`entry.columns.${key}`)}${hint ? `: ${hint}` : ""}`;
                          return (
                            <td key={key} className="px-1 py-1 text-right">
                              <input
                                ref={(el) => {
                                  if (el) inputs.current.set(id, el);
                                  else inputs.current.delete(id);
                                }}
                                aria-label={label}
                                data-cell={id}
                                inputMode="decimal"
                                disabled={!editable}
                                value={shown}
                                placeholder={
                                  cell.derived !== null ? `= ${fmt(cell.derived, row, cell.measure)}` : ""
                                }
                                title={cell.derived !== null ? t("entry.derived") : (hint ?? undefined)}
                                aria-invalid={state?.status === "error" || state?.status === "conflict"}
                                aria-describedby={state && state.status !== "saved" ? `${id}-msg` : undefined}
                                onChange={(e) => {
                                  const text = e.target.value;
                                  setEdits((all) => ({ ...all, [id]: { text, baseVersion: cell.version } }));
                                  if (state?.status === "error") setStates(({ [id]: _, ...rest }) => rest);
                                }}
                                onBlur={() => {
                                  if (editsRef.current[id]) void commit([id]);
                                }}
                                onKeyDown={onKeyDown(id)}
                                onPaste={onPaste(id)}
                                className={`num w-24 rounded border px-1.5 py-1 text-right disabled:bg-slate-50 ${
                                  state?.status === "error" || state?.status === "conflict"
                                    ? "border-red-500"
                                    : edits[id]
                                      ? "border-amber-400"
                                      : "border-slate-300"
                                }`}
                              />
                              {cell.revisedFrom && (
                                <span className="block text-[11px] text-slate-500" data-testid="revised">
                                  {t("entry.revised", {
                                    value: fmt(cell.revisedFrom.value, row, cell.measure),
                                    vintage: t(`vintage.${cell.revisedFrom.vintage}`),
                                  })}
                                </span>
                              )}
                              {state?.status === "error" && (
                                <span
                                  id={`${id}-msg`}
                                  className="block max-w-48 text-left text-xs text-red-700"
                                  data-testid="cell-error"
                                >
                                  {state.message}
                                </span>
                              )}
                              {state?.status === "conflict" && (
                                <span
                                  id={`${id}-msg`}
                                  className="block max-w-56 text-left text-xs text-red-800"
                                  data-testid="cell-conflict"
                                >
                                  {t("entry.conflict")}.{" "}
                                  {t("entry.conflictDetail", {
                                    value: fmt(state.value, row, cell.measure),
                                    version: state.version,
                                    mine: fmt(state.mine, row, cell.measure),
                                  })}
                                  <button
                                    type="button"
                                    className="ml-1 underline"
                                    onClick={() => resolveConflict(id, true)}
                                  >
                                    {t("entry.keepMine")}
                                  </button>{" "}
                                  <button
                                    type="button"
                                    className="underline"
                                    onClick={() => resolveConflict(id, false)}
                                  >
                                    {t("entry.takeTheirs")}
                                  </button>
                                </span>
                              )}
                            </td>
                          );
                        })}
                        <td className="px-1 py-1">
                          <select
                            aria-label={`${t("entry.columns.vintage")} — ${row.code}`}
                            disabled={!editable}
                            value={meta.vintage}
                            onChange={(e) =>
                              void commit(
                                rowCellIds(row),
                                changeMeta(row, { vintage: e.target.value as Vintage }),
                              )
                            }
                            className="rounded border border-slate-300 px-1 py-1 text-xs"
                          >
                            {VINTAGES.map((v) => (
                              <option key={v} value={v}>
                                {t(`vintage.${v}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="px-1 py-1">
                          <input
                            aria-label={`${t("entry.columns.note")} — ${row.code}`}
                            disabled={!editable}
                            defaultValue={row.note ?? ""}
                            maxLength={2000}
                            onBlur={(e) => {
                              const note = e.target.value.trim() || null;
                              if (note !== (metaOf(row).note ?? null))
                                void commit(rowCellIds(row), changeMeta(row, { note }));
                            }}
                            className="w-28 rounded border border-slate-300 px-1.5 py-1 text-xs"
                          />
                        </td>
                        <td className="num px-1.5 py-1 text-right text-xs text-slate-600">
                          {fmt(row.context.lastMonth, row, contextMeasure(row))}
                        </td>
                        <td className="num px-1.5 py-1 text-right text-xs text-slate-600">
                          {fmt(row.context.sameMonthLastYear, row, contextMeasure(row))}
                        </td>
                        <td className="num px-1.5 py-1 text-right text-xs text-slate-600">
                          {fmt(row.context.yearToDate, row, contextMeasure(row))}
                        </td>
                        <td className="num px-1.5 py-1 text-right text-xs text-slate-600">
                          {targetText(row)}
                        </td>
                        <td className="px-2 py-1">
                          <FigureHistory provinceId={provinceId} row={row} locale={locale} />
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
