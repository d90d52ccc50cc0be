/**
 * Units as the reader's language writes them. The catalogue (db/data/indicators.csv) stores the
 * Vietnamese unit; English pages, exports and messages say it in English. Pure.
 */
import type { Locale } from "./format";

const ENGLISH: Record<string, string> = {
  "tỷ đồng": "billion VND",
  "triệu đồng": "million VND",
  "triệu USD": "million USD",
  "nghìn USD": "thousand USD",
  "triệu kWh": "million kWh",
  "dự án": "projects",
  thôn: "villages",
  cụm: "clusters",
  tấn: "tonnes",
  "điểm %": "pp",
};

/** "tỷ đồng" → "billion VND" in English; units without words (%, MW) are the same in both. */
export function unitLabel(unit: string, locale: Locale): string {
  return locale === "en" ? (ENGLISH[unit] ?? unit) : unit;
}
