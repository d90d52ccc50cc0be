import { getTranslations } from "next-intl/server";
import type { Status, StatusReason } from "@/lib/attainment";

const STYLE: Record<Status | "none", { icon: string; className: string }> = {
  met: { icon: "✓", className: "bg-emerald-100 text-emerald-900 border-emerald-300" },
  on_track: { icon: "↗", className: "bg-sky-100 text-sky-900 border-sky-300" },
  at_risk: { icon: "⚠", className: "bg-amber-100 text-amber-900 border-amber-300" },
  missed: { icon: "✗", className: "bg-red-100 text-red-900 border-red-300" },
  none: { icon: "–", className: "bg-slate-100 text-slate-700 border-slate-300" },
};

/**
 * A status is never colour alone: an icon and a word go with it (glossary). Without a status, the
 * badge says why (no target, no figures for last year, a neutral indicator) when the row knows.
 */
export async function StatusBadge({
  status,
  reason = null,
}: {
  status: Status | null;
  reason?: StatusReason | null;
}) {
  const t = await getTranslations("status");
  const key = status ?? "none";
  const { icon, className } = STYLE[key];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs ${className}`}
      data-status={key}
      data-reason={status === null && reason ? reason : undefined}
    >
      <span aria-hidden="true">{icon}</span>
      {status === null && reason ? t(reason) : t(key)}
    </span>
  );
}
