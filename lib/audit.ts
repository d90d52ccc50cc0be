/**
 * The audit log as people read it: the kinds of change to filter by, the filter a page or a CSV
 * download takes from its query string, and the CSV itself. Pure: the queries are in db/queries/audit.ts.
 */
import { z } from "zod";
import { bilingual } from "./errors";

/** Kinds of change, by the prefix of their action (`figure.save`, `period.approve`, `user.create`, ...). */
export const AUDIT_KINDS = {
  figures: ["figure.", "import."],
  status: ["period."],
  targets: ["target."],
  accounts: ["user."],
  tokens: ["token."],
  reports: ["report.", "report_settings."],
  calendar: ["calendar."],
} as const satisfies Record<string, readonly string[]>;
export type AuditKind = keyof typeof AUDIT_KINDS;
const KIND_NAMES = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];

export const AUDIT_PAGE_SIZE = 50;

/** An empty field of a GET form ("?person=") means no filter. */
const blank = (v: unknown) => (v === "" ? undefined : v);
/** A day typed dd/mm/yyyy (the page's filter) or yyyy-mm-dd (links, scripts), as yyyy-mm-dd. */
const day = z.preprocess(
  (v) => {
    if (v === "") return undefined;
    const typed = typeof v === "string" ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v) : null;
    return typed ? `${typed[3]}-${typed[2].padStart(2, "0")}-${typed[1].padStart(2, "0")}` : v;
  },
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}$/,
      bilingual("Ngày dạng dd/mm/yyyy, ví dụ 31/01/2026.", "A date as dd/mm/yyyy, e.g. 31/01/2026."),
    )
    .refine(realDay, bilingual("Ngày không có thật.", "No such date."))
    .optional(),
);

/** A calendar day that exists (no 31/02). */
function realDay(d: string): boolean {
  const at = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
}

/** yyyy-mm-dd → dd/mm/yyyy, as the filter's field shows it. */
export function dayForInput(d: string | undefined): string {
  return d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : "";
}

export const auditFilterSchema = z
  .object({
    province: z.preprocess(blank, z.string().trim().min(1).max(16).optional()),
    person: z.preprocess(blank, z.coerce.number().int().positive().max(2_147_483_647).optional()),
    kind: z.preprocess(
      blank,
      z
        .enum(KIND_NAMES, {
          error: bilingual(`Một trong: ${KIND_NAMES.join(", ")}.`, `One of: ${KIND_NAMES.join(", ")}.`),
        })
        .optional(),
    ),
    from: day,
    to: day,
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: bilingual("Ngày bắt đầu sau ngày kết thúc.", "The start is after the end."),
    path: ["to"],
  });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const VIETNAM_OFFSET = "+07:00";

/** The filter's days as instants: from the start of `from` to the end of `to`, in Vietnam's time (UTC+7). */
export function auditTimeRange(filter: Pick<AuditFilter, "from" | "to">): { from?: Date; until?: Date } {
  const from = filter.from ? new Date(`${filter.from}T00:00:00${VIETNAM_OFFSET}`) : undefined;
  let until: Date | undefined;
  if (filter.to) {
    until = new Date(`${filter.to}T00:00:00${VIETNAM_OFFSET}`);
    until.setUTCDate(until.getUTCDate() + 1);
  }
  return { from, until };
}

/** The same filter as a query string, without the page (for the CSV link and the page links). */
export function auditQuery(filter: AuditFilter, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["province", "person", "kind", "from", "to"] as const) {
    const v = filter[key];
    if (v !== undefined) params.set(key, String(v));
  }
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The message key of an action: `user.password_reset` → `user_password_reset` (dots nest in messages). */
export function auditActionKey(action: string): string {
  return action.replace(/\./g, "_");
}

const timeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** dd/mm/yyyy HH:mm:ss in Vietnam's time: an audit trail wants the seconds. */
export function formatAuditTime(at: Date): string {
  const p: Record<string, string> = {};
  for (const part of timeParts.formatToParts(at)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}
