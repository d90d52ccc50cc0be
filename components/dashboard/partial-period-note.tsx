import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/format";
import type { Coverage } from "@/lib/partial-period";
import { parsePeriod, periodLabel } from "@/lib/periods";

/** Says that a period is not over and how many of its months the figures shown cover ("1/3 tháng"). */
export async function PartialPeriodNote({ coverage, locale }: { coverage: Coverage | null; locale: Locale }) {
  if (!coverage || coverage.have === 0 || !coverage.through) return null;
  const t = await getTranslations("dashboard");
  const through = parsePeriod(coverage.through);
  return (
    <p
      className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
      data-testid="partial-period"
    >
      {t("partial", {
        have: coverage.have,
        of: coverage.of,
        through: through ? periodLabel(through, locale) : coverage.through,
      })}
    </p>
  );
}
