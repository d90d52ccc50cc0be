import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/_server/shell-actions";

export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={locale === "vi" ? "en" : "vi"} />
      <button
        type="submit"
        className="text-sm text-brand-700 underline-offset-2 hover:underline"
        data-testid="locale-switch"
      >
        {t("language")}
      </button>
    </form>
  );
}
