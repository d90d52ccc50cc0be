/** CSV for the exports (audit log, an indicator's months). Pure. */

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return first) is prefixed with an
 * apostrophe: names and notes come from users (OWASP, CSV injection).
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a byte order mark. */
export const CSV_BOM = "\uFEFF";
