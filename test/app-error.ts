import { AppError } from "@/lib/errors";

/** The AppError a promise rejects with; anything else (or no error at all) fails the test. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
