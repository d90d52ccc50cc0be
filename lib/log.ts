/**
 * Logs an unexpected server error. A failed query's message carries its SQL and its parameters
 * (figures, names, password hashes): outside development only the database's own error is logged,
 * never the statement.
 */
export function logServerError(error: unknown, env: string | undefined = process.env.NODE_ENV): void {
  if (env === "development") {
    console.error(error);
    return;
  }
  if (!(error instanceof Error) || !error.message.startsWith("Failed query:")) {
    console.error(error);
    return;
  }
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  console.error(
    `[chitieu] database error${typeof code === "string" ? ` ${code}` : ""}: ${
      cause instanceof Error ? cause.message : "unknown"
    }`,
  );
}
