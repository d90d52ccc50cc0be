/**
 * Errors that are safe to show: a code, an HTTP status, a message in Vietnamese and in English,
 * and per-field messages for forms. Anything else thrown is logged and shown as a generic error.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

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
  error: { code: ErrorCode; message: string; messageEn: string; fields?: FieldErrors; details?: unknown };
};

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.messageVi,
      messageEn: e.messageEn,
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.details !== undefined ? { details: e.details } : {}),
    },
  };
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
