/**
 * CSV for the exports (audit log, an indicator's months), written so that Excel opens it as a
 * table on a double click: UTF-8 with a byte order mark (Vietnamese letters), and the separator
 * and decimal mark of the reader's Excel. A Vietnamese Windows (vi-VN regional settings) lists
 * with ";" and writes decimals with ","; an English one uses "," and ".". So a Vietnamese export
 * is `1234,5;…` and an English one `1234.5,…`. Pure.
 */
import type { Locale } from "./format";

export type CsvDialect = { separator: ";" | ","; decimal: "," | "." };

export const CSV_DIALECTS: Record<Locale, CsvDialect> = {
  vi: { separator: ";", decimal: "," },
  en: { separator: ",", decimal: "." },
};

/** A number as Excel reads it in the dialect: no grouping, the dialect's decimal mark, a minus kept. */
export function csvNumber(value: number | null | undefined, dialect: CsvDialect = CSV_DIALECTS.en): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const s = String(value);
  return dialect.decimal === "," ? s.replace(".", ",") : s;
}

/**
 * One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break. Text that
 * a spreadsheet would run as a formula (= + - @, tab, carriage return first) is prefixed with an
 * apostrophe: names and notes come from users (OWASP, CSV injection). Numbers are written by
 * `csvNumber` and never prefixed, so Excel still reads "-2,01" as a number.
 */
export function csvField(
  value: string | number | null | undefined,
  dialect: CsvDialect = CSV_DIALECTS.en,
): string {
  if (typeof value === "number") return csvNumber(value, dialect);
  let s = value === null || value === undefined ? "" : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const special = dialect.separator === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(
  fields: (string | number | null | undefined)[],
  dialect: CsvDialect = CSV_DIALECTS.en,
): string {
  return `${fields.map((f) => csvField(f, dialect)).join(dialect.separator)}\r\n`;
}

/** Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a byte order mark. */
export const CSV_BOM = "\uFEFF";
