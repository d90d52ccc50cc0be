import { getTranslations } from "next-intl/server";
import type { Status } from "@/lib/attainment";
import { STATUS_BADGE_CLASS, STATUS_STYLE } from "./status-style";

/** A status is never colour alone: an icon and a word go with it (glossary). */
export async function StatusBadge({ status }: { status: Status | null }) {
  const t = await getTranslations("status");
  const key = status ?? "none";
  const { icon, className } = STATUS_STYLE[key];
  return (
    <span className={`${STATUS_BADGE_CLASS} ${className}`} data-status={key}>
      <span aria-hidden="true">{icon}</span>
      {t(key)}
    </span>
  );
}
