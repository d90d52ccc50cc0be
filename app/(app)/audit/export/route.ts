import { getLocale, getTranslations } from "next-intl/server";
import { auditScope } from "@/app/_server/audit-scope";
import { apiRead } from "@/app/_server/guard";
import { auditEntriesAfter } from "@/db/queries/audit";
import { listIndicators, listProvinces } from "@/db/queries/reference";
import { toLocale } from "@/i18n/locales";
import { AUDIT_KINDS, auditActionKey, auditFilterSchema, auditTimeRange, formatAuditTime } from "@/lib/audit";
import { describeAuditEntry, type Translate } from "@/lib/audit-text";
import { CSV_BOM, CSV_DIALECTS, csvLine } from "@/lib/csv";

const BATCH = 2000;

/**
 * The audit page's entries as CSV, with the same filters and the same scope check (auditScope),
 * written as the page writes them (lib/audit-text.ts) in the reader's language, for their Excel
 * (lib/csv.ts). Streamed in keyset batches, so a long log neither waits nor fills memory.
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
    const [t, locale, indicators, provinces] = await Promise.all([
      getTranslations(),
      getLocale().then(toLocale),
      listIndicators(db),
      listProvinces(db),
    ]);
    const dialect = CSV_DIALECTS[locale];
    const indicatorsByCode = new Map(indicators.map((i) => [i.code, i]));
    const provinceName = new Map(provinces.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameVi]));
    const word = (key: string, fallback: string) => (t.has(key) ? t(key as "accounts.audit.at") : fallback);
    const header = csvLine(
      [
        t("accounts.audit.at"),
        t("accounts.audit.fields.username"),
        t("accounts.audit.person"),
        t("accounts.audit.province"),
        t("accounts.audit.action"),
        t("accounts.audit.target"),
        t("accounts.audit.before"),
        t("accounts.audit.after"),
      ],
      dialect,
    );
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
          const text = describeAuditEntry(r, t as unknown as Translate, {
            locale,
            indicators: indicatorsByCode,
          });
          const entity = word(`accounts.audit.entities.${r.entity}`, r.entity);
          chunk += csvLine(
            [
              formatAuditTime(r.at),
              r.username,
              r.displayName ?? word("accounts.audit.system", ""),
              r.provinceId ? (provinceName.get(r.provinceId) ?? r.provinceId) : null,
              word(`accounts.audit.actions.${auditActionKey(r.action)}`, r.action),
              text.target ? `${entity}: ${text.target}` : entity,
              text.before,
              text.after,
            ],
            dialect,
          );
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
