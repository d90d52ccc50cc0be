import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { resolveProvince } from "@/app/_server/province-scope";
import { requirePageUser } from "@/app/_server/session";
import { ImportFlow } from "@/components/import/import-flow";
import { NotAllowed } from "@/components/ui/not-allowed";
import { getDb } from "@/db";
import { listIndicators } from "@/db/queries/reference";
import type { Locale } from "@/lib/format";
import { monthKey, parsePeriod, periodLabel } from "@/lib/periods";

export const metadata: Metadata = { title: "Nhập từ Excel" };

/** The Excel round-trip's page: upload, preview, confirm (or map another layout first). */
export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<{ province?: string; month?: string }>;
}) {
  const user = await requirePageUser();
  const params = await searchParams;
  const scope = await resolveProvince(user, params.province, "enter_figures");
  if (!scope.allowed) return <NotAllowed />;
  const { province } = scope;
  const now = new Date();
  const month =
    parsePeriod(params.month ?? "")?.kind === "month"
      ? (params.month as string)
      : monthKey(now.getFullYear(), now.getMonth() + 1);
  const [t, locale, indicators] = await Promise.all([
    getTranslations("import"),
    getLocale() as Promise<Locale>,
    listIndicators(getDb()),
  ]);
  const period = parsePeriod(month);
  const back = `/entry?province=${encodeURIComponent(province.id)}&month=${month}`;
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("excel.title")}</h1>
          <p className="text-slate-600">
            {locale === "en" ? province.nameEn : province.nameVi} ·{" "}
            {period ? periodLabel(period, locale) : month}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <a
            className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100"
            href={`/api/v1/provinces/${encodeURIComponent(province.id)}/template?month=${month}`}
            download
          >
            {t("excel.downloadTemplate")}
          </a>
          <Link
            className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100"
            href={back}
          >
            {t("back")}
          </Link>
        </div>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">{t("excel.intro")}</p>
      <ImportFlow
        provinceId={province.id}
        month={month}
        locale={locale}
        catalogue={indicators.map((i) => ({
          code: i.code,
          nameVi: i.nameVi,
          nameEn: i.nameEn,
          kind: i.kind,
          decimals: i.decimals,
        }))}
      />
    </section>
  );
}
