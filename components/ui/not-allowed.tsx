import { getTranslations } from "next-intl/server";

export async function NotAllowed() {
  const t = await getTranslations("common");
  return (
    <p className="rounded border border-red-300 bg-red-50 p-4 text-red-900" data-testid="not-allowed">
      {t("notAllowed")}
    </p>
  );
}
