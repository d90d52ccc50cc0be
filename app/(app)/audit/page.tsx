import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { auditScope } from "@/app/_server/audit-scope";
import { toAppError } from "@/app/_server/guard";
import { requirePageUser } from "@/app/_server/session";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { countAuditEntries, listAuditEntries, listAuditPeople } from "@/db/queries/audit";
import { listProvinces } from "@/db/queries/reference";
import {
  AUDIT_KINDS,
  AUDIT_PAGE_SIZE,
  type AuditKind,
  auditActionKey,
  auditFilterSchema,
  auditQuery,
  auditTimeRange,
  describeAuditValue,
  formatAuditTime,
} from "@/lib/audit";
import { roleMay } from "@/lib/permissions";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

const control = "mt-1 rounded border border-slate-300 bg-white px-2 py-1";

/** The audit log of the caller's province (system admins: all provinces), filtered by the query string. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser();
  if (!roleMay(user.role, "view_audit")) return <NotAllowed />;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const parsed = auditFilterSchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <p className="rounded border border-red-300 bg-red-50 p-4 text-red-900" data-testid="audit-bad-filter">
        {t("accounts.audit.badFilter", { message: parsed.error.issues.map((i) => i.message).join("; ") })}{" "}
        <Link href="/audit" className="underline">
          {t("accounts.audit.clear")}
        </Link>
      </p>
    );
  }
  const filter = parsed.data;
  const db = getDb();
  let provinceIds: string[] | null;
  try {
    provinceIds = await auditScope(db, user, filter.province);
  } catch (error) {
    if (toAppError(error).status === 403 || toAppError(error).status === 404) return <NotAllowed />;
    throw error;
  }
  const query = {
    provinceIds,
    userId: filter.person,
    actionPrefixes: filter.kind ? AUDIT_KINDS[filter.kind] : undefined,
    ...auditTimeRange(filter),
  };
  const [rows, total, people, provinces] = await Promise.all([
    listAuditEntries(db, query, { limit: AUDIT_PAGE_SIZE, offset: (filter.page - 1) * AUDIT_PAGE_SIZE }),
    countAuditEntries(db, query),
    listAuditPeople(db, provinceIds),
    listProvinces(db),
  ]);
  const provinceName = new Map(provinces.map((p) => [p.id, locale === "en" ? p.nameEn : p.nameVi]));
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const nationwide = user.provinceId === null;
  const actionLabel = (action: string) => {
    const key = `accounts.audit.actions.${auditActionKey(action)}`;
    return t.has(key) ? t(key) : action;
  };
  const entityLabel = (entity: string) => {
    const key = `accounts.audit.entities.${entity}`;
    return t.has(key) ? t(key) : entity;
  };

  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("accounts.audit.title")}</h1>
        <p className="text-slate-600">{t("accounts.audit.intro")}</p>
      </div>

      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        {nationwide && (
          <div>
            <label htmlFor="audit-province" className="block">
              {t("accounts.audit.province")}
            </label>
            <select
              id="audit-province"
              name="province"
              defaultValue={filter.province ?? ""}
              className={control}
            >
              <option value="">{t("accounts.audit.allProvinces")}</option>
              {provinces
                .filter((p) => !p.validTo)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {provinceName.get(p.id)}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="audit-person" className="block">
            {t("accounts.audit.person")}
          </label>
          <select id="audit-person" name="person" defaultValue={filter.person ?? ""} className={control}>
            <option value="">{t("accounts.audit.anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName} ({p.username})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-kind" className="block">
            {t("accounts.audit.kind")}
          </label>
          <select id="audit-kind" name="kind" defaultValue={filter.kind ?? ""} className={control}>
            <option value="">{t("accounts.audit.anyKind")}</option>
            {(Object.keys(AUDIT_KINDS) as AuditKind[]).map((k) => (
              <option key={k} value={k}>
                {t(`accounts.audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block">
            {t("accounts.audit.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} className={control} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block">
            {t("accounts.audit.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={control} />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
          {t("accounts.audit.filter")}
        </button>
        <Link href="/audit" className="py-1.5 text-brand-700 hover:underline">
          {t("accounts.audit.clear")}
        </Link>
        <a
          href={`/audit/export${auditQuery(filter)}`}
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          data-testid="audit-csv"
          download
        >
          {t("accounts.audit.csv")}
        </a>
      </form>

      <p className="text-sm text-slate-600" data-testid="audit-total">
        {t("accounts.audit.count", { total })}
      </p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("accounts.audit.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="audit">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-3 py-2">{t("accounts.audit.at")}</th>
                <th className="px-3 py-2">{t("accounts.audit.person")}</th>
                <th className="px-3 py-2">{t("accounts.audit.province")}</th>
                <th className="px-3 py-2">{t("accounts.audit.action")}</th>
                <th className="px-3 py-2">{t("accounts.audit.target")}</th>
                <th className="px-3 py-2">{t("accounts.audit.before")}</th>
                <th className="px-3 py-2">{t("accounts.audit.after")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top" data-action={r.action}>
                  <td className="whitespace-nowrap px-3 py-2 num">{formatAuditTime(r.at)}</td>
                  <td className="px-3 py-2">
                    {r.username ? (
                      <>
                        {r.displayName} <span className="font-mono text-xs text-slate-500">{r.username}</span>
                      </>
                    ) : (
                      t("accounts.audit.system")
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {r.provinceId ? (provinceName.get(r.provinceId) ?? r.provinceId) : "—"}
                  </td>
                  <td className="px-3 py-2">{actionLabel(r.action)}</td>
                  <td className="px-3 py-2">
                    {entityLabel(r.entity)}{" "}
                    <span className="font-mono text-xs">{r.targetUsername ?? `#${r.entityId}`}</span>
                  </td>
                  <td className="max-w-xs break-words px-3 py-2 font-mono text-xs">
                    {describeAuditValue(r.before)}
                  </td>
                  <td className="max-w-xs break-words px-3 py-2 font-mono text-xs">
                    {describeAuditValue(r.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav className="flex items-center gap-3 text-sm" aria-label={t("accounts.audit.title")}>
          {filter.page > 1 && (
            <Link
              href={`/audit${auditQuery(filter, filter.page - 1)}`}
              className="text-brand-700 hover:underline"
            >
              {t("accounts.audit.previous")}
            </Link>
          )}
          <span>{t("accounts.audit.page", { page: filter.page, pages })}</span>
          {filter.page < pages && (
            <Link
              href={`/audit${auditQuery(filter, filter.page + 1)}`}
              className="text-brand-700 hover:underline"
            >
              {t("accounts.audit.next")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
