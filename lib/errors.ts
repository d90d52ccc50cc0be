/**
 * Errors that are safe to show: a code, an HTTP status, a message in Vietnamese and in English,
 * and per-field messages for forms, in both languages too. The API carries both; a page shows
 * the reader's language only (`inLocale`). Anything else thrown is logged and shown as a generic error.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** One message in both languages. */
export type Bilingual = { vi: string; en: string };
/** Per-field messages, by the field's path (`figures.3.value`), in both languages. */
export type FieldErrors = Record<string, Bilingual[]>;
/** Per-field messages in one language, as the API and the pages receive them. */
export type FieldMessages = Record<string, string[]>;

/**
 * A zod message in both languages, for schemas shared by pages and the API: zod carries one
 * string, so the two travel joined by a control character and are split again by `splitBilingual`.
 */
const JOIN = "\u001f";
export function bilingual(vi: string, en: string): string {
  return `${vi}${JOIN}${en}`;
}
/** A message made by `bilingual`; any other text is taken as the same in both languages. */
export function splitBilingual(message: string): Bilingual {
  const at = message.indexOf(JOIN);
  return at < 0 ? { vi: message, en: message } : { vi: message.slice(0, at), en: message.slice(at + 1) };
}

/** Adds a message to a field's list. */
export function addFieldError(fields: FieldErrors, path: string, message: Bilingual): void {
  fields[path] = [...(fields[path] ?? []), message];
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly fields?: FieldErrors,
    /** Extra data the caller needs to decide, e.g. the current value on a conflict. */
    readonly details?: unknown,
  ) {
    super(messageEn);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export type ErrorBody = {
  error: {
    code: ErrorCode;
    /** Vietnamese. */
    message: string;
    messageEn: string;
    /** Per field, in Vietnamese. */
    fields?: FieldMessages;
    /** Per field, in English (the same keys as `fields`). */
    fieldsEn?: FieldMessages;
    details?: unknown;
  };
};

function fieldsIn(fields: FieldErrors, lang: keyof Bilingual): FieldMessages {
  return Object.fromEntries(Object.entries(fields).map(([path, list]) => [path, list.map((m) => m[lang])]));
}

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.messageVi,
      messageEn: e.messageEn,
      ...(e.fields ? { fields: fieldsIn(e.fields, "vi"), fieldsEn: fieldsIn(e.fields, "en") } : {}),
      ...(e.details !== undefined ? { details: e.details } : {}),
    },
  };
}

/** An error as the reader sees it: the message and the field messages in their language only. */
export function inLocale(
  error: ErrorBody["error"],
  locale: "vi" | "en",
): { message: string; fields: FieldMessages | undefined } {
  return locale === "en"
    ? { message: error.messageEn, fields: error.fieldsEn ?? error.fields }
    : { message: error.message, fields: error.fields };
}

export const errors = {
  unauthenticated: () =>
    new AppError(
      "unauthenticated",
      "Bạn chưa đăng nhập hoặc phiên đã hết hạn.",
      "You are not signed in, or your session has ended.",
    ),
  forbidden: () =>
    new AppError(
      "forbidden",
      "Bạn không có quyền thực hiện thao tác này.",
      "You are not allowed to do this.",
    ),
  notFound: (whatVi: string, whatEn: string) =>
    new AppError("not_found", `Không tìm thấy ${whatVi}.`, `${whatEn} not found.`),
  internal: () =>
    new AppError(
      "internal",
      "Đã có lỗi hệ thống. Vui lòng thử lại.",
      "Something went wrong on our side. Please try again.",
    ),
};

/** The path (`figures.0.note`) of the first string with a NUL byte in a value, or null: PostgreSQL cannot store one. */
export function nulBytePath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "body" : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return path ? `${path}.${key}` : key;
    const found = nulBytePath(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** A request naming a field that holds a NUL byte: 400 for paths and queries, 422 for bodies. */
export function nulByteError(path: string, code: "bad_request" | "invalid"): AppError {
  return new AppError(
    code,
    "Dữ liệu có ký tự không hợp lệ (NUL).",
    "The input holds an invalid character (NUL).",
    { [path]: [{ vi: "Có ký tự NUL không hợp lệ.", en: "Holds an invalid NUL character." }] },
  );
}
