/**
 * The 2025 merger (domain.md §7): a successor province's history before it existed comes from its
 * predecessors. Flows and counts add up, month by month, when every predecessor has the month;
 * otherwise the month stays missing and a note says why. Indices, stocks and rates do not add up
 * and are never summed. Pure.
 */
import type { FigureInput, Kind, Vintage } from "./figure-types";

const VINTAGE_RANK: Record<Vintage, number> = { estimate: 0, preliminary: 1, official: 2 };
const MONTH = /^\d{4}-\d{2}$/;

export type Predecessor = { id: string; name: string; figures: FigureInput[] };

/**
 * Month values for the months before `validFrom` (`2025-07`), summed over the predecessors, to add
 * to the successor's own figures; plus notes for the months that could not be summed.
 */
export function predecessorMonths(
  kind: Kind,
  validFrom: string,
  predecessors: Predecessor[],
): { figures: FigureInput[]; notes: string[] } {
  if (predecessors.length === 0 || (kind !== "flow" && kind !== "count")) return { figures: [], notes: [] };
  const byMonth = new Map<string, Map<string, FigureInput>>();
  for (const p of predecessors) {
    for (const f of p.figures) {
      if (f.measure !== "value" || !MONTH.test(f.period) || f.period >= validFrom) continue;
      const months = byMonth.get(f.period) ?? new Map<string, FigureInput>();
      months.set(p.id, f);
      byMonth.set(f.period, months);
    }
  }
  const figures: FigureInput[] = [];
  const lacking = new Map<string, string[]>();
  for (const [month, have] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const missing = predecessors.filter((p) => !have.has(p.id)).map((p) => p.name);
    if (missing.length > 0) {
      for (const name of missing) lacking.set(name, [...(lacking.get(name) ?? []), month]);
      continue;
    }
    const parts = [...have.values()];
    figures.push({
      period: month,
      measure: "value",
      value: Math.round(parts.reduce((s, f) => s + f.value, 0) * 1e6) / 1e6,
      vintage: parts.reduce<Vintage>(
        (v, f) => (VINTAGE_RANK[f.vintage] < VINTAGE_RANK[v] ? f.vintage : v),
        "official",
      ),
    });
  }
  const notes = [...lacking].map(
    ([name, months]) =>
      `Before the 2025 merger, ${name} has no figures for ${months.length === 1 ? months[0] : `${months[0]}…${months.at(-1)}`}: those months of the predecessors cannot be added up.`,
  );
  return { figures, notes };
}
