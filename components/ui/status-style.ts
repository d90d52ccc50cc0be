import type { Status } from "@/lib/attainment";

/** A status's icon and colours; a status is never colour alone: an icon and a word go with it (glossary). */
export const STATUS_STYLE: Record<Status | "none", { icon: string; className: string }> = {
  met: { icon: "✓", className: "bg-emerald-100 text-emerald-900 border-emerald-300" },
  on_track: { icon: "↗", className: "bg-sky-100 text-sky-900 border-sky-300" },
  at_risk: { icon: "⚠", className: "bg-amber-100 text-amber-900 border-amber-300" },
  missed: { icon: "✗", className: "bg-red-100 text-red-900 border-red-300" },
  none: { icon: "–", className: "bg-slate-100 text-slate-700 border-slate-300" },
};

export const STATUS_BADGE_CLASS =
  "inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs";
