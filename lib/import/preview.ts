/**
 * What an upload would change, cell by cell, before anything is saved: new, changed (before →
 * after), unchanged, in error, or in conflict (someone changed the figure since the template was
 * downloaded), and the writes a confirmation would send to the save path. Pure.
 */
import { formatForInput } from "../numbers";
import { parsePeriod, periodLabel } from "../periods";
import { type Measure, sheetMonthOf } from "../sheet";
import type { Vintage } from "../sheet-model";
import type { Message } from "../validation";

export type ImportEntry = {
  /** Where the value is in the file: "D12", or "Sheet1!C7" for a sheet that is not the template's. */
  cell: string;
  indicator: string;
  period: string;
  measure: Measure;
  value: number | null;
  vintage: Vintage;
  note: string | null;
  /** For a template: the figure as downloaded. Absent: compare with what is saved now. */
  base?: { version: number | null; value: number | null; vintage: Vintage; note: string | null };
  error: Message | null;
};

export type CurrentFigure = { value: number; version: number; vintage: Vintage; note: string | null };

export type PreviewStatus = "new" | "changed" | "unchanged" | "error" | "conflict";

export type PreviewCell = {
  cell: string;
  indicator: string;
  period: string;
  measure: Measure;
  status: PreviewStatus;
  before: number | null;
  after: number | null;
  vintage: Vintage;
  message: Message | null;
};

/** A write a confirmation sends to saveFigures; `version` is the one the file was made against. */
export type ImportWrite = {
  cell: string;
  indicator: string;
  period: string;
  measure: Measure;
  value: number;
  vintage: Vintage;
  note: string | null;
  version: number | null;
};

export type Preview = {
  cells: PreviewCell[];
  writes: ImportWrite[];
  counts: Record<PreviewStatus, number>;
};

export const figureKey = (f: { indicator: string; period: string; measure: string }) =>
  `${f.indicator}|${f.period}|${f.measure}`;

const sameNote = (a: string | null | undefined, b: string | null | undefined) =>
  (a?.trim() || null) === (b?.trim() || null);

function monthLabel(period: string): { vi: string; en: string } {
  const month = sheetMonthOf(period);
  const p = month ? parsePeriod(month) : null;
  return p ? { vi: periodLabel(p, "vi"), en: periodLabel(p, "en") } : { vi: period, en: period };
}

/**
 * Compares what the file holds with what is saved. `locked` names the months that cannot take
 * figures (submitted or approved) with the reason, shown on each cell of those months; `refused`
 * says why a period cannot hold the unit's figures at all (outside its lifetime, not yet ended).
 */
export function buildPreview(
  entries: ImportEntry[],
  current: Map<string, CurrentFigure>,
  locked: Map<string, Message> = new Map(),
  refused: (period: string) => Message | null = () => null,
): Preview {
  const cells: PreviewCell[] = [];
  const writes: ImportWrite[] = [];
  const seen = new Map<string, string>();
  for (const e of entries) {
    const key = figureKey(e);
    const cur = current.get(key) ?? null;
    const cell = (status: PreviewStatus, message: Message | null = null, after = e.value): PreviewCell => ({
      cell: e.cell,
      indicator: e.indicator,
      period: e.period,
      measure: e.measure,
      status,
      before: cur?.value ?? null,
      after,
      vintage: e.vintage,
      message,
    });
    if (e.error) {
      cells.push(cell("error", e.error, null));
      continue;
    }
    if (e.value === null) {
      // An emptied cell keeps the saved figure: a file never deletes one.
      if (cur) {
        const shown = formatForInput(cur.value);
        cells.push(
          cell(
            "unchanged",
            {
              vi: `Ô trống: giữ số liệu đang có (${shown}).`,
              en: `Empty cell: the saved figure (${shown}) is kept.`,
            },
            cur.value,
          ),
        );
      }
      continue;
    }
    const earlier = seen.get(key);
    if (earlier) {
      cells.push(
        cell("error", {
          vi: `Ô ${e.cell}: cùng số liệu với ô ${earlier} (${e.indicator}, ${e.period}); chỉ giữ một ô.`,
          en: `Cell ${e.cell}: the same figure as cell ${earlier} (${e.indicator}, ${e.period}); keep only one.`,
        }),
      );
      continue;
    }
    seen.set(key, e.cell);
    const touched =
      !e.base || e.base.value !== e.value || e.base.vintage !== e.vintage || !sameNote(e.base.note, e.note);
    if (!touched) {
      cells.push(cell("unchanged"));
      continue;
    }
    if (cur && cur.value === e.value && cur.vintage === e.vintage && sameNote(cur.note, e.note)) {
      cells.push(cell("unchanged"));
      continue;
    }
    const outside = refused(e.period);
    if (outside) {
      cells.push(cell("error", { vi: `Ô ${e.cell}: ${outside.vi}`, en: `Cell ${e.cell}: ${outside.en}` }));
      continue;
    }
    const month = sheetMonthOf(e.period);
    const lock = month ? locked.get(month) : undefined;
    if (lock) {
      const label = monthLabel(e.period);
      cells.push(
        cell("error", {
          vi: `Ô ${e.cell} (${label.vi}): ${lock.vi}`,
          en: `Cell ${e.cell} (${label.en}): ${lock.en}`,
        }),
      );
      continue;
    }
    const version = e.base ? e.base.version : (cur?.version ?? null);
    writes.push({
      cell: e.cell,
      indicator: e.indicator,
      period: e.period,
      measure: e.measure,
      value: e.value,
      vintage: e.vintage,
      note: e.note?.trim() || null,
      version,
    });
    if ((cur?.version ?? null) !== version) {
      const now = cur ? formatForInput(cur.value) : "—";
      cells.push(
        cell("conflict", {
          vi: `Ô ${e.cell}: số liệu đã bị người khác thay đổi sau khi tải mẫu (hiện là ${now}). Hãy tải mẫu mới.`,
          en: `Cell ${e.cell}: someone changed this figure after the template was downloaded (now ${now}). Download a new template.`,
        }),
      );
      continue;
    }
    cells.push(cell(cur ? "changed" : "new"));
  }
  const counts: Record<PreviewStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0, conflict: 0 };
  for (const c of cells) counts[c.status]++;
  return { cells, writes, counts };
}
