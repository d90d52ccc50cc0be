import type { Locale } from "@/lib/format";
import { type TargetContent, type TargetRow, targetAmount } from "@/lib/targets";
import { unitLabel } from "@/lib/units";

/** The words for a bound, from the `targets` messages. */
export type BoundWords = { atLeast: string; atMost: string };

/** A target as a report writes it: "trên +16,00%", "5–8 dự án", "500,00 triệu USD". */
export function targetText(
  target: Pick<TargetContent, "basis" | "value" | "valueMax" | "bound">,
  row: Pick<TargetRow, "decimals" | "unit">,
  words: BoundWords,
  locale: Locale,
): string {
  const bound =
    target.bound === "at_least" ? `${words.atLeast} ` : target.bound === "at_most" ? `${words.atMost} ` : "";
  const amount = targetAmount(target, row.decimals, locale);
  return target.basis === "growth" ? `${bound}${amount}` : `${bound}${amount} ${unitLabel(row.unit, locale)}`;
}
