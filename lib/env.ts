import { z } from "zod";

/**
 * The environment, read and checked in one place. Demo mode (demo accounts may sign in) is on by
 * default for the embedded database and off for a PostgreSQL server unless CHITIEU_DEMO=1.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().optional(),
  CHITIEU_DEMO: z.enum(["0", "1"]).optional(),
  WEB_CONCURRENCY: z
    .string()
    .regex(/^(auto|[1-9][0-9]?)$/, "WEB_CONCURRENCY must be a number of processes (1–99) or auto")
    .optional(),
});

export type Env = {
  databaseUrl: string | undefined;
  pgliteDir: string;
  authSecret: string | undefined;
  demoMode: boolean;
  /** Server processes `npm start` runs (WEB_CONCURRENCY): a number, or `auto` for one per core. */
  webConcurrency: number | "auto";
};

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse({ ...source, DATABASE_URL: source.DATABASE_URL || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`ChiTieu: invalid environment — ${problems}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    authSecret: e.AUTH_SECRET,
    demoMode: e.CHITIEU_DEMO ? e.CHITIEU_DEMO === "1" : !e.DATABASE_URL,
    webConcurrency: e.WEB_CONCURRENCY === "auto" ? "auto" : Number(e.WEB_CONCURRENCY ?? 1),
  };
}

/**
 * How many server processes to run: WEB_CONCURRENCY (`auto`: one per core), but always one on the
 * embedded database, which allows one process per data directory.
 */
export function serverProcesses(env: Env, cores: number): number {
  if (!env.databaseUrl) return 1;
  return env.webConcurrency === "auto" ? Math.max(1, cores) : env.webConcurrency;
}

/** The signing secret for sessions; a missing or short one is a crash with a clear message, never a default. */
export function requireAuthSecret(env: Env = readEnv()): string {
  if (!env.authSecret || env.authSecret.length < 32) {
    throw new Error(
      "ChiTieu: AUTH_SECRET must be set to a random string of at least 32 characters " +
        "(e.g. `openssl rand -base64 33`). `npm start` creates one in .data/ for the embedded demo.",
    );
  }
  return env.authSecret;
}

/** E-mail settings (issue 13). Without SMTP_URL nothing is sent: messages wait in the outbox. */
const mailSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("ChiTieu <chitieu@localhost>"),
  APP_URL: z.url().default("http://localhost:3000"),
  MAIL_POLL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
});

export type MailEnv = { smtpUrl: string | undefined; from: string; appUrl: string; pollMs: number };

export function readMailEnv(source: Record<string, string | undefined> = process.env): MailEnv {
  const blank = (v: string | undefined) => v || undefined;
  const parsed = mailSchema.safeParse({
    SMTP_URL: blank(source.SMTP_URL),
    MAIL_FROM: blank(source.MAIL_FROM),
    APP_URL: blank(source.APP_URL),
    MAIL_POLL_MS: blank(source.MAIL_POLL_MS),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`ChiTieu: invalid mail settings — ${problems}`);
  }
  const e = parsed.data;
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, appUrl: e.APP_URL, pollMs: e.MAIL_POLL_MS };
}
