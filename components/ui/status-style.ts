import type { Status } from "@/lib/attainment";

/**
 * A status's icon and class (colours in app/globals.css, `.badge-*`): a status is never colour alone,
 * an icon and a word go with it (glossary). Classes rather than utilities: the dashboard shows a badge
 * on every row, and its HTML is kept small (issue 12).
 */
export const STATUS_STYLE: Record<Status | "none", { icon: string; className: string }> = {
  met: { icon: "✓", className: "badge-met" },
  on_track: { icon: "↗", className: "badge-on_track" },
  at_risk: { icon: "⚠", className: "badge-at_risk" },
  missed: { icon: "✗", className: "badge-missed" },
  none: { icon: "–", className: "badge-none" },
};

export const STATUS_BADGE_CLASS = "badge";
