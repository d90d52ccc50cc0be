import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import type { StoredParagraph } from "../lib/report-edits";
import type { ReportView } from "../lib/report-view";

// Amounts are exact decimals. 22 digits with 6 after the point covers tỷ đồng to the đồng, every
// published rate and every value the validation accepts (|v| ≤ 1e15, lib/numbers.ts; issue 9 widened
// it from 20); drizzle hands them to us as strings so no float ever touches them.
const amount = (name: string) => numeric(name, { precision: 22, scale: 6 });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const roleEnum = pgEnum("role", ["staff", "leader", "province_admin", "national", "system_admin"]);
export const indicatorKindEnum = pgEnum("indicator_kind", ["flow", "index", "stock", "count", "rate"]);
export const directionEnum = pgEnum("direction", ["up", "down", "neutral"]);
export const measureEnum = pgEnum("measure", ["value", "level", "yoy_pct", "mom_pct"]);
export const vintageEnum = pgEnum("vintage", ["estimate", "preliminary", "official"]);
export const periodStatusEnum = pgEnum("period_status", ["draft", "submitted", "approved", "returned"]);
export const targetBasisEnum = pgEnum("target_basis", ["level", "growth"]);
export const boundEnum = pgEnum("target_bound", ["exact", "at_least", "at_most"]);

// ── Reference data ───────────────────────────────────────────────────────────

/** The 63 former and 34 current provincial units; `id` is the identity, `code` is reused (domain.md §7). */
export const provinces = pgTable("provinces", {
  id: text("id").primaryKey(),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  kind: text("kind").notNull(),
  validFrom: date("valid_from"),
  validTo: date("valid_to"),
  successorId: text("successor_id"),
});
export type Province = typeof provinces.$inferSelect;
export type NewProvince = typeof provinces.$inferInsert;

export const indicators = pgTable("indicators", {
  code: text("code").primaryKey(),
  parentCode: text("parent_code"),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  unit: text("unit").notNull(),
  kind: indicatorKindEnum("kind").notNull(),
  direction: directionEnum("direction").notNull(),
  decimals: smallint("decimals").notNull(),
  targetBasis: targetBasisEnum("target_basis").notNull(),
  frequency: text("frequency").notNull(),
  /** Catalogue order, for sheets and scorecards. */
  sortOrder: integer("sort_order").notNull(),
});
export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

// ── People ───────────────────────────────────────────────────────────────────

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored lower-case; sign-in lower-cases what is typed. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    /** Null for national viewers and system admins, who belong to no province. */
    provinceId: text("province_id").references(() => provinces.id),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Demo accounts sign in only when the app runs in demo mode. */
    isDemo: boolean("is_demo").notNull().default(false),
    /** Bumped on deactivation, password reset or role change: every older session and token stops working. */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("users_province_idx").on(t.provinceId),
    check(
      "users_province_by_role",
      sql`(${t.role} in ('national', 'system_admin')) = (${t.provinceId} is null)`,
    ),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = User["role"];

/** Every sign-in attempt: the rate limit counts failures here, so it holds across app servers. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    address: text("address").notNull(),
    userId: integer("user_id"),
    success: boolean("success").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_username_idx").on(t.username, t.at),
    index("sign_in_attempts_address_idx").on(t.address, t.at),
  ],
);
export type SignInAttempt = typeof signInAttempts.$inferSelect;

/** Personal access tokens for the API; only a SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, shown in lists so a person can tell tokens apart. */
    prefix: text("prefix").notNull(),
    /** The owner's session version when the token was made: deactivation, a password reset or a role change bumps it, and the token dies. */
    sessionVersion: integer("session_version").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// ── Figures ──────────────────────────────────────────────────────────────────

/**
 * The current value of each figure. Every version ever written, this one included, is in
 * `figure_revisions`; this row is only the latest, kept for fast reads and for the version check.
 */
export const figures = pgTable(
  "figures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    /** `2024-02`, `2024-Q1`, `2024-YTD06` or `2024` (lib/periods.ts). */
    period: text("period").notNull(),
    year: smallint("year").notNull(),
    measure: measureEnum("measure").notNull(),
    value: amount("value").notNull(),
    vintage: vintageEnum("vintage").notNull(),
    note: text("note"),
    /** Optimistic concurrency: a write names the version it read. */
    version: integer("version").notNull().default(1),
    enteredBy: integer("entered_by").references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("figures_key").on(t.provinceId, t.indicatorCode, t.period, t.measure),
    index("figures_province_year_idx").on(t.provinceId, t.year),
    // The national comparison reads one indicator across every province.
    index("figures_indicator_year_idx").on(t.indicatorCode, t.year),
    check(
      "figures_period_format",
      sql`${t.period} ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-YTD(0[1-9]|1[0-2]))?$'`,
    ),
  ],
);
export type Figure = typeof figures.$inferSelect;
export type NewFigure = typeof figures.$inferInsert;
export type Measure = Figure["measure"];
export type Vintage = Figure["vintage"];

/** Append-only history of every figure: one row per version written. */
export const figureRevisions = pgTable(
  "figure_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    figureId: bigint("figure_id", { mode: "number" })
      .notNull()
      .references(() => figures.id),
    version: integer("version").notNull(),
    value: amount("value").notNull(),
    vintage: vintageEnum("vintage").notNull(),
    note: text("note"),
    enteredBy: integer("entered_by").references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("figure_revisions_key").on(t.figureId, t.version),
    // "What's new" reads the newest revisions since a date (issue 12).
    index("figure_revisions_entered_at_idx").on(t.enteredAt),
  ],
);
export type FigureRevision = typeof figureRevisions.$inferSelect;

// ── The monthly workflow ─────────────────────────────────────────────────────

/** One row per province-month that has left the implicit draft state. */
export const periodStatuses = pgTable(
  "period_statuses",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    /** A month key, `2024-02`: the month is the unit of entry and approval. */
    period: text("period").notNull(),
    status: periodStatusEnum("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.period] }),
    check("period_statuses_month", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
export type PeriodStatus = typeof periodStatuses.$inferSelect;
export type PeriodStatusValue = PeriodStatus["status"];

/** Every transition of a province-month, with the reason and the warnings acknowledged. */
export const periodTransitions = pgTable(
  "period_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    period: text("period").notNull(),
    action: text("action").notNull(),
    fromStatus: periodStatusEnum("from_status").notNull(),
    toStatus: periodStatusEnum("to_status").notNull(),
    reason: text("reason"),
    acknowledgements: jsonb("acknowledgements").$type<{ indicator: string; reason: string }[]>(),
    userId: integer("user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("period_transitions_key_idx").on(t.provinceId, t.period),
    index("period_transitions_at_idx").on(t.at),
  ],
);
export type PeriodTransition = typeof periodTransitions.$inferSelect;

// ── Targets ──────────────────────────────────────────────────────────────────

export const targets = pgTable(
  "targets",
  {
    id: serial("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    year: smallint("year").notNull(),
    /** Null for the year's target; 1–4 for a quarterly growth scenario (kịch bản). */
    quarter: smallint("quarter"),
    basis: targetBasisEnum("basis").notNull(),
    value: amount("value").notNull(),
    /** The upper end of a range ("5–8 dự án"); null otherwise. */
    valueMax: amount("value_max"),
    bound: boundEnum("bound").notNull().default("exact"),
    document: text("document"),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("targets_key").on(t.provinceId, t.indicatorCode, t.year, t.quarter).nullsNotDistinct(),
    check("targets_quarter", sql`${t.quarter} is null or ${t.quarter} between 1 and 4`),
    check("targets_range", sql`${t.valueMax} is null or ${t.valueMax} >= ${t.value}`),
  ],
);
export type Target = typeof targets.$inferSelect;
export type NewTarget = typeof targets.$inferInsert;

/** Append-only history of every target version. */
export const targetRevisions = pgTable(
  "target_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id),
    version: integer("version").notNull(),
    basis: targetBasisEnum("basis").notNull(),
    value: amount("value").notNull(),
    valueMax: amount("value_max"),
    bound: boundEnum("bound").notNull(),
    document: text("document"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("target_revisions_key").on(t.targetId, t.version),
    index("target_revisions_updated_at_idx").on(t.updatedAt),
  ],
);

// ── Audit ────────────────────────────────────────────────────────────────────

/** Who changed what, when, from what to what. Written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for changes made by the system itself (seed, migrations). */
    userId: integer("user_id").references(() => users.id),
    provinceId: text("province_id"),
    /** `figure.save`, `period.approve`, `target.save`, `user.create`, `token.create`, ... */
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_province_at_idx").on(t.provinceId, t.at),
    // Newest first across every province (the system admin's audit page, its CSV read in (at, id) batches).
    index("audit_log_at_id_idx").on(t.at, t.id),
    index("audit_log_user_idx").on(t.userId),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;

// ── Imports ──────────────────────────────────────────────────────────────────

/**
 * An uploaded file between its preview and its confirmation: the writes it would make (with the
 * versions the file was made against), so the confirmation saves exactly what was previewed. A
 * committed import stays as the record the audit rows of its figures name.
 */
export const imports = pgTable(
  "imports",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** `template` (ChiTieu's month template) or `layout` (another sheet, mapped). */
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    months: text("months").array().notNull(),
    writes: jsonb("writes").notNull(),
    /** The mapping a `layout` import used, kept for the province when it is committed. */
    mapping: jsonb("mapping"),
    status: text("status").notNull().default("pending"),
    createdAt: createdAt(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    index("imports_province_created_idx").on(t.provinceId, t.createdAt),
    check("imports_kind", sql`${t.kind} in ('template', 'layout')`),
    check("imports_status", sql`${t.status} in ('pending', 'committed')`),
  ],
);
export type Import = typeof imports.$inferSelect;

/** How a province's own spreadsheets map to indicators and months, by sheet name: set once, reused. */
export const importMappings = pgTable(
  "import_mappings",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    /** The sheet's name as a key (lower case, spaces collapsed). */
    sheet: text("sheet").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.sheet] })],
);
export type ImportMapping = typeof importMappings.$inferSelect;

// ── Reports ──────────────────────────────────────────────────────────────────

/** Raw bytes (a rendered file); PGlite gives a Uint8Array, postgres.js a Buffer, both Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * What a province's report prints in its header and signature (Nghị định 30/2020), valid between
 * two dates: the 2025 merger changed names, and a report is printed with the settings of its date.
 */
export const reportSettings = pgTable(
  "report_settings",
  {
    id: serial("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    supervisingBody: text("supervising_body").notNull(),
    issuingBody: text("issuing_body").notNull(),
    place: text("place").notNull(),
    symbol: text("symbol").notNull(),
    signerAuthority: text("signer_authority").notNull().default(""),
    signerTitle: text("signer_title").notNull(),
    signerName: text("signer_name").notNull().default(""),
    addressees: jsonb("addressees").$type<string[]>().notNull().default([]),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    draftingUnit: text("drafting_unit").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_settings_key").on(t.provinceId, t.validFrom),
    check("report_settings_validity", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
export type ReportSettingsRecord = typeof reportSettings.$inferSelect;

/**
 * A province's report of a period: the paragraphs staff changed (the rest is written from the
 * figures each time), and once issued its number, date and a frozen copy of what it said.
 */
export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    period: text("period").notNull(),
    /** Optimistic concurrency: a save names the version it read. */
    version: integer("version").notNull().default(1),
    paragraphs: jsonb("paragraphs").$type<StoredParagraph[]>().notNull().default([]),
    issuedNumber: integer("issued_number"),
    issuedSymbol: text("issued_symbol"),
    issuedOn: date("issued_on"),
    /** The year of issuedOn: document numbers run per year. */
    issuedYear: smallint("issued_year"),
    issuedPlace: text("issued_place"),
    issuedBy: integer("issued_by").references(() => users.id),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    /** The report as issued (lib/report-view.ts ReportView): revised figures do not change it. */
    snapshot: jsonb("snapshot").$type<ReportView>(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reports_key").on(t.provinceId, t.period),
    unique("reports_number").on(t.provinceId, t.issuedYear, t.issuedSymbol, t.issuedNumber),
    check(
      "reports_period_format",
      sql`${t.period} ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-YTD(0[1-9]|1[0-2]))?$'`,
    ),
  ],
);
export type ReportRecord = typeof reports.$inferSelect;

/** An issued report's files, stored when it was issued and downloaded unchanged ever after. */
export const reportFiles = pgTable(
  "report_files",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    format: text("format").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.format] })],
);

// ── issue 13: deadlines, notifications, e-mail, what's new ───────────────────

/**
 * When each reporting obligation is due (domain.md §6): the period's figures by `dueDay` of the
 * `monthsAfter`-th month after the period ends, covering up to `cutoffDay` when a regime fixes one.
 * A row with no province is the national rule; a province's row overrides it. Without any row the
 * defaults of lib/calendar.ts apply.
 */
export const reportingObligations = pgTable(
  "reporting_obligations",
  {
    id: serial("id").primaryKey(),
    /** `month`, `quarter`, `half` (6 tháng) or `year`. */
    kind: text("kind").notNull(),
    provinceId: text("province_id").references(() => provinces.id),
    dueDay: smallint("due_day").notNull(),
    monthsAfter: smallint("months_after").notNull().default(1),
    cutoffDay: smallint("cutoff_day"),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reporting_obligations_key").on(t.kind, t.provinceId).nullsNotDistinct(),
    check("reporting_obligations_kind", sql`${t.kind} in ('month', 'quarter', 'half', 'year')`),
    check("reporting_obligations_due_day", sql`${t.dueDay} between 1 and 31`),
    check("reporting_obligations_months_after", sql`${t.monthsAfter} between 0 and 12`),
    check("reporting_obligations_cutoff", sql`${t.cutoffDay} is null or ${t.cutoffDay} between 1 and 31`),
  ],
);
export type ReportingObligation = typeof reportingObligations.$inferSelect;

/** In-app notifications (the bell). `dedupeKey` makes each event reach a person once. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** `returned`, `due_soon`, `overdue`, `waiting_approval`, `approved_late` (lib/notify.ts). */
    kind: text("kind").notNull(),
    provinceId: text("province_id").references(() => provinces.id),
    period: text("period"),
    payload: jsonb("payload").$type<Record<string, string | number | null>>().notNull().default({}),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    unique("notifications_dedupe").on(t.userId, t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/**
 * Outgoing e-mail, queued in the same transaction as the event that caused it and sent by the
 * worker (lib/outbox.ts for the retry rules). Without SMTP_URL the rows stay here for the system
 * admin to read; a failed send waits `next_attempt_at` (backoff) and keeps its last error.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id").references(() => users.id),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** `pending` (to send or retry), `sent`, `failed` (gave up after the last attempt). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A worker that claimed the row holds it until then; after a crash another takes it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("mail_outbox_status", sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);
export type MailOutboxRow = typeof mailOutbox.$inferSelect;

/** Each person's e-mail address and opt-out, and when they last saw "what's new". */
export const userPreferences = pgTable("user_preferences", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  email: text("email"),
  emailOptOut: boolean("email_opt_out").notNull().default(false),
  whatsNewSeenAt: timestamp("whats_new_seen_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type UserPreferences = typeof userPreferences.$inferSelect;

// ── issue 9: sessions ended on the server ────────────────────────────────────

/**
 * One row per sign-in: the session cookie names its id, and a request is served only while the row
 * is live — not revoked (signing out revokes it), not expired, and on the owner's current session
 * version (a deactivation, reset, role change or the person's own password change bumps it).
 */
export const sessions = pgTable(
  "sessions",
  {
    /** Random, 32 bytes base64url: the cookie's `sid`. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    sessionVersion: integer("session_version").notNull(),
    address: text("address").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

// ── issue 12: data versions, the key of the attainment cache ────────────────

/**
 * A counter per province (and `*` for the reference tables, provinces and indicators), bumped in
 * the writing transaction by triggers on figures, targets and period_statuses (migration
 * `data_versions_triggers`). Computed attainment is cached keyed by the versions it was computed
 * from (app/_server/attainment-cache.ts): one indexed read per request tells whether it is still
 * true, on any number of app servers.
 */
export const dataVersions = pgTable("data_versions", {
  scope: text("scope").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
export type DataVersion = typeof dataVersions.$inferSelect;
