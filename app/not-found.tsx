import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The page for an address that does not exist, in the reader's language (Next's own is in English).
 * Small on purpose: every page's payload carries it once per layout (issue 12).
 */
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="mx-auto max-w-xl p-8" data-testid="not-found">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("text")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </main>
  );
}
