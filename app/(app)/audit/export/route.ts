import { getTranslations } from "next-intl/server";
import { auditScope } from "@/app/_server/audit-scope";
import { apiRead } from "@/app/_server/guard";
import { auditEntriesAfter } from "@/db/queries/audit";
import { AUDIT_KINDS, auditActionKey, auditFilterSchema, auditTimeRange, formatAuditTime } from "@/lib/audit";
import { CSV_BOM, csvLine } from "@/lib/csv";

const BATCH = 2000;

/**
 * The audit page's entries as CSV, with the same filters and the same scope check (auditScope).
 * Streamed in keyset batches, so a long log neither waits nor fills memory.
 */
export const GET = apiRead(
  { input: auditFilterSchema, permission: { action: "view_audit", anyProvince: true } },
  async ({ db, user, input }) => {
    const provinceIds = await auditScope(db, user, input.province);
    const query = {
      provinceIds,
      userId: input.person,
      actionPrefixes: input.kind ? AUDIT_KINDS[input.kind] : undefined,
      ...auditTimeRange(input),
    };
    const t = await getTranslations("accounts.audit");
    const label = (action: string) => {
      const key = `actions.${auditActionKey(action)}` as const;
      return t.has(key) ? t(key) : action;
    };
    const header = csvLine([
      t("at"),
      "username",
      t("person"),
      t("province"),
      "action",
      t("action"),
      "entity",
      "entity_id",
      t("target"),
      t("before"),
      t("after"),
    ]);
    let cursor: { at: string; id: number } | null = null;
    let done = false;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + header));
      },
      async pull(controller) {
        if (done) return;
        const rows = await auditEntriesAfter(db, query, cursor, BATCH);
        let chunk = "";
        for (const r of rows) {
          chunk += csvLine([
            formatAuditTime(r.at),
            r.username,
            r.displayName,
            r.provinceId,
            r.action,
            label(r.action),
            r.entity,
            r.entityId,
            r.targetUsername,
            r.before === null ? "" : JSON.stringify(r.before),
            r.after === null ? "" : JSON.stringify(r.after),
          ]);
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (rows.length < BATCH) {
          done = true;
          controller.close();
        } else {
          const last = rows[rows.length - 1];
          cursor = { at: last.cursorAt, id: last.id };
        }
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="nhat-ky-thay-doi-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
