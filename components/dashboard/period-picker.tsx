import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/format";
import { parsePeriod, periodLabel } from "@/lib/periods";

/** A plain GET form: works without JavaScript, and the URL says which period is shown. */
export async function PeriodPicker({
  choices,
  selected,
  locale,
  hidden,
}: {
  choices: string[];
  selected: string;
  locale: Locale;
  hidden: Record<string, string>;
}) {
  const t = await getTranslations("dashboard");
  const options = choices.includes(selected) ? choices : [selected, ...choices];
  return (
    <form method="get" className="flex flex-wrap items-center gap-2 text-sm">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="period">{t("period")}</label>
      <select
        id="period"
        name="period"
        defaultValue={selected}
        className="max-w-52 rounded border border-slate-300 bg-white px-2 py-1"
      >
        {options.map((key) => {
          const p = parsePeriod(key);
          return (
            <option key={key} value={key}>
              {p ? periodLabel(p, locale) : key}
            </option>
          );
        })}
      </select>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {t("show")}
      </button>
    </form>
  );
}
