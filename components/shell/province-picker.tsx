import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CompactSelect } from "@/components/ui/compact-select";
import type { Province } from "@/db/schema";
import { formatDate } from "@/lib/format";

/** The unit select, for a form of its own (ProvincePicker) or inside the period picker's one form. */
export async function ProvinceSelect({ options, selected }: { options: Province[]; selected: string }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <>
      <label htmlFor="province">{t("switchProvince")}</label>
      <CompactSelect
        id="province"
        name="province"
        defaultValue={selected}
        className="max-w-52 rounded border border-slate-300 bg-white px-2 py-1"
        options={options.map((p) => [
          p.id,
          (locale === "en" ? p.nameEn : p.nameVi) +
            (p.validTo
              ? ` (${t("former", { date: formatDate(p.validTo, locale === "en" ? "en" : "vi") })})`
              : ""),
        ])}
      />
    </>
  );
}

/**
 * A plain GET form: works without JavaScript, and the URL says which unit is shown. A page's other
 * choice (the entry sheet's month, the targets' year) goes in as children: one form, one button.
 */
export async function ProvincePicker({
  options,
  selected,
  children,
}: {
  options: Province[];
  selected: string;
  children?: ReactNode;
}) {
  const t = await getTranslations("common");
  if (options.length < 2 && !children) return null;
  return (
    <form className="flex flex-wrap items-center gap-2 text-sm" method="get" data-testid="unit-picker">
      {children}
      {options.length < 2 ? (
        <input type="hidden" name="province" value={selected} />
      ) : (
        <ProvinceSelect options={options} selected={selected} />
      )}
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {t("view")}
      </button>
    </form>
  );
}
