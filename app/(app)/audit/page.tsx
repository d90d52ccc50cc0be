import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { auditScope } from "@/app/_server/audit-scope";
import { toAppError } from "@/app/_server/guard";
import { pageTitle } from "@/app/_server/page-title";
import { requirePageUser } from "@/app/_server/session";
import { controlClass, Field } from "@/components/ui/field";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { countAuditEntries, listAuditEntries, listAuditPeople } from "@/db/queries/audit";
import { listIndicators, listProvinces } from "@/db/queries/reference";
import {
  AUDIT_KINDS,
  AUDIT_PAGE_SIZE,
  type AuditKind,
  auditActionKey,
  auditFilterSchema,
  auditQuery,
  auditTimeRange,
  dayForInput,
  formatAuditTime,
} from "@/lib/audit";
import { describeAuditEntry, type Translate } from "@/lib/audit-text";
import type { Locale } from "@/lib/format";
import { roleMay } from "@/lib/permissions";
import { zodFieldMessages } from "@/lib/zod-messages";

export const generateMetadata = pageTitle("nav.audit");

/** The audit log of the caller's province (system admins: all provinces), filtered by the query string. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser();
  if (!roleMay(user.role, "view_audit")) return <NotAllowed />;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    // The form again, with what was typed and the message at the field at fault; no entries.
    const fields = zodFieldMessages(parsed.error, locale);
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("accounts.audit.title")}</h1>
        <FilterForm t={t} values={raw} errors={fields} people={[]} provinces={null} />
        <p
          className="rounded border border-red-300 bg-red-50 p-4 text-red-900"
          data-testid="audit-bad-filter"
        >
          {t("accounts.audit.badFilter", {
            message: Object.values(fields).flat().join(" "),
          })}{" "}
          <Link href="/audit" className="underline">
            {t("accounts.audit.clear")}
          </Link>
        </p>
      </section>
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
  const [rows, total, people, provinces, indicators] = await Promise.all([
    listAuditEntries(db, query, { limit: AUDIT_PAGE_SIZE, offset: (filter.page - 1) * AUDIT_PAGE_SIZE }),
    countAuditEntries(db, query),
    listAuditPeople(db, provinceIds),
    listProvinces(db),
    listIndicators(db),
  ]);
  const indicatorsByCode = new Map(indicators.map((i) => [i.code, i]));
  const readable = (r: (typeof rows)[number]) =>
    describeAuditEntry(r, t as unknown as Translate, { locale, indicators: indicatorsByCode });
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

      <FilterForm
        t={t}
        values={{
          ...filter,
          person: filter.person?.toString(),
          from: dayForInput(filter.from),
          to: dayForInput(filter.to),
        }}
        errors={{}}
        people={people}
        provinces={
          nationwide
            ? provinces
                .filter((p) => !p.validTo)
                .map((p) => ({ id: p.id, name: provinceName.get(p.id) ?? p.id }))
            : null
        }
        csvHref={`/audit/export${auditQuery(filter)}`}
      />

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
              {rows.map((r) => {
                const text = readable(r);
                return (
                  <tr key={r.id} className="border-t border-slate-100 align-top" data-action={r.action}>
                    <td className="whitespace-nowrap px-3 py-2 num">{formatAuditTime(r.at)}</td>
                    <td className="px-3 py-2">
                      {r.username ? (
                        <>
                          {r.displayName}{" "}
                          <span className="font-mono text-xs text-slate-500">{r.username}</span>
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
                      {entityLabel(r.entity)}
                      {text.target && <span className="block text-xs text-slate-700">{text.target}</span>}
                    </td>
                    <td className="max-w-xs break-words px-3 py-2 text-xs" data-testid="audit-before">
                      {text.before}
                    </td>
                    <td className="max-w-xs break-words px-3 py-2 text-xs" data-testid="audit-after">
                      {text.after}
                    </td>
                  </tr>
                );
              })}
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

type FilterValues = Partial<Record<"province" | "person" | "kind" | "from" | "to", string>>;

/** The filters, a plain GET form (the URL says what is shown), each field with its error. */
function FilterForm({
  t,
  values,
  errors,
  people,
  provinces,
  csvHref,
}: {
  t: Awaited<ReturnType<typeof getTranslations>>;
  values: FilterValues;
  errors: Record<string, string[]>;
  people: { id: number; username: string; displayName: string }[];
  provinces: { id: string; name: string }[] | null;
  csvHref?: string;
}) {
  const select = `${controlClass} w-auto`;
  return (
    <form
      method="get"
      className="flex flex-wrap items-start gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
    >
      {provinces && (
        <Field id="audit-province" label={t("accounts.audit.province")} error={errors.province}>
          {(control) => (
            <select {...control} name="province" defaultValue={values.province ?? ""} className={select}>
              <option value="">{t("accounts.audit.allProvinces")}</option>
              {provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="audit-person" label={t("accounts.audit.person")} error={errors.person}>
        {(control) => (
          <select {...control} name="person" defaultValue={values.person ?? ""} className={select}>
            <option value="">{t("accounts.audit.anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName} ({p.username})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-kind" label={t("accounts.audit.kind")} error={errors.kind}>
        {(control) => (
          <select {...control} name="kind" defaultValue={values.kind ?? ""} className={select}>
            <option value="">{t("accounts.audit.anyKind")}</option>
            {(Object.keys(AUDIT_KINDS) as AuditKind[]).map((k) => (
              <option key={k} value={k}>
                {t(`accounts.audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(["from", "to"] as const).map((name) => (
        <Field key={name} id={`audit-${name}`} label={t(`accounts.audit.${name}`)} error={errors[name]}>
          {(control) => (
            <input
              {...control}
              name={name}
              defaultValue={values[name] ?? ""}
              placeholder={t("accounts.audit.datePlaceholder")}
              inputMode="numeric"
              maxLength={10}
              className={`${controlClass} w-32`}
            />
          )}
        </Field>
      ))}
      <div className="flex items-center gap-3 pt-6">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
          {t("accounts.audit.filter")}
        </button>
        <Link href="/audit" className="text-brand-700 hover:underline">
          {t("accounts.audit.clear")}
        </Link>
      </div>
      {csvHref && (
        <a
          href={csvHref}
          className="ml-auto self-end rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          data-testid="audit-csv"
          download
        >
          {t("accounts.audit.csv")}
        </a>
      )}
    </form>
  );
}
