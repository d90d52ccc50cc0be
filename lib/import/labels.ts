/**
 * Row labels and month headers of a spreadsheet as keys (the statistics office's tables): pure text,
 * shared by the server reading a file and the page where a person maps it.
 */
import { labelKey, MONTH_WORDS } from "../extract/names";

/** A header as a key for a saved mapping: its words without years ("Tháng 1/2026" → "tháng 1"). */
export function headerKey(text: string): string {
  return labelKey(text)
    .replace(/(?:\s*[/.-]\s*|\s+năm\s+|\s+)?\b(?:19|20)\d{2}\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A month column's meaning from its header: "Tháng 1", "T1/2026", "01/2026", "Lũy kế 6 tháng". */
export function readHeader(
  text: string,
): { kind: "month" | "ytd"; month: number; year: number | null } | null {
  const t = labelKey(text);
  const yearMatch = /\b((?:19|20)\d{2})\b/.exec(t);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const ytd = /(?:lũy kế|cộng dồn|tính chung)?\s*(\d{1,2})\s*tháng(?:\s+đầu\s+năm)?/u.exec(t);
  if (ytd && !/^tháng/.test(t)) {
    const n = Number(ytd[1]);
    return n >= 1 && n <= 12 ? { kind: "ytd", month: n, year } : null;
  }
  const m =
    /^(?:tháng|th|t)\.?\s*(\d{1,2})(?!\d)/u.exec(t) ?? /^(\d{1,2})\s*[/.-]\s*(?:19|20)\d{2}$/u.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? { kind: "month", month: n, year } : null;
  }
  const word =
    /^tháng\s+(mười một|mười hai|mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)(?![\p{L}])/u.exec(t);
  if (word) return { kind: "month", month: MONTH_WORDS[word[1]], year };
  return null;
}

/** A row label without its numbering, a trailing unit in brackets, "trong đó", "chia ra". */
export function cleanLabel(text: string): string {
  return labelKey(text)
    .replace(/^(?:trong đó|chia ra|gồm)\s*:?\s*/u, "")
    .replace(/^[-–—+*•]\s*/u, "")
    .replace(
      /\s*\((?:%|tỷ đồng|tỉ đồng|triệu đồng|triệu usd|nghìn usd|triệu kwh|mw|dự án|thôn|cụm)\)\s*$/u,
      "",
    )
    .trim();
}
