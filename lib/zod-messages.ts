/**
 * Zod's issues as messages in both languages: a schema's own message (written with `bilingual`)
 * is split, and zod's default messages are rendered again with its Vietnamese locale. Pure.
 */
import { z } from "zod";
import { type Bilingual, type FieldErrors, type FieldMessages, splitBilingual } from "./errors";

const vietnamese = z.locales.vi().localeError;

/** The message of one issue in both languages. */
export function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  const own = splitBilingual(issue.message);
  if (own.vi !== own.en) return own;
  // Not a message of ours: zod's English default; its Vietnamese from the same issue.
  const vi = vietnamese(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof vi === "string" ? vi : vi?.message;
  return { vi: text ?? issue.message, en: issue.message };
}

/** Zod issues by their full path (`figures.3.value`), so a message names the exact field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    fields[path] = [...(fields[path] ?? []), issueMessage(issue)];
  }
  return fields;
}

/** The same, in one language: what a page shows at its fields. */
export function zodFieldMessages(error: z.ZodError, locale: "vi" | "en"): FieldMessages {
  return Object.fromEntries(
    Object.entries(zodFieldErrors(error)).map(([path, list]) => [path, list.map((m) => m[locale])]),
  );
}
