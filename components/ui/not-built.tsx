import { getTranslations } from "next-intl/server";

/** Said plainly: a page the next releases fill does not pretend to work. */
export async function NotBuilt({ title }: { title: string }) {
  const t = await getTranslations("common");
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      <p className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="not-built">
        {t("notBuilt")}
      </p>
    </section>
  );
}
