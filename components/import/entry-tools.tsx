import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The sheet's way in to the Excel round-trip and to figures read from a report's text. */
export async function EntryTools({ provinceId, month }: { provinceId: string; month: string }) {
  const t = await getTranslations("import.tools");
  const query = new URLSearchParams({ province: provinceId, month }).toString();
  const link = "rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100";
  return (
    <nav
      aria-label={t("label")}
      data-testid="entry-tools"
      className="flex flex-wrap items-center gap-2 text-sm"
    >
      <a
        className={link}
        href={`/api/v1/provinces/${encodeURIComponent(provinceId)}/template?month=${month}`}
        download
        data-testid="download-template"
      >
        {t("template")}
      </a>
      <Link className={link} href={`/entry/import?${query}`}>
        {t("fromExcel")}
      </Link>
      <Link className={link} href={`/entry/text?${query}`}>
        {t("fromText")}
      </Link>
    </nav>
  );
}
