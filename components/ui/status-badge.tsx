import { getTranslations } from "next-intl/server";
import type { Status, StatusReason } from "@/lib/attainment";
import { STATUS_BADGE_CLASS, STATUS_STYLE } from "./status-style";

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
  const { icon, className } = STATUS_STYLE[key];
  return (
    <span
      className={`${STATUS_BADGE_CLASS} ${className}`}
      data-status={key}
      data-reason={status === null && reason ? reason : undefined}
    >
      <span aria-hidden="true">{icon}</span>
      {status === null && reason ? t(reason) : t(key)}
    </span>
  );
}
