import { getLocale, getTranslations } from "next-intl/server";
import { pageTitle } from "@/app/_server/page-title";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { ProvincePicker } from "@/components/shell/province-picker";
import { CopyTargetsButton } from "@/components/targets/copy-targets-button";
import { TargetsSheet } from "@/components/targets/targets-sheet";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listIndicators } from "@/db/queries/reference";
import { countCopyableTargets, listDataYears, listTargetRevisions, listTargets } from "@/db/queries/targets";
import type { Locale } from "@/lib/format";
import { can } from "@/lib/permissions";
import { buildTargetRows, type TargetVersion, yearsOfUnit } from "@/lib/targets";

export const generateMetadata = pageTitle("nav.targets");

const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * The year's targets of a province: editable by its province admin (and its successor's, for a
 * former unit), read-only for everyone else who may read the province.
 */
export default async function TargetsPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; year?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const scope = await resolveProvince(user, params.province);
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const db = getDb();
  const [t, locale, dataYears] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    listDataYears(db, province.id),
  ]);

  // The year to show: the one asked for, else the data's current year: the latest with figures (targets
  // set ahead for next year do not move it), else the latest with targets.
  const unit = yearsOfUnit(province.validFrom, province.validTo);
  const inUnit = (y: number) =>
    (unit.first === null || y >= unit.first) && (unit.last === null || y <= unit.last);
  const asked = /^\d{4}$/.test(params.year ?? "") ? Number(params.year) : null;
  const latest = dataYears.figures[0] ?? dataYears.targets[0] ?? unit.last ?? new Date().getFullYear();
  const year = asked !== null && asked >= 2000 && asked <= 2100 ? asked : latest;
  // The years on offer: those with data, the next one to plan, and the one shown; within the unit's life.
  const years = [...new Set([...dataYears.targets, ...dataYears.figures, latest + 1, year])].filter(
    (y) => y === year || inUnit(y),
  );
  years.sort((a, b) => b - a);

  const actor = { id: user.id, role: user.role, provinceId: user.provinceId };
  const editable = can(actor, "edit_targets", province) && inUnit(year);
  const [indicatorRows, saved, copyable] = await Promise.all([
    listIndicators(db),
    listTargets(db, province.id, year),
    editable ? countCopyableTargets(db, province.id, year) : Promise.resolve(0),
  ]);
  const revisions = await listTargetRevisions(
    db,
    saved.map((s) => s.id),
  );
  const version = (r: {
    version: number;
    basis: TargetVersion["basis"];
    value: string;
    valueMax: string | null;
    bound: TargetVersion["bound"];
    document: string | null;
    updatedBy: string | null;
    updatedAt: Date;
  }): TargetVersion => ({
    version: r.version,
    basis: r.basis,
    value: Number(r.value),
    valueMax: num(r.valueMax),
    bound: r.bound,
    document: r.document,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  });
  const rows = buildTargetRows(
    indicatorRows,
    saved.map((s) => ({ id: s.id, indicator: s.indicator, quarter: s.quarter, ...version(s) })),
    revisions.map((r) => ({ targetId: r.targetId, ...version(r) })),
  );

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("targets.title")}</h1>
          <p className="text-slate-600">
            <span data-testid="targets-province">{locale === "en" ? province.nameEn : province.nameVi}</span>{" "}
            ·{" "}
            <span data-testid="targets-year">
              {t("targets.year")} {year}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ProvincePicker options={scope.options} selected={province.id}>
            <label htmlFor="year">{t("targets.year")}</label>
            <select
              id="year"
              name="year"
              defaultValue={year}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </ProvincePicker>
        </div>
      </div>
      {!inUnit(year) && (
        <p className="text-sm text-amber-900" data-testid="targets-outside-unit">
          {t("targets.outsideUnit", { year })}
        </p>
      )}
      {editable && (
        <CopyTargetsButton
          key={`${province.id}-${year}`}
          provinceId={province.id}
          year={year}
          count={copyable}
        />
      )}
      <TargetsSheet provinceId={province.id} year={year} rows={rows} editable={editable} locale={locale} />
    </section>
  );
}
